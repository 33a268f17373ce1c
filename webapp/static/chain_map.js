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
  document.documentElement.dataset.chainMapReady = "1";
})();
