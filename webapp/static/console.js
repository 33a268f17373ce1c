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

  var names = JSON.parse(document.getElementById("graph-names").textContent);
  var nodeUrl = tableBox.dataset.node;

  function link(name, uid) {
    var a = document.createElement("a");
    a.href = nodeUrl.replace("UID", encodeURIComponent(uid));
    a.className = "node-link";
    a.textContent = name;
    return a;
  }

  // A node: its type's badge (Chinese name, colour) and its name, linked to its page when it has a uid.
  function nodeCell(td, node) {
    var label = node.labels[0] || "";
    var known = names.labels[label] || {name: label, colour: "#999"};
    var badge = document.createElement("span");
    badge.className = "badge";
    badge.style.background = known.colour;
    badge.textContent = known.name;
    badge.title = node.labels.join(":");
    var props = node.properties || {};
    var name = String((label === "Document" && props.title) || node.name || props.uid || node.id);
    td.append(badge, " ", props.uid ? link(name, props.uid) : name);
  }

  function relCell(td, rel) {
    var span = document.createElement("span");
    span.className = "rel";
    span.title = rel.type;
    span.textContent = "—" + (names.types[rel.type] || rel.type) + "→";
    td.append(span);
  }

  // One value in a cell: nodes, relationships and paths drawn by name; {uid, name} rows of named queries linked;
  // lists joined by 、; other maps as JSON; plain values as text.
  function cell(td, value) {
    if (value === null || value === undefined) { return; }
    if (Array.isArray(value)) {
      value.forEach(function (v, i) { if (i) { td.append("、"); } cell(td, v); });
      return;
    }
    if (typeof value === "object") {
      if (value.labels && value.properties) { nodeCell(td, value); return; }
      if (value.type && value.properties && "start" in value) { relCell(td, value); return; }
      if (value.nodes && value.relationships) {
        value.nodes.forEach(function (n, i) {
          if (i) { relCell(td, value.relationships[i - 1]); }
          nodeCell(td, n);
        });
        return;
      }
      if (typeof value.uid === "string" && typeof value.name === "string") { td.append(link(value.name, value.uid)); return; }
      td.append(JSON.stringify(value));
      td.classList.add("json");
      return;
    }
    if (typeof value === "number") { td.classList.add("num"); }
    td.append(String(value));
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
      row.forEach(function (v) { cell(tr.insertCell(), v); });
    });
    if (!rows.length) {
      var empty = body.insertRow().insertCell();
      empty.colSpan = Math.max(1, columns.length);
      empty.className = "empty";
      empty.textContent = "没有结果";
    }
    tableBox.replaceChildren(table);
  }

  // The error in Chinese; the server's own words (or the refusal's English) folded below it.
  function showError(err) {
    var message = document.createElement("p");
    message.className = "error-message";
    message.textContent = err.message;
    errorBox.replaceChildren(message);
    if (err.detail) {
      var details = document.createElement("details");
      details.className = "error-detail";
      var summary = document.createElement("summary");
      summary.textContent = "服务器原文" + (err.code ? "（" + err.code + "）" : "");
      var pre = document.createElement("pre");
      pre.textContent = err.detail;
      details.append(summary, pre);
      errorBox.append(details);
    }
    errorBox.hidden = false;
    tabs.hidden = true;
    tableBox.replaceChildren();
    graphBox.hidden = true;
  }

  function setView(view) {
    tabs.querySelectorAll("button").forEach(function (b) { b.classList.toggle("active", b.dataset.view === view); });
    tableBox.hidden = view !== "table";
    graphBox.hidden = view !== "graph";
    if (view === "graph" && graphData) {
      var nodes = graphData.nodes.map(function (n) {
        var known = names.labels[n.labels[0]] || {name: n.labels.join(":"), colour: "#999"};
        return {id: n.id, label: String(n.name || known.name), title: known.name + " " + (n.name || ""), color: known.colour};
      });
      var edges = graphData.edges.map(function (e) {
        var name = names.types[e.type] || e.type;
        return {id: e.id, from: e.start, to: e.end, label: name, title: e.properties.evidence || name, arrows: "to"};
      });
      if (network) { network.destroy(); }
      network = new vis.Network(graphBox, {nodes: new vis.DataSet(nodes), edges: new vis.DataSet(edges)},
        {nodes: {shape: "dot", size: 12}, edges: {font: {size: 10}, smooth: false}});
    }
  }
  tabs.querySelectorAll("button").forEach(function (b) { b.addEventListener("click", function () { setView(b.dataset.view); }); });

  function answer(response) {
    return response.json().catch(function () { return {}; }).then(function (body) {
      if (!response.ok) {
        var err = new Error(body.error || ("请求失败（HTTP " + response.status + "）"));
        err.detail = body.detail;
        err.code = body.code;
        throw err;
      }
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
    status.textContent = "返回 " + rows.length + " 行" +
      (truncated ? "（" + ((notice || "").split(" / ")[0] || "结果被截断") + "）" : "") +
      (elapsed !== undefined ? "，用时 " + Math.round(elapsed) + " 毫秒" : "");
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
        .catch(function (err) { status.textContent = ""; showError(err); });
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
        .catch(function (err) { status.textContent = ""; showError(err); });
    });
    var copy = qf.querySelector(".copy-cypher");
    if (copy) {
      copy.addEventListener("click", function () { document.getElementById("cypher").value = qf.dataset.cypher; });
    }
  });
})();
