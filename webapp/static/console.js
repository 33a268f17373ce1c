// Console: run read-only Cypher or a named query; show the answer as a table and, when it has nodes, as a graph.
(function () {
  "use strict";
  var errorBox = document.getElementById("console-error");
  var status = document.getElementById("console-status");
  var tableBox = document.getElementById("result-table");
  var graphBox = document.getElementById("result-graph");
  var tabs = document.getElementById("result-tabs");
  var graphData = null;
  var network = null;

  function text(value) {
    if (value === null || value === undefined) { return ""; }
    if (typeof value === "object") {
      if (value.properties && value.labels) { return "(" + value.labels.join(":") + " " + (value.name || value.id) + ")"; }
      if (value.type && value.properties) { return "[:" + value.type + "]"; }
      return JSON.stringify(value);
    }
    return String(value);
  }

  function showTable(columns, rows) {
    var table = document.createElement("table");
    table.className = "data";
    table.id = "console-results";
    var head = table.createTHead().insertRow();
    columns.forEach(function (c) { var th = document.createElement("th"); th.textContent = c; head.appendChild(th); });
    var body = table.createTBody();
    rows.forEach(function (row) {
      var tr = body.insertRow();
      row.forEach(function (v) { tr.insertCell().textContent = text(v); });
    });
    tableBox.replaceChildren(table);
  }

  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = false;
  }

  function setView(view) {
    tabs.querySelectorAll("button").forEach(function (b) { b.classList.toggle("active", b.dataset.view === view); });
    tableBox.hidden = view !== "table";
    graphBox.hidden = view !== "graph";
    if (view === "graph" && graphData) {
      var nodes = graphData.nodes.map(function (n) {
        return {id: n.id, label: String(n.name || n.labels.join(":")), title: n.labels.join(":") + " " + (n.name || "")};
      });
      var edges = graphData.edges.map(function (e) {
        return {id: e.id, from: e.start, to: e.end, label: e.type, title: e.properties.evidence || e.type, arrows: "to"};
      });
      if (network) { network.destroy(); }
      network = new vis.Network(graphBox, {nodes: new vis.DataSet(nodes), edges: new vis.DataSet(edges)},
        {nodes: {shape: "dot", size: 12}, edges: {font: {size: 10}, smooth: false}});
    }
  }
  tabs.querySelectorAll("button").forEach(function (b) { b.addEventListener("click", function () { setView(b.dataset.view); }); });

  function answer(response) {
    return response.json().then(function (body) {
      if (!response.ok) { throw new Error(body.error || ("HTTP " + response.status)); }
      return body;
    });
  }

  // notice: the server's own words on a cut answer (row cap or byte cap); else a generic note
  function done(columns, rows, truncated, graph, elapsed, notice) {
    errorBox.hidden = true;
    showTable(columns, rows);
    graphData = graph && graph.nodes.length ? graph : null;
    tabs.hidden = !graphData;
    setView("table");
    status.textContent = "返回 " + rows.length + " 行" + (truncated ? "（" + (notice || "结果被截断") + "）" : "") +
      (elapsed !== undefined ? "，用时 " + elapsed + " 毫秒" : "");
  }

  var form = document.getElementById("cypher-form");
  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      status.textContent = "运行中…";
      fetch(form.dataset.api, {method: "POST", headers: {"Content-Type": "application/json"},
        body: JSON.stringify({cypher: document.getElementById("cypher").value, params: {}})})
        .then(answer)
        .then(function (r) { done(r.columns, r.rows, r.truncated, r.graph, r.elapsed_ms, r.notice); })
        .catch(function (err) { status.textContent = ""; showError(err.message); });
    });
  }

  document.querySelectorAll("form.query-form").forEach(function (qf) {
    qf.addEventListener("submit", function (event) {
      event.preventDefault();
      var params = new URLSearchParams(new FormData(qf));
      status.textContent = "运行中…";
      fetch(qf.dataset.api + "?" + params.toString())
        .then(answer)
        .then(function (r) {
          done(r.columns, r.rows.map(function (row) { return r.columns.map(function (c) { return row[c]; }); }), r.truncated, null);
        })
        .catch(function (err) { status.textContent = ""; showError(err.message); });
    });
    var copy = qf.querySelector(".copy-cypher");
    if (copy) {
      copy.addEventListener("click", function () { document.getElementById("cypher").value = qf.dataset.cypher; });
    }
  });
})();
