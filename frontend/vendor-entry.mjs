// What the explorer page imports from its libraries for drawing; build-vendor.mjs bundles it.
export { default as Graph } from "graphology";
export { default as Sigma } from "sigma";
export { default as EdgeCurveProgram, EdgeCurvedArrowProgram } from "@sigma/edge-curve";
