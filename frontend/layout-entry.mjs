// What the explorer's layout imports (in the page, and in its web worker for large views):
// ForceAtlas2, and noverlap's single iteration with its settings, so that nodes already placed
// can be held still between iterations (noverlap itself has no fixed nodes).
export { default as Graph } from "graphology";
export { default as forceAtlas2 } from "graphology-layout-forceatlas2";
export { default as noverlapIterate } from "graphology-layout-noverlap/iterate.js";
export { default as NOVERLAP_DEFAULTS } from "graphology-layout-noverlap/defaults.js";
