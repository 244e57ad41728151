export * from "./assess";
export * from "./decision";
export * from "./expectation-propagation";
export * from "./model";
export * from "./posterior";
export * from "./random";
export * from "./readiness";
export * from "./result";
export { correlationMatrix, normalCdf } from "./math";
