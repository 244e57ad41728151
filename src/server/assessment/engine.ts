import "server-only";
import { createEngine, type Engine } from "@/domain/engine/assess";
import { engineForVersion } from "../calibration";
import { getSkillsGraph } from "../content-loader";

const cache = globalThis as unknown as { waypointEngine?: Engine };

/** The engine for the loaded content (built once per content version). */
export function getEngine(): Engine {
  const graph = getSkillsGraph();
  if (cache.waypointEngine?.graph !== graph) cache.waypointEngine = createEngine(graph);
  return cache.waypointEngine;
}

/**
 * The engine an attempt runs on from start to end: the calibration set it recorded when it
 * started (its usable items' parameters), or the nominal engine (docs/decisions/013).
 */
export async function getAttemptEngine(calibrationVersion: string | null): Promise<Engine> {
  const nominal = getEngine();
  return (await engineForVersion(nominal.graph, calibrationVersion)) ?? nominal;
}
