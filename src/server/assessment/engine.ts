import "server-only";
import { createEngine, type Engine } from "@/domain/engine/assess";
import { getSkillsGraph } from "../content-loader";

const cache = globalThis as unknown as { waypointEngine?: Engine };

/** The engine for the loaded content (built once per content version). */
export function getEngine(): Engine {
  const graph = getSkillsGraph();
  if (cache.waypointEngine?.graph !== graph) cache.waypointEngine = createEngine(graph);
  return cache.waypointEngine;
}
