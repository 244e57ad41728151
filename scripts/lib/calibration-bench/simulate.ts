import type { ResponsePattern } from "@/domain/calibration";
import { buildEngineModel, type EngineItem, type ParameterOverrides } from "@/domain/engine/model";
import { createRandom } from "@/domain/engine/random";
import { DEFAULT_ADAPTIVE, runAdaptive, type EngineView } from "../engine-bench/arms";
import { loadBenchEngine } from "../engine-bench/load";
import { VerdictTally } from "../engine-bench/metrics";
import { trueProbability } from "../engine-bench/world";
import { drawCalibrationWorld, personSampler } from "./world";

/** Streams of bench:calibration's seeded random numbers (per person index within each). */
const STREAMS = {
  attemptPeople: 20,
  attemptAnswers: 21,
  freshPeople: 30,
  freshAnswers: 31,
  freshSelection: 32,
} as const;

export type BenchContext = ReturnType<typeof benchContext>;

/** Everything a simulation needs, rebuilt identically from the seed in every worker. */
export function benchContext(seed: number) {
  const engine = loadBenchEngine();
  const world = drawCalibrationWorld(engine.model, seed);
  const person = personSampler(engine.model, engine.graph, seed);
  return { seed, engine, world, person };
}

/**
 * Attempts `from`…`to − 1` through the real selection and stop rules with the nominal parameters
 * (what a fresh instance runs), answers drawn from the true world; each kept as the app keeps a
 * live attempt: its prior and its answers (calibration refits the abilities from them).
 */
export function simulateAttempts(context: BenchContext, from: number, to: number): ResponsePattern[] {
  const { seed, engine, world, person } = context;
  const patterns: ResponsePattern[] = [];
  for (let index = from; index < to; index++) {
    // Everyone who takes the quiz: a role to move to, or the one they hold (one in seven).
    const who = person(STREAMS.attemptPeople, index, false);
    const run = runAdaptive(
      engine,
      who,
      world,
      createRandom(seed, STREAMS.attemptAnswers, index),
      DEFAULT_ADAPTIVE,
    );
    patterns.push({
      prior: { n: run.prior.n, mean: run.prior.mean, covariance: run.prior.covariance },
      answers: run.items.map((item, k) => ({
        questionId: item.id,
        skillId: engine.model.skillIds[item.skillIndex] as string,
        isCorrect: run.terms[k]?.outcome === "correct",
        isDontKnow: false,
      })),
    });
  }
  return patterns;
}

export type Arm = "nominal" | "calibrated" | "true";

export interface ArmVerdicts {
  probabilities: number[];
  truths: boolean[];
}

/** Each arm's verdicts on the same (person, required skill) pairs, and whose pair each one is. */
export interface FreshVerdicts {
  arms: Record<Arm, ArmVerdicts>;
  /** The person index of every pair, in the arms' order (the same in every arm). */
  people: number[];
}

/**
 * Fresh people changing roles, each taking the whole quiz — selection, stopping and scoring — once
 * per arm: the engine with the nominal parameters, with the calibration set's (where the engine
 * would use them, nominal elsewhere) and with the true ones. Common random numbers: a person's
 * answer to an item is decided by one uniform draw per (person, item), the same in every arm, so
 * where two arms ask the same questions they get the same answers and differ only by the
 * parameters; the comparison of arms is then paired, not three independent samples.
 */
export function scoreFreshExaminees(
  context: BenchContext,
  calibrated: ParameterOverrides,
  from: number,
  to: number,
): FreshVerdicts {
  const { seed, engine, world, person } = context;
  const views: Record<Arm, EngineView> = {
    nominal: engine,
    calibrated: { graph: engine.graph, model: buildEngineModel(engine.graph, calibrated) },
    true: { graph: engine.graph, model: buildEngineModel(engine.graph, world) },
  };
  const itemIndex = new Map(engine.model.items.map((item, index) => [item.id, index]));
  const tallies: Record<Arm, VerdictTally> = {
    nominal: new VerdictTally(),
    calibrated: new VerdictTally(),
    true: new VerdictTally(),
  };
  const people: number[] = [];
  for (let index = from; index < to; index++) {
    const who = person(STREAMS.freshPeople, index, true);
    const respond = (item: EngineItem) => {
      const truth = world.get(item.id);
      if (!truth) throw new Error(`no true parameters for ${item.id}`);
      const uniform = createRandom(seed, STREAMS.freshAnswers, index, itemIndex.get(item.id) ?? -1).next();
      return uniform < trueProbability(who.theta[item.skillIndex] as number, truth);
    };
    for (const arm of ["nominal", "calibrated", "true"] as const) {
      const run = runAdaptive(
        views[arm],
        who,
        world,
        createRandom(seed, STREAMS.freshSelection, index),
        DEFAULT_ADAPTIVE,
        undefined,
        respond,
      );
      tallies[arm].addSkills(run, who);
    }
    while (people.length < tallies.nominal.probabilities.length) people.push(index);
  }
  const out = (arm: Arm) => ({ probabilities: tallies[arm].probabilities, truths: tallies[arm].truths });
  return { arms: { nominal: out("nominal"), calibrated: out("calibrated"), true: out("true") }, people };
}
