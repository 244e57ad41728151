import type { Engine } from "./assess";
import { decideNextStep } from "./decision";
import { fitPosterior, type AnswerTerm, type Sites } from "./expectation-propagation";
import { cholesky } from "./math";
import { ENGINE_DEFAULTS, priorMean, targetProfile } from "./model";
import { createPrior, responseProbability, type Posterior } from "./posterior";
import { createRandom } from "./random";

/** How long a quiz for one target role runs, as the start page states it. */
export interface QuizLength {
  targetRoleId: string;
  /** Required skills with questions: the fewest questions a finished quiz can have. */
  required: number;
  /**
   * Per budget (15, 20, 30): the mean number of questions, the share of people who stop within two
   * questions of the floor, and the share who use the whole budget. Lengths pile up at both ends
   * (clear cases stop once every skill is asked, people near a cut run long), so a median or a
   * percentile range would mislead; the mean and the two ends say it plainly.
   */
  byBudget: Record<number, { mean: number; nearFloor: number; atBudget: number }>;
}

/**
 * The expected length of a quiz, by simulation under the engine's own model: people drawn from the
 * prior of a current role (every role and "none" in turn), answers drawn from the items' nominal
 * response curves, and the real selection and stopping rules. Honest by construction — it is what
 * the engine itself expects — and deterministic for a seed. The full-length run is simulated once;
 * a shorter budget ends it earlier (its stop rule is the same until then).
 */
export function estimateQuizLengths(
  engine: Engine,
  budgets: readonly number[],
  people = 28,
  seed = 0x1e9,
): QuizLength[] {
  const { graph, model } = engine;
  const roles = graph.roleList.map((role) => role.id);
  const currents: (string | null)[] = [null, ...roles];
  const longest = Math.max(...budgets);
  return roles.map((targetRoleId) => {
    const target = targetProfile(model, graph, targetRoleId);
    const required = target.skillIndexes.filter(
      (skill) => (model.itemsBySkill[skill]?.length ?? 0) > 0,
    ).length;
    const random = createRandom(seed, targetRoleId.length, people);
    const lengths: number[] = [];
    for (let p = 0; p < people; p++) {
      const currentRoleId = currents[p % currents.length] ?? null;
      const prior = createPrior(model, priorMean(model, graph, currentRoleId));
      const theta = drawFrom(prior, random.normal);
      let posterior = prior;
      let sites: Sites | undefined;
      const terms: AnswerTerm[] = [];
      const used = new Set<string>();
      const answeredSkills = new Set<number>();
      for (;;) {
        const { next } = decideNextStep(
          model,
          posterior,
          target,
          { answered: terms.length, answeredSkills, budget: longest },
          { used, random, attemptSeed: p },
        );
        if (!next) break;
        used.add(next.id);
        answeredSkills.add(next.skillIndex);
        const isCorrect = random.next() < responseProbability(theta[next.skillIndex] as number, next);
        terms.push({
          skill: next.skillIndex,
          parameters: next,
          outcome: isCorrect ? "correct" : "incorrect",
        });
        ({ posterior, sites } = fitPosterior(prior, terms, sites));
      }
      lengths.push(terms.length);
    }
    const byBudget: QuizLength["byBudget"] = {};
    for (const budget of budgets) {
      const capped = lengths.map((length) => Math.min(length, budget));
      const share = (test: (length: number) => boolean) => capped.filter(test).length / capped.length;
      byBudget[budget] = {
        mean: capped.reduce((sum, length) => sum + length, 0) / capped.length,
        nearFloor: share((length) => length <= Math.min(required, budget) + 2),
        atBudget: share((length) => length >= budget),
      };
    }
    return { targetRoleId, required, byBudget };
  });
}

function drawFrom(prior: Posterior, normal: () => number): Float64Array {
  const { n, mean, covariance } = prior;
  const lower = cholesky(covariance, n, 0);
  const z = Float64Array.from({ length: n }, normal);
  return Float64Array.from({ length: n }, (_, i) => {
    let value = mean[i] as number;
    for (let j = 0; j <= i; j++) value += (lower?.[i * n + j] ?? (i === j ? 1 : 0)) * (z[j] as number);
    return value;
  });
}

export const DEFAULT_BUDGETS = [15, 20, ENGINE_DEFAULTS.budget] as const;
