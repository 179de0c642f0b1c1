// Export: the view as SVG (drawn from the shown nodes and edges at their screen positions, with
// the labels the screen shows as text, a title line and a legend) and as PNG (that SVG drawn at
// twice its size); the shown subgraph as JSON (the API's shape) and GraphML.

import { FONT_FAMILY, FONT_SIZE, LABEL_PAD } from "./labels.js";
import { controlPoint } from "./view.js";

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

const TITLE_BAND = 34;
const LEGEND_ROW = 20;

// A throwaway canvas to measure text in the export's font.
let measurer = null;
function textWidth(text, font) {
  measurer ||= document.createElement("canvas").getContext("2d");
  measurer.font = font;
  return measurer.measureText(text).width;
}

// The legend of what is shown: actor types (or communities), relation types, and the marks for
// undated and low-confidence relations, in rows that wrap at the picture's width.
function legendItems(view) {
  const { graph, config } = view;
  const shown = view.shown;
  const items = [];
  if (view.communities) {
    items.push({ label: "colour: community (Louvain)", colour: null });
  } else {
    const types = new Set([...shown.nodes].map((id) => graph.getNodeAttribute(id, "type_")));
    for (const [type, spec] of Object.entries(config.actor_types)) if (types.has(type)) items.push({ label: type, colour: spec.colour, shape: "dot" });
  }
  const relations = [...shown.edges].map((key) => graph.getEdgeAttribute(key, "relation"));
  const relationTypes = new Set(relations.map((r) => r.type));
  for (const [type, spec] of Object.entries(config.relation_types)) if (relationTypes.has(type)) items.push({ label: type, colour: spec.colour, shape: "line" });
  if (relations.some((r) => r.year === null || r.year === undefined)) items.push({ label: "no year stated", colour: "#b3b9c4", shape: "line" });
  if (relations.some((r) => r.confidence < config.default_min_confidence)) items.push({ label: `confidence below ${config.default_min_confidence}`, colour: "#4E79A780", shape: "line" });
  return items;
}

function legendSvg(items, width, top) {
  const font = `12px ${FONT_FAMILY}`;
  const parts = [];
  let [x, y] = [12, top + 14];
  for (const item of items) {
    const w = 18 + textWidth(item.label, font) + 14;
    if (x + w > width - 8 && x > 12) { x = 12; y += LEGEND_ROW; }
    if (item.shape === "dot") parts.push(`<circle cx="${x + 5}" cy="${y - 4}" r="5" fill="${esc(item.colour)}"/>`);
    else if (item.shape === "line") parts.push(`<line x1="${x}" y1="${y - 4}" x2="${x + 12}" y2="${y - 4}" stroke="${esc(item.colour)}" stroke-width="3"/>`);
    parts.push(`<text x="${x + 18}" y="${y}" font-family="${esc(FONT_FAMILY)}" font-size="12" fill="#1d2330">${esc(item.label)}</text>`);
    x += w;
  }
  return { svg: parts.join(""), height: items.length ? y - top + 10 : 0 };
}

const fixed = (n) => n.toFixed(1);

