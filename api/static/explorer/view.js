// The graph view: a graphology graph drawn by sigma (WebGL). Positions are placed once, when a
// node first appears, and never move afterwards, so the layout stays while you explore.
// Filters, years, path highlight, centrality sizes and community colours are applied by the
// reducers at draw time, without touching the data.

import { Graph, Sigma } from "/static/vendor/kizuna-vendor.js";
import { PictureDrag } from "./pan.js";

const UNDATED = "#b3b9c4";
const DIM = "#e4e7ec";
const COMMUNITY = ["#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F", "#2F4B7C", "#A05195", "#003F5C"];

// A number in [0, 1) from a string (FNV-1a), to place nodes the same way every time.
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h / 4294967296;
}

function rgba(hex, alpha) {
  const value = parseInt(hex.slice(1), 16);
  return `rgba(${(value >> 16) & 255},${(value >> 8) & 255},${value & 255},${alpha})`;
}

export class GraphView {
  constructor(container, config, handlers) {
    this.config = config;
    this.graph = new Graph({ multi: true, type: "mixed" });
    this.filters = { since: null, until: null, undated: true, minConfidence: 0.5, relationTypes: null, actorTypes: null };
    this.pinned = new Set();
    this.sizes = null;
    this.communities = null;
    this.path = null;
    this.selected = null;
    this.renderer = new Sigma(this.graph, container, {
      allowInvalidContainer: true,
      renderEdgeLabels: false,
      labelSize: 13,
      labelWeight: "500",
      labelRenderedSizeThreshold: 5,
      defaultEdgeType: "line",
      zIndex: true,
      nodeReducer: (node, data) => this.drawNode(node, data),
      edgeReducer: (edge, data) => this.drawEdge(edge, data),
    });
    this.drag = new PictureDrag(this.renderer, container);
    this.renderer.on("clickNode", ({ node }) => { if (!this.drag.consumeDrag()) handlers.select(node); });
    this.renderer.on("clickStage", () => this.drag.consumeDrag());
    this.renderer.on("doubleClickNode", ({ node, event }) => { event.preventSigmaDefault(); handlers.expand(node); });
  }

  // --- data --------------------------------------------------------------------------------

  addNode(node, near) {
    if (this.graph.hasNode(node.id)) return false;
    const [x, y] = near ? near.shift() : [0, 0];
    this.graph.addNode(node.id, { x, y, label: node.label ?? node.name, type_: node.type, size: 6 });
    return true;
  }

