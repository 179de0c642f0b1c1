// Export: the view as SVG (drawn from the shown nodes and edges at their screen positions,
// labels as text) and as PNG (that SVG rasterised at the view's size); the shown subgraph as
// JSON (the API's shape) and GraphML.

const XML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
const esc = (text) => String(text).replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);

function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function viewSvg(view) {
  const { renderer, graph } = view;
  const { width, height } = renderer.getDimensions();
  const shown = view.visible();
  const place = (id) => {
    const display = renderer.getNodeDisplayData(id);
    return { ...renderer.framedGraphToViewport(display), display };
  };
  const lines = [];
  for (const edge of shown.edges) {
    const data = renderer.getEdgeDisplayData(edge);
    const a = place(graph.source(edge));
    const b = place(graph.target(edge));
    lines.push(`<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" stroke="${esc(data?.color || "#999")}" stroke-width="${data?.size || 1}"><title>${esc(graph.getEdgeAttribute(edge, "relation").type)}</title></line>`);
  }
  for (const node of shown.nodes) {
    const p = place(node);
    const data = p.display;
    const radius = renderer.scaleSize(data.size);
    lines.push(`<g><circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${radius.toFixed(1)}" fill="${esc(data.color)}"/>` +
      `<text x="${(p.x + radius + 3).toFixed(1)}" y="${(p.y + 4).toFixed(1)}" font-family="sans-serif" font-size="13" fill="#1d2330">${esc(data.label)}</text></g>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${lines.join("")}</svg>`;
}

export function exportSvg(view) {
  download("kizuna-view.svg", new Blob([viewSvg(view)], { type: "image/svg+xml" }));
}

export async function exportPng(view) {
  const svg = viewSvg(view);
  const { width, height } = view.renderer.getDimensions();
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  canvas.getContext("2d").drawImage(image, 0, 0, width, height);
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
  download("kizuna-view.png", blob);
}

export function shownSubgraph(view) {
  const { graph } = view;
  const shown = view.visible();
  const nodes = [...shown.nodes].sort().map((id) => ({ id, name: graph.getNodeAttribute(id, "label"), type: graph.getNodeAttribute(id, "type_") }));
  const edges = [...shown.edges].sort().map((key) => graph.getEdgeAttribute(key, "relation"));
  return { nodes, edges };
}

export function exportJson(view) {
  download("kizuna-view.json", new Blob([JSON.stringify(shownSubgraph(view), null, 2)], { type: "application/json" }));
}

export function exportGraphml(view) {
  const { nodes, edges } = shownSubgraph(view);
  const keys = [["name", "node"], ["type", "node"], ["type", "edge"], ["year", "edge"], ["confidence", "edge"], ["evidence", "edge"]];
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...keys.map(([name, scope]) => `<key id="${scope}_${name}" for="${scope}" attr.name="${name}" attr.type="string"/>`),
    '<graph id="kizuna" edgedefault="directed">',
    ...nodes.map((n) => `<node id="${esc(n.id)}"><data key="node_name">${esc(n.name)}</data><data key="node_type">${esc(n.type)}</data></node>`),
    ...edges.map((e) => `<edge id="${esc(e.id)}" source="${esc(e.source)}" target="${esc(e.target)}"><data key="edge_type">${esc(e.type)}</data>` +
      `<data key="edge_year">${e.year ?? ""}</data><data key="edge_confidence">${e.confidence}</data>` +
      `<data key="edge_evidence">${esc(JSON.stringify(e.evidence))}</data></edge>`),
    "</graph>", "</graphml>",
  ];
  download("kizuna-view.graphml", new Blob([out.join("\n")], { type: "application/graphml+xml" }));
}
