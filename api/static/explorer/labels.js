// The labels of the graph view, placed so that no two overlap and none runs under a panel or
// off the drawing area. Sigma's own labels are turned off: after each draw this layer takes the
// nodes in order of importance (the selected actor, the hops of a path, the actors expanded,
// the selected actor's neighbours, then the most central), tries each label beside its node
// (right, left, above, below, then the corners for the labels that must show), and keeps the
// first place where it touches nothing already drawn. Long names are shortened with an
// ellipsis; hovering a node shows the whole name. `boxes` holds what was drawn, for the export
// and for the tests.

export const FONT_SIZE = 13;
export const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
const LINE = FONT_SIZE + 4;
export const LABEL_PAD = 3;
const PAD = LABEL_PAD;
const MAX_WIDTH = 150;
const SHORTER = [MAX_WIDTH, 96, 56];
const CELL = 48;

export const fontFor = (bold) => `${bold ? 700 : 500} ${FONT_SIZE}px ${FONT_FAMILY}`;

// A grid of boxes, to find what a new box would touch without testing every box.
class BoxGrid {
  constructor() { this.cells = new Map(); }

  *cellsOf(box) {
    for (let cx = Math.floor(box.left / CELL); cx <= Math.floor(box.right / CELL); cx += 1) {
      for (let cy = Math.floor(box.top / CELL); cy <= Math.floor(box.bottom / CELL); cy += 1) yield `${cx},${cy}`;
    }
  }

  add(box) {
    for (const key of this.cellsOf(box)) {
      const cell = this.cells.get(key);
      if (cell) cell.push(box); else this.cells.set(key, [box]);
    }
  }

  hits(box, ignore) {
    for (const key of this.cellsOf(box)) {
      for (const other of this.cells.get(key) || []) {
        if (other.id !== ignore && overlaps(box, other)) return true;
      }
    }
    return false;
  }
}

