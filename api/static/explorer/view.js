// The graph view: a graphology graph drawn by sigma (WebGL). Positions are placed once, when a
// node first appears, and never move afterwards, so the layout stays while you explore.
// Filters, years, path highlight, centrality sizes and community colours are applied by the
// reducers at draw time, without touching the data.

import { Graph, Sigma } from "/static/vendor/kizuna-vendor.js";

const UNDATED = "#b3b9c4";
const DIM = "#e4e7ec";
const COMMUNITY = ["#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F", "#2F4B7C", "#A05195", "#003F5C"];

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
    this.renderer.on("clickNode", ({ node }) => handlers.select(node));
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

  // Places the new nodes of an answer on rings around the actor they were reached from.
  addNeighbourhood(answer) {
    const centre = answer.center.id;
    if (!this.graph.hasNode(centre)) this.addNode({ id: centre, label: answer.center.name, type: answer.center.type }, null);
    const fresh = answer.nodes.filter((n) => !this.graph.hasNode(n.id));
    const byParent = new Map();
    const known = new Set(this.graph.nodes());
    for (const node of fresh.sort((a, b) => a.depth - b.depth || (a.id < b.id ? -1 : 1))) {
      const parent = answer.edges
        .map((e) => (e.source === node.id ? e.target : e.target === node.id ? e.source : null))
        .filter((id) => id && known.has(id))
        .sort()[0] || centre;
      if (!byParent.has(parent)) byParent.set(parent, []);
      byParent.get(parent).push(node);
      known.add(node.id);
    }
    for (const [parent, children] of byParent) {
      const slots = this.ring(parent, children.length);
      for (const child of children) this.addNode(child, slots);
    }
    for (const edge of answer.edges) this.addEdge(edge);
    this.pinned.add(centre);
    this.refresh();
  }

  ring(parentId, count) {
    const parent = this.graph.hasNode(parentId) ? this.graph.getNodeAttributes(parentId) : { x: 0, y: 0 };
    const away = Math.atan2(parent.y, parent.x) || 0;
    const isRoot = parent.x === 0 && parent.y === 0;
    const radius = (isRoot ? 10 : 5) + Math.sqrt(count) * 2.2;
    const spread = isRoot ? 2 * Math.PI : Math.min(2 * Math.PI, Math.PI * 0.6 + count * 0.15);
    const slots = [];
    for (let i = 0; i < count; i += 1) {
      const angle = isRoot ? (2 * Math.PI * i) / count : away - spread / 2 + (spread * (i + 0.5)) / count;
      const r = radius * (1 + 0.25 * (i % 3));
      slots.push([parent.x + r * Math.cos(angle), parent.y + r * Math.sin(angle)]);
    }
    return slots;
  }

  addPaths(answer) {
    const ends = [answer.source.id, answer.target.id];
    const keys = new Set();
    const nodes = new Set();
    for (const path of answer.paths) {
      path.nodes.forEach((n, i) => {
        nodes.add(n.id);
        if (!this.graph.hasNode(n.id)) {
          const prev = i > 0 ? this.graph.getNodeAttributes(path.nodes[i - 1].id) : { x: 0, y: 0 };
          const slot = this.ring(path.nodes[Math.max(0, i - 1)].id, 1 + (nodes.size % 5));
          this.addNode({ id: n.id, label: n.name, type: n.type }, [slot[nodes.size % slot.length] || [prev.x + 5, prev.y]]);
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

  refresh() { this.visible(); this.renderer.refresh(); }

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
    if (this.sizes) size = 4 + 20 * (this.sizes.get(node) ?? 0);
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

  fit() { this.renderer.getCamera().animatedReset({ duration: 300 }); }
}
