// The graph view: a graphology graph drawn by sigma (WebGL). New nodes are seeded around the
// actor they were reached from (their place depends on its place and on their own id), then
// laid out by ForceAtlas2 and noverlap with every node already drawn held still (layout.js).
// Filters, years, the path highlight, centrality sizes and community colours are applied by
// the reducers at draw time, without touching the data; labels are placed by labels.js.

import { EdgeCurveProgram, EdgeCurvedArrowProgram, Graph, Sigma } from "/static/vendor/kizuna-vendor.js";
import { PictureDrag } from "./pan.js";
import { LabelLayer } from "./labels.js";
import { WORKER_THRESHOLD, computeLayout, computeLayoutInWorker } from "./layout.js";
import { busy } from "./api.js";

const UNDATED = "#b3b9c4";
const DIM = "#e4e7ec";
const COMMUNITY = ["#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F", "#2F4B7C", "#A05195", "#003F5C"];
const NODE_SIZE = 6;
// How far apart the curves of parallel edges bend, as a share of their length.
const CURVE_STEP = 0.12;
const START_SCALE = 20;
// Room left around the nodes when the camera fits them: labels go beside their nodes.
const FIT_MARGIN = { x: 50, y: 24 };
// Above this many nodes shown the camera jumps instead of gliding: without a GPU each frame of
// the glide redraws everything.
const ANIMATED_FIT = 1000;

// How near the mouse must come to an edge to hover it, in pixels, and above how many edges
// shown hovering is not looked for.
const HOVER_TOLERANCE = 4;
const HOVER_LIMIT = 20000;

function distanceToSegment(x, y, a, b) {
  const [dx, dy] = [b.x - a.x, b.y - a.y];
  const t = Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(x - a.x - t * dx, y - a.y - t * dy);
}

// Distance to a line, or to the curve of a parallel edge: the quadratic curve of sigma's curve
// program (its control point off the middle by `curvature` times the length), in 12 pieces.
export function controlPoint(a, b, curvature) {
  return { x: (a.x + b.x) / 2 + (b.y - a.y) * curvature, y: (a.y + b.y) / 2 - (b.x - a.x) * curvature };
}

function distanceToEdge(x, y, a, b, curvature) {
  if (!curvature) return distanceToSegment(x, y, a, b);
  const c = controlPoint(a, b, curvature);
  let best = Infinity;
  let previous = a;
  for (let i = 1; i <= 12; i += 1) {
    const t = i / 12;
    const u = 1 - t;
    const point = { x: u * u * a.x + 2 * u * t * c.x + t * t * b.x, y: u * u * a.y + 2 * u * t * c.y + t * t * b.y };
    best = Math.min(best, distanceToSegment(x, y, previous, point));
    previous = point;
  }
  return best;
}

// A number in [0, 1) from a string (FNV-1a), to place nodes the same way every time.
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 4294967296;
}

export function rgba(hex, alpha) {
  const value = parseInt(hex.slice(1), 16);
  return `rgba(${(value >> 16) & 255},${(value >> 8) & 255},${value & 255},${alpha})`;
}

export class GraphView {
  constructor(container, config, handlers, panels) {
    this.config = config;
    this.graph = new Graph({ multi: true, type: "mixed" });
    this.filters = { since: null, until: null, undated: true, minConfidence: config.default_min_confidence, relationTypes: null, actorTypes: null };
    this.pinned = new Set();
    this.sizes = null;
    this.communities = null;
    this.path = null;
    this.selected = null;
    this.scale = START_SCALE;
    this.generation = 0;
    this.queue = Promise.resolve();
    this.renderer = new Sigma(this.graph, container, {
      allowInvalidContainer: true,
      renderLabels: false,
      renderEdgeLabels: false,
      labelSize: 13,
      labelWeight: "500",
      labelFont: "system-ui, sans-serif",
      defaultEdgeType: "line",
      edgeProgramClasses: { curved: EdgeCurveProgram, curvedArrow: EdgeCurvedArrowProgram },
      zIndex: true,
      nodeReducer: (node, data) => this.drawNode(node, data),
      edgeReducer: (edge, data) => this.drawEdge(edge, data),
    });
    this.labels = new LabelLayer(this.renderer, container, panels);
    this.renderer.on("afterRender", () => {
      this.labels.hidden = this.large && this.moving();
      this.labels.draw();
    });
    this.drag = new PictureDrag(this.renderer, container);
    this.renderer.on("clickNode", ({ node }) => { if (!this.drag.consumeDrag()) handlers.select(node); });
    this.renderer.on("clickStage", () => this.drag.consumeDrag());
    this.renderer.on("doubleClickNode", ({ node, event }) => { event.preventSigmaDefault(); handlers.expand(node); });
    this.onHoverEdge = handlers.hoverEdge || (() => {});
    this.hoveredEdge = null;
    this.renderer.on("enterNode", () => { this.overNode = true; this.hover(null); });
    this.renderer.on("leaveNode", () => { this.overNode = false; });
    this.renderer.getMouseCaptor().on("mousemove", (event) => this.hover(event));
    container.addEventListener("mouseleave", () => this.hover(null));
  }