  addEdge(edge) {
    if (this.graph.hasEdge(edge.id)) return;
    if (!this.graph.hasNode(edge.source) || !this.graph.hasNode(edge.target)) return;
    const directed = this.config.relation_types[edge.type]?.directed;
    this.graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, {
      relation: edge, type: directed ? "arrow" : "line", size: 1.5,
    });
  }

  // Places the new nodes of an answer around the actor they were reached from. A node's place
  // depends only on that actor's place and on its own id, never on what was loaded before, so
  // a link that reopens the same view draws it the same.
  addNeighbourhood(answer) { this.addNeighbourhoods([answer]); }

  addNeighbourhoods(answers) {
    for (const answer of answers) this.placeAnswer(answer);
    this.refresh();
  }

  placeAnswer(answer) {
    const centre = answer.center.id;
    if (!this.graph.hasNode(centre)) this.addNode({ id: centre, label: answer.center.name, type: answer.center.type }, null);
    const depth = new Map(answer.nodes.map((n) => [n.id, n.depth]));
    depth.set(centre, 0);
    const fresh = answer.nodes.filter((n) => !this.graph.hasNode(n.id)).sort((a, b) => a.depth - b.depth || (a.id < b.id ? -1 : 1));
    const parents = new Map();
    const closer = (id, other) => {
      if (depth.get(other) !== depth.get(id) - 1) return;
      const best = parents.get(id);
      if (best === undefined || other < best) parents.set(id, other);
    };
    for (const e of answer.edges) { closer(e.source, e.target); closer(e.target, e.source); }
    for (const node of fresh) this.addNode(node, [this.place(parents.get(node.id) || centre, node.id)]);
    for (const edge of answer.edges) this.addEdge(edge);
    this.pinned.add(centre);
  }

  place(parentId, id) {
    const parent = this.graph.hasNode(parentId) ? this.graph.getNodeAttributes(parentId) : { x: 0, y: 0 };
    const isRoot = parent.x === 0 && parent.y === 0;
    const [u, v] = [hash(id), hash(`${id}#r`)];
    const angle = 2 * Math.PI * u;
    const radius = isRoot ? 10 + 14 * Math.sqrt(v) : 3 + 5 * v;
    return [parent.x + radius * Math.cos(angle), parent.y + radius * Math.sin(angle)];
  }

  addPaths(answer) {
    const ends = [answer.source.id, answer.target.id];
    const keys = new Set();
    const nodes = new Set();
    for (const path of answer.paths) {
      path.nodes.forEach((n, i) => {
        nodes.add(n.id);
        if (!this.graph.hasNode(n.id)) {
          const near = i > 0 ? path.nodes[i - 1].id : null;
          this.addNode({ id: n.id, label: n.name, type: n.type }, near ? [this.place(near, n.id)] : null);
        }
      });
      for (const hop of path.hops) for (const rel of hop.relations) { this.addEdge(rel); keys.add(rel.id); }
    }
    ends.forEach((id) => this.pinned.add(id));
    this.path = { edges: keys, nodes };
    this.refresh();
  }

  clearPath() { this.path = null; this.refresh(); }

  clear() {
    this.graph.clear();
    this.pinned.clear();
    this.path = null;
    this.selected = null;
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
    return this.shown;
  }

  undatedCount() {
    let count = 0;
    this.graph.forEachEdge((key, attrs) => { if (attrs.relation.year === null || attrs.relation.year === undefined) count += 1; });
    return count;
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
    let size = 6;
    if (this.sizes) size = 5 + 19 * (this.sizes.get(node) ?? 0);
    const inPath = this.path && this.path.nodes.has(node);
    if (this.path && !inPath) color = DIM;
    const out = { ...data, color, size, zIndex: inPath ? 2 : 1 };
    if (node === this.selected || (this.path && inPath)) { out.highlighted = true; out.forceLabel = true; }
    if (this.pinned.has(node)) out.forceLabel = true;
    return out;
  }

  drawEdge(edge, data) {
    const shown = this.shown || this.visible();
    if (!shown.edges.has(edge)) return { ...data, hidden: true };
    const rel = data.relation;
    let color = this.config.relation_types[rel.type]?.colour || "#888";
    if (rel.year === null || rel.year === undefined) color = UNDATED;
    if (rel.confidence < 0.5) color = rgba(color, 0.35);
    let size = data.size;
    if (this.path) {
      if (this.path.edges.has(edge)) size = 4;
      else color = DIM;
    }
    return { ...data, color, size };
  }

  // --- camera ------------------------------------------------------------------------------

  focus(node) {
    if (!this.graph.hasNode(node)) return;
    const position = this.renderer.getNodeDisplayData(node);
    if (position) this.renderer.getCamera().animate({ x: position.x, y: position.y }, { duration: 300 });
  }

  // Frames the shown nodes (sigma's own reset frames every node, hidden ones included).
  fit() {
    const shown = [...(this.shown || this.visible()).nodes].map((id) => this.renderer.getNodeDisplayData(id)).filter(Boolean);
    const camera = this.renderer.getCamera();
    if (!shown.length) { camera.animatedReset({ duration: 300 }); return; }
    const xs = shown.map((d) => d.x);
    const ys = shown.map((d) => d.y);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const ratio = Math.max(maxX - minX, maxY - minY, 0.05) * 1.25;
    camera.animate({ x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio, angle: 0 }, { duration: 300 });
  }
}