export function overlaps(a, b) {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

export class LabelLayer {
  constructor(renderer, container, panels) {
    this.renderer = renderer;
    this.container = container;
    this.panels = panels;
    this.widths = new Map();
    this.order = [];
    this.boxes = [];
    this.hidden = false;
  }

  // The nodes whose labels to try, most important first; `forced` ones get every position
  // and shorter texts before they give up.
  setOrder(order) { this.order = order; }

  width(context, text, bold) {
    const key = `${bold ? "b" : "n"}${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      width = context.measureText(text).width;
      this.widths.set(key, width);
    }
    return width;
  }

  // The name cut to `max` pixels with an ellipsis (a binary search over its length).
  fit(context, name, bold, max) {
    if (this.width(context, name, bold) <= max) return name;
    let [low, high] = [1, name.length - 1];
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.width(context, `${name.slice(0, mid).trimEnd()}…`, bold) <= max) low = mid; else high = mid - 1;
    }
    return `${name.slice(0, low).trimEnd()}…`;
  }

  // The panels floating over the drawing area, in its coordinates.
  obstacles() {
    const frame = this.container.getBoundingClientRect();
    const rects = [];
    for (const panel of this.panels) {
      const r = panel.getBoundingClientRect();
      if (!r.width || !r.height || panel.hidden) continue;
      rects.push({ id: null, left: r.left - frame.left - PAD, top: r.top - frame.top - PAD, right: r.right - frame.left + PAD, bottom: r.bottom - frame.top + PAD });
    }
    return rects;
  }

  draw() {
    const renderer = this.renderer;
    const context = renderer.getCanvases().labels.getContext("2d");
    this.boxes = [];
    if (this.hidden) return;
    const { width, height } = renderer.getDimensions();
    const area = { left: 0, top: 0, right: width, bottom: height };
    const panels = this.obstacles();
    const placed = new BoxGrid();
    const discs = new BoxGrid();
    const nodes = [];
    for (const entry of this.order) {
      const data = renderer.getNodeDisplayData(entry.id);
      if (!data || data.hidden) continue;
      const at = renderer.framedGraphToViewport(data);
      const radius = renderer.scaleSize(data.size);
      if (at.x + radius < 0 || at.x - radius > width || at.y + radius < 0 || at.y - radius > height) continue;
      nodes.push({ ...entry, name: data.label, x: at.x, y: at.y, radius });
      discs.add({ id: entry.id, left: at.x - radius, top: at.y - radius, right: at.x + radius, bottom: at.y + radius });
    }
    const free = (box, id, overNodes) => box.left >= area.left && box.top >= area.top && box.right <= area.right &&
      box.bottom <= area.bottom && !panels.some((p) => overlaps(box, p)) && !placed.hits(box) &&
      (overNodes || !discs.hits(box, id));
    for (const node of nodes) {
      if (!node.name) continue;
      const bold = Boolean(node.bold);
      context.font = fontFor(bold);
      for (const { box, text, overNodes } of this.tries(context, node, bold)) {
        if (!free(box, node.id, overNodes)) continue;
        const chosen = { ...box, text, bold };
        placed.add(chosen);
        this.boxes.push(chosen);
        break;
      }
    }
    context.save();
    context.textBaseline = "middle";
    context.lineJoin = "round";
    context.lineWidth = 3;
    context.strokeStyle = "rgba(255,255,255,0.92)";
    context.fillStyle = "#1d2330";
    for (const box of this.boxes) {
      if (!box.leader) continue;
      context.save();
      context.strokeStyle = "#8a93a3";
      context.lineWidth = 1;
      context.beginPath();
      context.moveTo(...box.leader[0]);
      context.lineTo(...box.leader[1]);
      context.stroke();
      context.restore();
    }
    for (const box of this.boxes) {
      context.font = fontFor(box.bold);
      const y = (box.top + box.bottom) / 2;
      context.strokeText(box.text, box.left + PAD, y);
      context.fillText(box.text, box.left + PAD, y);
    }
    context.restore();
  }

  // The places a label may take, best first. Every label tries its full (or ellipsised) name
  // beside its node; a label that must show then tries shorter texts, then places further
  // out with a leader line to its node, then places over other nodes.
  *tries(context, node, bold) {
    const texts = (node.forced ? SHORTER : SHORTER.slice(0, 1)).map((max) => this.fit(context, node.name, bold, max));
    const sized = [...new Set(texts)].map((text) => [text, this.width(context, text, bold)]);
    for (const [text, w] of sized) {
      for (const box of candidates(node, w, node.forced)) yield { box, text, overNodes: false };
      if (!node.forced) return;
    }
    for (const [text, w] of sized) for (const box of distant(node, w)) yield { box, text, overNodes: false };
    for (const [text, w] of sized) for (const box of candidates(node, w, true)) yield { box, text, overNodes: true };
  }
}

// Places further from the node, on rings in twelve directions, joined to it by a leader line.
function distant(node, w) {
  const spots = [];
  const width = w + 2 * PAD;
  for (const ring of [24, 40, 60, 84, 112]) {
    for (let k = 0; k < 12; k += 1) {
      const angle = (k / 12) * 2 * Math.PI;
      const [cx, cy] = [node.x + Math.cos(angle) * (node.radius + ring), node.y + Math.sin(angle) * (node.radius + ring)];
      // The label hangs from the end of the line, on the side away from the node.
      const left = Math.cos(angle) >= 0 ? cx : cx - width;
      const top = cy - LINE / 2;
      const end = [Math.cos(angle) >= 0 ? left : left + width, cy];
      const start = [node.x + Math.cos(angle) * node.radius, node.y + Math.sin(angle) * node.radius];
      spots.push({ id: node.id, left, top, right: left + width, bottom: top + LINE, leader: [start, end] });
    }
  }
  return spots;
}

// The places a label of width `w` may take beside its node: right and left first (they read
// best), then above and below, then, for the labels that must show, the four corners.
function candidates(node, w, all) {
  const { x, y, radius: r, id } = node;
  const width = w + 2 * PAD;
  const gap = r + 3;
  const box = (left, top) => ({ id, left, top, right: left + width, bottom: top + LINE });
  const spots = [
    box(x + gap, y - LINE / 2),
    box(x - gap - width, y - LINE / 2),
    box(x - width / 2, y - gap - LINE),
    box(x - width / 2, y + gap),
  ];
  if (all) {
    const d = r * 0.7 + 2;
    spots.push(box(x + d, y - d - LINE), box(x + d, y + d), box(x - d - width, y - d - LINE), box(x - d - width, y + d));
  }
  return spots;
}
