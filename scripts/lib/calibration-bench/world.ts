import { createRandom } from "@/domain/engine/random";
import type { EngineModel } from "@/domain/engine/model";
import type { SkillsGraph } from "@/domain/skills-graph";
import { ISSUE_POPULATION, populationSampler, type Person, type TrueItem } from "../engine-bench/world";

/**
 * bench:calibration's world (docs/decisions/013-calibration.md): true item parameters that differ from
 * the nominal ones the engine starts from. Difficulty = nominal + N(0, 0.3), and ± 0.7 more for a
 * random 30 % of items; discrimination = nominal × U(0.6, 1.6) for every item, and × U(0.1, 0.4)
 * more for an independently drawn random 10 % (items that barely measure anything). Guessing is
 * the nominal floor: calibration keeps it. Each item's draws come from its own stream, so the
 * world does not depend on the order of the bank.
 */
export interface CalibrationWorldItem extends TrueItem {
  /** True difficulty − nominal difficulty. */
  shift: number;
  shifted: boolean;
  flat: boolean;
}

export function drawCalibrationWorld(model: EngineModel, seed: number): Map<string, CalibrationWorldItem> {
  const world = new Map<string, CalibrationWorldItem>();
  model.items.forEach((item, index) => {
    const random = createRandom(seed, 1, index);
    const shifted = random.next() < 0.3;
    const sign = random.next() < 0.5 ? -1 : 1;
    const shift = 0.3 * random.normal() + (shifted ? sign * 0.7 : 0);
    const flat = random.next() < 0.1;
    const spread = 0.6 + random.next();
    const flatten = 0.1 + 0.3 * random.next();
    world.set(item.id, {
      difficulty: item.difficulty + shift,
      discrimination: item.discrimination * spread * (flat ? flatten : 1),
      guessing: item.guessing,
      shift,
      shifted,
      flat,
    });
  });
  return world;
}

/**
 * Person `index` of a population, drawn from its own stream: roles uniformly at random (current ≠
 * target when `transition`), abilities from the engine's own population model (decision 004), so
 * the "other answers" posterior the app records is the right one for them.
 */
export function personSampler(model: EngineModel, graph: SkillsGraph, seed: number) {
  const sample = populationSampler(model, graph, ISSUE_POPULATION);
  const roles = graph.roleList.map((role) => role.id);
  return (stream: number, index: number, transition: boolean): Person => {
    const random = createRandom(seed, stream, index);
    const current = roles[Math.floor(random.next() * roles.length)] as string;
    let target = roles[Math.floor(random.next() * roles.length)] as string;
    while (transition && target === current)
      target = roles[Math.floor(random.next() * roles.length)] as string;
    return sample(current, target, random);
  };
}
