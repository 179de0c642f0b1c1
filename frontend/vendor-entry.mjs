// What the explorer page imports from its libraries; build-vendor.mjs bundles this file.
export { default as Graph } from "graphology";
export { default as Sigma } from "sigma";
export { default as forceAtlas2 } from "graphology-layout-forceatlas2";
export { circular, random } from "graphology-layout";
