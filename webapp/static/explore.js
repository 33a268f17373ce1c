// Explore view: vis-network around a node; a click adds that node's neighbours, a double click opens its page.
// The legend lists the node labels and relationship types on screen, in Chinese with their colours; unticking one
// hides those nodes (never the centre) or relationships. Names reach the page as text (textContent, and
// vis-network shows plain-string titles as text, never as HTML).
(function () {
  "use strict";
  var box = document.getElementById("network");
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var names = JSON.parse(document.getElementById("graph-names").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var status = document.getElementById("explore-status");
  var expanded = {};
  var hiddenLabels = {};
  var hiddenTypes = {};
  expanded[data.center] = true;
  var network = new vis.Network(box, {nodes: nodes, edges: edges}, {
    nodes: {shape: "dot", size: 14, font: {size: 14}},
    groups: data.groups,
    edges: {font: {size: 10, align: "middle"}, smooth: false, color: {color: "#9fb3c8"}},
    physics: {stabilization: {iterations: 150}, barnesHut: {springLength: 140}},
    interaction: {hover: true, navigationButtons: false, keyboard: true}
  });
  function url(template, uid) { return template.replace("UID", encodeURIComponent(uid)); }

  function countBy(items, key) {
    var counts = {};
    items.forEach(function (item) { counts[item[key]] = (counts[item[key]] || 0) + 1; });
    return counts;
  }

  function entry(kind, key, name, colour, count, hidden) {
    var label = document.createElement("label");
    label.className = "legend-entry";
    var tick = document.createElement("input");
    tick.type = "checkbox";
    tick.checked = !hidden[key];
    tick.dataset[kind] = key;
    tick.addEventListener("change", function () {
      if (tick.checked) { delete hidden[key]; } else { hidden[key] = true; }
      apply();
    });
    var swatch = document.createElement("span");
    swatch.className = kind === "label" ? "swatch" : "swatch line";
    swatch.style.background = colour;
    var text = document.createElement("span");
    text.textContent = name + "（" + count + "）";
    label.title = key;
    label.append(tick, swatch, text);
    return label;
  }

  function legend() {
    var labels = countBy(nodes.get(), "group");
    var types = countBy(edges.get(), "type");
    document.getElementById("legend-labels").replaceChildren.apply(
      document.getElementById("legend-labels"),
      Object.keys(labels).sort().map(function (l) {
        var known = names.labels[l] || {name: l, colour: "#999"};
        return entry("label", l, known.name, known.colour, labels[l], hiddenLabels);
      }));
    document.getElementById("legend-types").replaceChildren.apply(
      document.getElementById("legend-types"),
      Object.keys(types).sort().map(function (t) {
        return entry("type", t, names.types[t] || t, "#9fb3c8", types[t], hiddenTypes);
      }));
  }

  function apply() {
    nodes.update(nodes.get().map(function (n) {
      return {id: n.id, hidden: n.id !== data.center && !!hiddenLabels[n.group]};
    }));
    edges.update(edges.get().map(function (e) { return {id: e.id, hidden: !!hiddenTypes[e.type]}; }));
    var shown = nodes.get({filter: function (n) { return !n.hidden; }}).length;
    status.textContent = "节点 " + nodes.length + " 个" + (shown < nodes.length ? "（显示 " + shown + " 个）" : "");
    box.dataset.shown = shown;
  }

  network.on("click", function (params) {
    if (!params.nodes.length) { return; }
    var uid = params.nodes[0];
    if (expanded[uid]) { return; }
    expanded[uid] = true;
    fetch(url(box.dataset.api, uid)).then(function (r) { return r.json(); }).then(function (more) {
      more.graph.nodes.forEach(function (n) { if (!nodes.get(n.id)) { nodes.add(n); } });
      more.graph.edges.forEach(function (e) { if (!edges.get(e.id)) { edges.add(e); } });
      legend();
      apply();
      box.dataset.expanded = Object.keys(expanded).length;
    });
  });
  network.on("doubleClick", function (params) {
    if (params.nodes.length) { window.location.href = url(box.dataset.node, params.nodes[0]); }
  });
  network.once("stabilized", function () { box.dataset.ready = "1"; });
  legend();
  apply();
  window.chainkgNetwork = network;
})();