// One edge as drawn on screen: a line, or the quadratic curve of a parallel edge (the control
// point of sigma's curve program, in screen coordinates), with an arrow head when directed.
function edgeSvg(view, key, top) {
  const { renderer, graph } = view;
  const data = renderer.getEdgeDisplayData(key);
  const [source, target] = graph.extremities(key);
  const at = (id) => {
    const display = renderer.getNodeDisplayData(id);
    const p = renderer.framedGraphToViewport(display);
    return { x: p.x, y: p.y + top, r: renderer.scaleSize(display.size) };
  };
  const [a, b] = [at(source), at(target)];
  const colour = esc(data?.color || "#999");
  const widthPx = Math.max(1, data?.size || 1);
  const relation = graph.getEdgeAttribute(key, "relation");
  const tip = `<title>${esc(`${relation.type} · ${relation.year ?? "no year stated"} · confidence ${relation.confidence}`)}</title>`;
  const curvature = data?.curvature || 0;
  let from = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  let shape;
  if (curvature) {
    from = controlPoint(a, b, curvature);
    shape = `<path d="M${fixed(a.x)} ${fixed(a.y)} Q${fixed(from.x)} ${fixed(from.y)} ${fixed(b.x)} ${fixed(b.y)}" fill="none" stroke="${colour}" stroke-width="${widthPx}">${tip}</path>`;
  } else {
    from = a;
    shape = `<line x1="${fixed(a.x)}" y1="${fixed(a.y)}" x2="${fixed(b.x)}" y2="${fixed(b.y)}" stroke="${colour}" stroke-width="${widthPx}">${tip}</line>`;
  }
  if (!graph.getEdgeAttribute(key, "directed")) return shape;
  const length = Math.hypot(b.x - from.x, b.y - from.y) || 1;
  const [ux, uy] = [(b.x - from.x) / length, (b.y - from.y) / length];
  const tipX = b.x - ux * b.r;
  const tipY = b.y - uy * b.r;
  const size = 4 + 2 * widthPx;
  const base = [tipX - ux * size, tipY - uy * size];
  const head = `<polygon points="${fixed(tipX)},${fixed(tipY)} ${fixed(base[0] - uy * size / 2)},${fixed(base[1] + ux * size / 2)} ${fixed(base[0] + uy * size / 2)},${fixed(base[1] - ux * size / 2)}" fill="${colour}"/>`;
  return shape + head;
}

// The view as SVG: a title line (what the picture is of), the picture as on screen (edges,
// nodes, and the very labels the screen shows, at their places), and the legend.
export function viewSvg(view, title = "") {
  const { renderer } = view;
  const { width, height } = renderer.getDimensions();
  const shown = view.visible();
  const top = TITLE_BAND;
  const parts = [`<text x="12" y="22" font-family="${esc(FONT_FAMILY)}" font-size="14" font-weight="600" fill="#1d2330">${esc(title)}</text>`];
  parts.push(`<g id="edges">${[...shown.edges].map((key) => edgeSvg(view, key, top)).join("")}</g>`);
  const nodes = [];
  for (const node of shown.nodes) {
    const data = renderer.getNodeDisplayData(node);
    const p = renderer.framedGraphToViewport(data);
    nodes.push(`<circle cx="${fixed(p.x)}" cy="${fixed(p.y + top)}" r="${fixed(renderer.scaleSize(data.size))}" fill="${esc(data.color)}"><title>${esc(data.label)}</title></circle>`);
  }
  parts.push(`<g id="nodes">${nodes.join("")}</g>`);
  const labels = view.labels.boxes.map((box) => `<text x="${fixed(box.left + LABEL_PAD)}" y="${fixed((box.top + box.bottom) / 2 + top)}" dominant-baseline="middle" ` +
    `font-family="${esc(FONT_FAMILY)}" font-size="${FONT_SIZE}" font-weight="${box.bold ? 700 : 500}" fill="#1d2330" stroke="#ffffff" stroke-width="3" ` +
    `stroke-linejoin="round" paint-order="stroke" data-id="${esc(box.id)}">${esc(box.text)}</text>`);
  parts.push(`<g id="labels">${labels.join("")}</g>`);
  const legend = legendSvg(legendItems(view), width, top + height);
  parts.push(`<g id="legend">${legend.svg}</g>`);
  const total = top + height + legend.height;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${total}" viewBox="0 0 ${width} ${total}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<clipPath id="stage"><rect x="0" y="${top}" width="${width}" height="${height}"/></clipPath>` +
    `<rect x="0" y="${top - 1}" width="${width}" height="1" fill="#d9dde4"/>` +
    `<rect x="0" y="${top + height}" width="${width}" height="1" fill="#d9dde4"/>` +
    `${parts[0]}<g clip-path="url(#stage)">${parts.slice(1, 4).join("")}</g>${parts[4]}</svg>`;
}

export function exportSvg(view, title) {
  download("kizuna-view.svg", new Blob([viewSvg(view, title)], { type: "image/svg+xml" }));
}

// The SVG drawn at twice its size: twice the screen's pixels.
export async function exportPng(view, title) {
  const svg = viewSvg(view, title);
  const [, width, height] = svg.match(/width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/).map(Number);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * 2);
  canvas.height = Math.round(height * 2);
  canvas.getContext("2d").drawImage(image, 0, 0, canvas.width, canvas.height);
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