  // The edge under the mouse, told to the page (its tooltip), found by distance to the lines
  // and curves as drawn: a thin edge is hard to hit exactly, and sigma's own edge picking
  // would draw every edge a second time.
  hover(event) {
    const edge = event && !this.overNode && !this.drag.start ? this.edgeAt(event.x, event.y) : null;
    if (edge === this.hoveredEdge && !edge) return;
    this.hoveredEdge = edge;
    this.onHoverEdge(edge ? this.graph.getEdgeAttribute(edge, "relation") : null, event);
  }

  edgeAt(x, y) {
    const shown = this.shown;
    if (!shown || shown.edges.size > HOVER_LIMIT) return null;
    const at = new Map();
    const place = (id) => {
      let p = at.get(id);
      if (!p) { p = this.renderer.framedGraphToViewport(this.renderer.getNodeDisplayData(id)); at.set(id, p); }
      return p;
    };
    let best = null;
    let nearest = HOVER_TOLERANCE;
    for (const key of shown.edges) {
      const [s, t] = this.graph.extremities(key);
      const [a, b] = [place(s), place(t)];
      const outside = x < Math.min(a.x, b.x) - nearest || x > Math.max(a.x, b.x) + nearest || y < Math.min(a.y, b.y) - nearest || y > Math.max(a.y, b.y) + nearest;
      if (outside && !this.curvatures.has(key)) continue;
      const d = distanceToEdge(x, y, a, b, this.curvatures.get(key) || 0);
      if (d < nearest) { nearest = d; best = key; }
    }
    return best;
  }

  moving() {
    const captor = this.renderer.getMouseCaptor();
    return this.renderer.getCamera().isAnimated() || captor.isMoving || Boolean(captor.draggedEvents) || Boolean(captor.currentWheelDirection);
  }

  // --- data --------------------------------------------------------------------------------

  addNode(node, [x, y]) {
    if (this.graph.hasNode(node.id)) return false;
    this.graph.addNode(node.id, { x, y, label: node.label ?? node.name, type_: node.type, size: NODE_SIZE });
    return true;
  }

