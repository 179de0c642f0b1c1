// Where the nodes go: graphology's ForceAtlas2 pulls related actors together and pushes the
// others apart, then noverlap moves apart the nodes that still touch. Nodes already placed are
// held still, so an expansion places only the new ones, around what the analyst has arranged.
// No randomness and a fixed number of iterations: the same input always gives the same
// picture, in the page or in its web worker (layout-worker.js), which takes the large views.

import { Graph, NOVERLAP_DEFAULTS, forceAtlas2, noverlapIterate } from "/static/vendor/kizuna-layout.js";

// Beyond this many nodes a layout runs in the web worker, so the page never freezes.
export const WORKER_THRESHOLD = 150;

// Above this many nodes ForceAtlas2 approximates the far forces (Barnes-Hut).
const BARNES_HUT = 1000;

// How many iterations a layout of `order` nodes gets. ForceAtlas2 compares every pair of
// nodes at each iteration: a budget of pairs settles a neighbourhood in a few tens of
// milliseconds; large views, which start from their seeded places, are only refined. noverlap
// stops as soon as no two nodes touch.
function iterations(order) {
  if (order > BARNES_HUT) return { forces: 10, separation: 5 };
  return { forces: Math.max(30, Math.min(300, Math.round(2e6 / (order * order)))), separation: 100 };
}

// The distance noverlap keeps between node centres: half the spacing the nodes would have if
// they were spread evenly over the picture, so that it can always be met.
function spacing(graph) {
  let [left, right, top, bottom] = [Infinity, -Infinity, Infinity, -Infinity];
  graph.forEachNode((node, { x, y }) => {
    left = Math.min(left, x); right = Math.max(right, x);
    top = Math.min(top, y); bottom = Math.max(bottom, y);
  });
  const area = Math.max(right - left, 1e-6) * Math.max(bottom - top, 1e-6);
  return Math.sqrt(area / graph.order) / 2;
}

// noverlap's iterations, with the fixed nodes put back after each one. noverlap pushes the
// later node of a touching pair; fixed nodes come first in the input, so it is always the new
// node that moves away from an old one.
function separate(graph, distance, rounds) {
  const order = graph.order;
  const matrix = new Float32Array(order * 3);
  const fixed = [];
  let i = 0;
  graph.forEachNode((node, attrs) => {
    matrix[i] = attrs.x;
    matrix[i + 1] = attrs.y;
    matrix[i + 2] = distance / 2;
    if (attrs.fixed) fixed.push([i, attrs.x, attrs.y]);
    i += 3;
  });
  const settings = { ...NOVERLAP_DEFAULTS, margin: 0, ratio: 1 };
  for (let step = 0; step < rounds; step += 1) {
    const { converged } = noverlapIterate(settings, matrix);
    for (const [j, x, y] of fixed) { matrix[j] = x; matrix[j + 1] = y; }
    if (converged) break;
  }
  return matrix;
}

// Input: `x`, `y` (the seeds, and the places of the nodes held still), `fixed` (1 for those),
// `edges` (pairs of node indices), `anchor` (the point the new nodes gather around: the
// centre of the nodes they hang on). Output: the new `x`, `y`, in the same order.
export function computeLayout({ x, y, fixed, edges, anchor = [0, 0] }) {
  const order = x.length;
  const graph = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  let anyFixed = false;
  // ForceAtlas2's gravity pulls towards the origin: the anchor is moved there.
  const [ax, ay] = anchor;
  for (let i = 0; i < order; i += 1) {
    graph.addNode(i, { x: x[i] - ax, y: y[i] - ay, fixed: Boolean(fixed[i]) });
    anyFixed ||= Boolean(fixed[i]);
  }
  for (let e = 0; e < edges.length; e += 2) {
    if (edges[e] !== edges[e + 1]) graph.mergeEdge(edges[e], edges[e + 1]);
  }
  const rounds = iterations(order);
  forceAtlas2.assign(graph, {
    iterations: rounds.forces,
    settings: {
      // A first picture is held together by strong gravity; new nodes among fixed ones by a
      // plain pull towards what they hang on.
      gravity: anyFixed ? 1 : 0.05,
      strongGravityMode: !anyFixed,
      scalingRatio: 10,
      outboundAttractionDistribution: true,
      slowDown: 1 + Math.log(order),
      barnesHutOptimize: order > BARNES_HUT,
    },
  });
  const matrix = separate(graph, spacing(graph), rounds.separation);
  const outX = new Float64Array(order);
  const outY = new Float64Array(order);
  for (let i = 0; i < order; i += 1) {
    outX[i] = matrix[i * 3] + ax;
    outY[i] = matrix[i * 3 + 1] + ay;
  }
  return { x: outX, y: outY };
}

let worker = null;
let ticket = 0;
const waiting = new Map();

// The same computation in the web worker: a promise of the new positions.
export function computeLayoutInWorker(input) {
  if (!worker) {
    worker = new Worker("/static/explorer/layout-worker.js", { type: "module" });
    worker.onmessage = ({ data }) => {
      const done = waiting.get(data.ticket);
      waiting.delete(data.ticket);
      if (data.error) done.reject(new Error(data.error)); else done.resolve(data);
    };
    worker.onerror = (event) => {
      for (const done of waiting.values()) done.reject(new Error(event.message || "the layout worker failed"));
      waiting.clear();
    };
  }
  ticket += 1;
  const mine = ticket;
  return new Promise((resolve, reject) => {
    waiting.set(mine, { resolve, reject });
    worker.postMessage({ ticket: mine, ...input });
  });
}
