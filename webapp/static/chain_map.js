// Chain map page: PNG export (the server's SVG drawn onto a canvas) and printing.
(function () {
  "use strict";
  var png = document.getElementById("export-png");
  if (png) {
    png.addEventListener("click", function () {
      fetch(png.dataset.svg).then(function (r) {
        if (!r.ok) { throw new Error("SVG " + r.status); }
        return r.text();
      }).then(function (svgText) {
        var img = new Image();
        var url = URL.createObjectURL(new Blob([svgText], {type: "image/svg+xml"}));
        img.onload = function () {
          var scale = 2;
          var canvas = document.createElement("canvas");
          canvas.width = img.width * scale;
          canvas.height = img.height * scale;
          var ctx = canvas.getContext("2d");
          ctx.scale(scale, scale);
          ctx.drawImage(img, 0, 0);
          URL.revokeObjectURL(url);
          canvas.toBlob(function (blob) {
            var a = document.createElement("a");
            a.href = URL.createObjectURL(blob);
            a.download = png.dataset.filename;
            document.body.appendChild(a);
            a.click();
            a.remove();
          }, "image/png");
        };
        img.src = url;
      }).catch(function (err) { window.alert("导出 PNG 失败：" + err.message); });
    });
  }
  var print = document.getElementById("print");
  if (print) {
    print.addEventListener("click", function () {
      document.querySelectorAll("details.firms").forEach(function (d) { d.open = true; });
      window.print();
    });
  }
  // The side panel (carriers, distribution, measures, targets, projects) folds away to give the map the width;
  // the choice is remembered in this browser (localStorage) for every chain map.
  var side = document.getElementById("side-toggle");
  if (side) {
    var layout = side.closest(".chain-layout");
    var fold = function (folded) {
      layout.classList.toggle("side-folded", folded);
      side.setAttribute("aria-expanded", folded ? "false" : "true");
      side.textContent = folded ? "« 侧栏" : "收起侧栏 »";
    };
    var remembered = null;
    try { remembered = window.localStorage.getItem("chainkg.sideFolded"); } catch (e) { remembered = null; }
    fold(remembered === "1");
    side.addEventListener("click", function () {
      var folded = !layout.classList.contains("side-folded");
      fold(folded);
      try { window.localStorage.setItem("chainkg.sideFolded", folded ? "1" : "0"); } catch (e) { /* private mode */ }
    });
  }
  document.documentElement.dataset.chainMapReady = "1";
})();