  addEdge(edge, extra = {}) {
    if (this.graph.hasEdge(edge.id)) return;
    if (!this.graph.hasNode(edge.source) || !this.graph.hasNode(edge.target)) return;
    const directed = this.config.relation_types[edge.type]?.directed;
    this.graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, {
      relation: edge, type: directed ? "arrow" : "line", size: 1.5, directed, ...extra,
    });
  }

  // Runs the changes one after the other: each is seeded and laid out on the picture the
  // previous one left, so a link that replays the same steps draws the same picture. Resolves
  // once the new nodes have their places; a Clear in between drops what was under way.
  // With `keepInView`, the camera then frames the view if a new node fell outside it.
  enqueue(change, keepInView) {
    const generation = this.generation;
    const run = async () => {
      if (generation !== this.generation) return;
      const fresh = change();
      const start = performance.now();
      const input = fresh.length ? this.layoutInput(fresh) : null;
      const inWorker = Boolean(input) && input.ids.length > WORKER_THRESHOLD;
      // While the worker lays out, the seeded picture is drawn; a small layout is drawn once.
      if (!input || inWorker) this.refresh();
      // When the first picture was drawn and the laid out one (for bench/explorer_render).
      this.timing = { drawn: performance.now(), laidOut: null, nodes: fresh.length, start };
      if (!input) return;
      const first = input.fixedCount === 0;
      const result = inWorker ? await computeLayoutInWorker(input) : computeLayout(input);
      if (generation !== this.generation) return;
      this.place(input, result, first);
      this.refresh();
      this.timing.laidOut = performance.now();
      if (!inWorker) this.timing.drawn = this.timing.laidOut;
      // A first picture is framed at once; a grown one glides into frame (unless large).
      if (keepInView && (first || this.outside(fresh))) this.fit({ animate: !first && this.shown.nodes.size <= ANIMATED_FIT });
    };
    this.queue = this.queue.then(run, run);
    return busy(this.queue);
  }

  addNeighbourhood(answer, keepInView = false) { return this.addNeighbourhoods([answer], keepInView); }

  addNeighbourhoods(answers, keepInView = false) {
    return this.enqueue(() => answers.flatMap((answer) => this.placeAnswer(answer)), keepInView);
  }

  // Seeds the new nodes of an answer around the actor they were reached from (the closer
  // actor with the smallest id); returns them.
  placeAnswer(answer) {
    const centre = answer.center.id;
    const fresh = [];
    if (!this.graph.hasNode(centre) && this.addNode({ id: centre, label: answer.center.name, type: answer.center.type }, this.seed(null, centre))) fresh.push(centre);
    const depth = new Map(answer.nodes.map((n) => [n.id, n.depth]));
    depth.set(centre, 0);
    const incoming = answer.nodes.filter((n) => !this.graph.hasNode(n.id)).sort((a, b) => a.depth - b.depth || (a.id < b.id ? -1 : 1));
    const parents = new Map();
    const closer = (id, other) => {
      if (depth.get(other) !== depth.get(id) - 1) return;
      const best = parents.get(id);
      if (best === undefined || other < best) parents.set(id, other);
    };
    for (const e of answer.edges) { closer(e.source, e.target); closer(e.target, e.source); }
    for (const node of incoming) {
      if (this.addNode(node, this.seed(parents.get(node.id) || centre, node.id))) fresh.push(node.id);
    }
    for (const edge of answer.edges) this.addEdge(edge);
    this.pinned.add(centre);
    return fresh;
  }

  // A new node's first place: around its parent, at an angle and distance from its id.
  seed(parentId, id) {
    if (!parentId || !this.graph.hasNode(parentId)) {
      if (this.graph.order === 0) return [0, 0];
      const [u, v] = [hash(id), hash(`${id}#r`)];
      return [this.scale * 2 * (2 * u - 1), this.scale * 2 * (2 * v - 1)];
    }
    const parent = this.graph.getNodeAttributes(parentId);
    const [u, v] = [hash(id), hash(`${id}#r`)];
    const angle = 2 * Math.PI * u;
    const radius = this.scale * (0.6 + 0.8 * v);
    return [parent.x + radius * Math.cos(angle), parent.y + radius * Math.sin(angle)];
  }

  // Puts the new nodes where the layout placed them; the first picture fixes sigma's frame.
  place(input, result, first) {
    input.ids.forEach((id, i) => {
      if (i >= input.fixedCount) this.graph.mergeNodeAttributes(id, { x: result.x[i], y: result.y[i] });
    });
    this.scale = this.typicalLength() || this.scale;
    if (first) this.frameGraph();
  }

  // The input of the layout (layout.js) for the new nodes: them, and the nodes already placed
  // that are tied to them or near them, held still.
  layoutInput(fresh) {
    const isFresh = new Set(fresh);
    const box = { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
    for (const id of fresh) {
      const { x, y } = this.graph.getNodeAttributes(id);
      box.left = Math.min(box.left, x); box.right = Math.max(box.right, x);
      box.top = Math.min(box.top, y); box.bottom = Math.max(box.bottom, y);
    }
    const reach = this.scale * 3;
    const context = [];
    this.graph.forEachNode((id, attrs) => {
      if (isFresh.has(id)) return;
      const near = attrs.x >= box.left - reach && attrs.x <= box.right + reach && attrs.y >= box.top - reach && attrs.y <= box.bottom + reach;
      if (near || this.graph.neighbors(id).some((other) => isFresh.has(other))) context.push(id);
    });
    const ids = [...context, ...fresh];
    const index = new Map(ids.map((id, i) => [id, i]));
    const x = new Float64Array(ids.length);
    const y = new Float64Array(ids.length);
    const fixed = new Uint8Array(ids.length);
    ids.forEach((id, i) => {
      const attrs = this.graph.getNodeAttributes(id);
      x[i] = attrs.x; y[i] = attrs.y; fixed[i] = i < context.length ? 1 : 0;
    });
    const pairs = [];
    const holds = new Set();
    this.graph.forEachEdge((edge, attrs, source, target) => {
      if (attrs.among || !index.has(source) || !index.has(target)) return;
      if (isFresh.has(source) || isFresh.has(target)) pairs.push(index.get(source), index.get(target));
      if (isFresh.has(source) !== isFresh.has(target)) holds.add(isFresh.has(source) ? target : source);
    });
    const around = holds.size ? [...holds] : fresh;
    const anchor = [0, 1].map((axis) => around.reduce((sum, id) => sum + (axis ? this.graph.getNodeAttribute(id, "y") : this.graph.getNodeAttribute(id, "x")), 0) / around.length);
    return { ids, x, y, fixed, anchor, edges: Uint32Array.from(pairs), fixedCount: context.length };
  }

  typicalLength() {
    const lengths = [];
    this.graph.forEachEdge((edge, attrs, source, target, a, b) => { lengths.push(Math.hypot(a.x - b.x, a.y - b.y)); });
    lengths.sort((p, q) => p - q);
    return lengths[lengths.length >> 1];
  }

  // Fixes sigma's frame to the first picture, so that nodes added later do not rescale it:
  // what the analyst sees stays where it is.
  frameGraph() {
    const xs = [];
    const ys = [];
    this.graph.forEachNode((id, attrs) => { xs.push(attrs.x); ys.push(attrs.y); });
    const pad = this.scale;
    this.renderer.setCustomBBox({ x: [Math.min(...xs) - pad, Math.max(...xs) + pad], y: [Math.min(...ys) - pad, Math.max(...ys) + pad] });
  }

  addPaths(answer, keepInView = false) {
    return this.enqueue(() => {
      const keys = new Set();
      const nodes = new Set();
      const fresh = [];
      for (const path of answer.paths) {
        path.nodes.forEach((n, i) => {
          nodes.add(n.id);
          const near = i > 0 ? path.nodes[i - 1].id : null;
          if (this.addNode({ id: n.id, label: n.name, type: n.type }, this.seed(near, n.id))) fresh.push(n.id);
        });
        for (const hop of path.hops) for (const rel of hop.relations) { this.addEdge(rel); keys.add(rel.id); }
      }
      [answer.source.id, answer.target.id].forEach((id) => this.pinned.add(id));
      this.path = { edges: keys, nodes, order: answer.paths.flatMap((p) => p.nodes.map((n) => n.id)) };
      return fresh;
    }, keepInView);
  }

  clearPath() { this.path = null; this.refresh(); }

  clear() {
    this.generation += 1;
    this.graph.clear();
    this.pinned.clear();
    this.path = null;
    this.selected = null;
    this.scale = START_SCALE;
    this.renderer.setCustomBBox(null);
    this.refresh();
  }

  // --- what is shown -----------------------------------------------------------------------

  edgeShown(relation) {
    const f = this.filters;
    if (f.relationTypes && !f.relationTypes.has(relation.type)) return false;
    if (relation.confidence < f.minConfidence) return false;
    if (relation.year === null || relation.year === undefined) return f.undated;
    if (f.since !== null && relation.year < f.since) return false;
    if (f.until !== null && relation.year > f.until) return false;
    return true;
  }

  nodeTypeShown(node) {
    const f = this.filters;
    return !f.actorTypes || f.actorTypes.has(this.graph.getNodeAttribute(node, "type_"));
  }

  visible() {
    const nodes = new Set();
    const edges = [];
    this.graph.forEachEdge((key, attrs, source, target) => {
      if (!this.edgeShown(attrs.relation) || !this.nodeTypeShown(source) || !this.nodeTypeShown(target)) return;
      edges.push(key);
      nodes.add(source);
      nodes.add(target);
    });
    for (const id of this.pinned) if (this.graph.hasNode(id) && this.nodeTypeShown(id)) nodes.add(id);
    if (this.path) for (const id of this.path.nodes) if (this.graph.hasNode(id)) nodes.add(id);
    this.shown = { nodes, edges: new Set(edges) };
    this.curvatures = this.parallelCurvatures(edges);
    return this.shown;
  }

  // Edges shown between the same two actors are drawn as curves, spread on both sides of the
  // straight line, in the order of their types. The sign is taken for the pair's direction
  // from the smaller id, since a curve bends to the left of the way it is drawn.
  parallelCurvatures(edges) {
    const pairs = new Map();
    for (const key of edges) {
      const [s, t] = this.graph.extremities(key);
      const pair = s < t ? `${s}\u0000${t}` : `${t}\u0000${s}`;
      const group = pairs.get(pair);
      if (group) group.push(key); else pairs.set(pair, [key]);
    }
    const curvatures = new Map();
    for (const group of pairs.values()) {
      if (group.length < 2) continue;
      group.sort((a, b) => {
        const [ra, rb] = [this.graph.getEdgeAttribute(a, "relation"), this.graph.getEdgeAttribute(b, "relation")];
        return ra.type.localeCompare(rb.type) || (a < b ? -1 : 1);
      });
      const middle = (group.length - 1) / 2;
      group.forEach((key, i) => {
        const offset = group.length % 2 ? i - middle : (i - middle) * 2;
        if (offset === 0) return;
        const [s, t] = this.graph.extremities(key);
        curvatures.set(key, (s < t ? 1 : -1) * offset * CURVE_STEP);
      });
    }
    return curvatures;
  }

  undatedCount() {
    let count = 0;
    this.graph.forEachEdge((key, attrs) => { if (attrs.relation.year === null || attrs.relation.year === undefined) count += 1; });
    return count;
  }

  // The labels' order of importance: the selected actor, the hops of a path, the actors
  // expanded, the selected actor's neighbours (these must show), then the rest by centrality
  // (or by degree in view), the largest first.
  labelOrder() {
    const shown = this.shown;
    const order = [];
    const seen = new Set();
    const push = (id, forced, bold = false) => {
      if (seen.has(id) || !shown.nodes.has(id)) return;
      seen.add(id);
      order.push({ id, forced, bold });
    };
    const degree = new Map();
    for (const key of shown.edges) {
      for (const id of this.graph.extremities(key)) degree.set(id, (degree.get(id) || 0) + 1);
    }
    const weight = (id) => (this.sizes ? this.sizes.get(id) ?? 0 : 0) * 1e6 + (degree.get(id) || 0);
    const byWeight = (a, b) => weight(b) - weight(a) || (a < b ? -1 : 1);
    if (this.selected) push(this.selected, true, true);
    if (this.path) for (const id of this.path.order) push(id, true);
    for (const id of [...this.pinned].sort(byWeight)) push(id, true);
    if (this.selected && this.graph.hasNode(this.selected)) {
      const around = new Set();
      this.graph.forEachEdge(this.selected, (key, attrs, source, target) => {
        if (shown.edges.has(key)) around.add(source === this.selected ? target : source);
      });
      for (const id of [...around].sort(byWeight)) push(id, true);
    }
    for (const id of [...shown.nodes].sort(byWeight)) push(id, false);
    return order;
  }

  // Above this many shown nodes, edges and labels rest while the view moves, so panning stays
  // smooth; they come back as soon as it stops.
  refresh() {
    const large = this.visible().nodes.size > 1500;
    if (large !== this.large) {
      this.large = large;
      this.renderer.setSetting("hideEdgesOnMove", large);
      this.renderer.setSetting("hideLabelsOnMove", large);
    }
    this.labels.setOrder(this.labelOrder());
    this.renderer.refresh();
  }

  drawNode(node, data) {
    const shown = this.shown || this.visible();
    if (!shown.nodes.has(node)) return { ...data, hidden: true };
    const type = this.config.actor_types[data.type_];
    let color = type ? type.colour : "#999";
    if (this.communities) {
      const group = this.communities.get(node);
      color = group === undefined ? "#c9ced6" : COMMUNITY[group % COMMUNITY.length];
    }
    let size = NODE_SIZE;
    if (this.sizes) size = 5 + 19 * (this.sizes.get(node) ?? 0);
    if (node === this.selected) size += 3;
    const inPath = this.path && this.path.nodes.has(node);
    if (this.path && !inPath) color = DIM;
    return { ...data, color, size, zIndex: inPath || node === this.selected ? 2 : 1 };
  }

  drawEdge(edge, data) {
    const shown = this.shown || this.visible();
    if (!shown.edges.has(edge)) return { ...data, hidden: true };
    const rel = data.relation;
    let color = this.config.relation_types[rel.type]?.colour || "#888";
    if (rel.year === null || rel.year === undefined) color = UNDATED;
    if (rel.confidence < this.config.default_min_confidence) color = rgba(color, 0.35);
    let size = data.size;
    if (this.path) {
      if (this.path.edges.has(edge)) size = 4;
      else color = DIM;
    }
    const curvature = this.curvatures?.get(edge);
    const type = curvature ? (data.directed ? "curvedArrow" : "curved") : data.type;
    return { ...data, color, size, type, curvature };
  }

  // --- camera ------------------------------------------------------------------------------

  focus(node) {
    if (!this.graph.hasNode(node)) return;
    const position = this.renderer.getNodeDisplayData(node);
    if (position) this.renderer.getCamera().animate({ x: position.x, y: position.y }, { duration: 300 });
  }

  // Whether one of these nodes is drawn outside the part of the drawing area panels leave free.
  outside(ids) {
    const free = this.freeArea();
    return ids.some((id) => {
      const data = this.renderer.getNodeDisplayData(id);
      if (!data || data.hidden) return false;
      const at = this.renderer.framedGraphToViewport(data);
      return at.x < free.left || at.x > free.right || at.y < free.top || at.y > free.bottom;
    });
  }

  // The part of the drawing area no panel covers, in its own pixels.
  freeArea() {
    const { width, height } = this.renderer.getDimensions();
    const area = { left: 0, top: 0, right: width, bottom: height };
    for (const box of this.labels.obstacles()) {
      const [above, below] = [box.bottom, height - box.top];
      // A panel takes a band off the top or the bottom, whichever is thinner.
      if (above <= below) area.top = Math.max(area.top, box.bottom);
      else area.bottom = Math.min(area.bottom, box.top);
    }
    return area;
  }

  // Frames the shown nodes in the part of the drawing area the panels leave free, with room
  // for their labels (sigma's own reset frames every node, hidden ones included, in the whole
  // area).
  fit({ animate = true } = {}) {
    const shown = [...(this.shown || this.visible()).nodes].map((id) => this.renderer.getNodeDisplayData(id)).filter(Boolean);
    const camera = this.renderer.getCamera();
    if (!shown.length) { camera.animatedReset({ duration: animate ? 300 : 0 }); return; }
    const xs = shown.map((d) => d.x);
    const ys = shown.map((d) => d.y);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const { width, height } = this.renderer.getDimensions();
    const free = this.freeArea();
    const room = { w: Math.max(free.right - free.left - 2 * FIT_MARGIN.x, 40), h: Math.max(free.bottom - free.top - 2 * FIT_MARGIN.y, 40) };
    const centre = { x: (minX + maxX) / 2, y: (minY + maxY) / 2 };
    const unit = { ...centre, ratio: 1, angle: 0 };
    const a = this.renderer.framedGraphToViewport({ x: minX, y: minY }, { cameraState: unit });
    const b = this.renderer.framedGraphToViewport({ x: maxX, y: maxY }, { cameraState: unit });
    const ratio = Math.max(Math.abs(b.x - a.x) / room.w, Math.abs(b.y - a.y) / room.h, 0.02);
    const target = { x: (free.left + free.right) / 2, y: (free.top + free.bottom) / 2 };
    const state = { ...centre, ratio, angle: 0 };
    const at = this.renderer.viewportToFramedGraph({ x: width - target.x, y: height - target.y }, { cameraState: state });
    const wanted = { x: at.x, y: at.y, ratio, angle: 0 };
    if (animate) camera.animate(wanted, { duration: 300 }); else camera.setState(wanted);
  }
}
