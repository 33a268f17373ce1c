// Explore view: vis-network around a node; a click adds that node's neighbours, a double click opens its page.
// Node and edge titles are plain strings, which vis-network shows as text (never as HTML).
(function () {
  "use strict";
  var box = document.getElementById("network");
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var status = document.getElementById("explore-status");
  var expanded = {};
  expanded[data.center] = true;
  var network = new vis.Network(box, {nodes: nodes, edges: edges}, {
    nodes: {shape: "dot", size: 14, font: {size: 14}},
    edges: {font: {size: 10, align: "middle"}, smooth: false, color: {color: "#9fb3c8"}},
    physics: {stabilization: {iterations: 150}, barnesHut: {springLength: 140}},
    interaction: {hover: true, navigationButtons: false, keyboard: true}
  });
  function url(template, uid) { return template.replace("UID", encodeURIComponent(uid)); }
  network.on("click", function (params) {
    if (!params.nodes.length) { return; }
    var uid = params.nodes[0];
    if (expanded[uid]) { return; }
    expanded[uid] = true;
    fetch(url(box.dataset.api, uid)).then(function (r) { return r.json(); }).then(function (more) {
      more.graph.nodes.forEach(function (n) { if (!nodes.get(n.id)) { nodes.add(n); } });
      more.graph.edges.forEach(function (e) { if (!edges.get(e.id)) { edges.add(e); } });
      status.textContent = "节点 " + nodes.length + " 个";
      box.dataset.expanded = Object.keys(expanded).length;
    });
  });
  network.on("doubleClick", function (params) {
    if (params.nodes.length) { window.location.href = url(box.dataset.node, params.nodes[0]); }
  });
  network.once("stabilized", function () { box.dataset.ready = "1"; });
  window.chainkgNetwork = network;
})();
