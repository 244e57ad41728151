export * from "./calibrate";
export * from "./drift";
export * from "./estimate";
export * from "./patterns";
export * from "./shrink";
