import { answerLikelihood, type AnswerTerm } from "@/domain/engine/expectation-propagation";
import { cholesky } from "@/domain/engine/math";
import type { Posterior } from "@/domain/engine/posterior";
import type { Random } from "@/domain/engine/random";

/**
 * Reference computations the engine's posterior is checked against (bench:posterior and the
 * engine's unit tests). Slow and simple on purpose: they share nothing with the engine but the
 * likelihood of one answer.
 */

/** The exact one-skill posterior mean and variance: the prior marginal times every likelihood, by 4,001-node quadrature over ±10 SD. */
export function exactOneSkillMoments(
  mean: number,
  variance: number,
  terms: readonly Pick<AnswerTerm, "parameters" | "outcome">[],
): { mean: number; variance: number } {
  const sd = Math.sqrt(variance);
  let s = 0,
    m = 0,
    q = 0;
  for (let i = 0; i <= 4000; i++) {
    const z = -10 + (20 * i) / 4000;
    const theta = mean + sd * z;
    let w = Math.exp(-0.5 * z * z);
    for (const term of terms) w *= answerLikelihood(theta, term);
    s += w;
    m += w * theta;
    q += w * theta * theta;
  }
  return { mean: m / s, variance: q / s - (m / s) ** 2 };
}

export interface ImportanceSample {
  /** P(θ_s ≥ cuts[c]) at index s · cuts.length + c. */
  above: Float64Array;
  /** Effective sample size (Σw)² / Σw². */
  ess: number;
  draws: number;
}

/**
 * Self-normalised importance sampling with the prior as proposal: P(θ_s ≥ cut) for every skill and
 * cut, weighting each prior draw by the likelihood of every answer. Draws at least `minDraws`, and
 * more (up to `maxDraws`) until the effective sample size reaches `targetEss`.
 */
export function importanceSample(
  prior: Posterior,
  terms: readonly AnswerTerm[],
  cuts: readonly number[],
  random: Random,
  options: { minDraws: number; targetEss?: number; maxDraws?: number },
): ImportanceSample {
  const n = prior.n;
  const lower = cholesky(prior.covariance, n, 0);
  if (!lower) throw new Error("prior covariance is not positive definite");
  const targetEss = options.targetEss ?? 0;
  const maxDraws = options.maxDraws ?? options.minDraws;
  const weighted = new Float64Array(n * cuts.length);
  const z = new Float64Array(n);
  const theta = new Float64Array(n);
  let sum = 0,
    sumSquares = 0,
    draws = 0;
  while (draws < options.minDraws || (draws < maxDraws && (sum * sum) / sumSquares < targetEss)) {
    for (let i = 0; i < n; i++) {
      z[i] = random.normal();
      let value = prior.mean[i] as number;
      for (let j = 0; j <= i; j++) value += (lower[i * n + j] as number) * (z[j] as number);
      theta[i] = value;
    }
    let w = 1;
    for (const term of terms) w *= answerLikelihood(theta[term.skill] as number, term);
    draws++;
    sum += w;
    sumSquares += w * w;
    for (let i = 0; i < n; i++) {
      const t = theta[i] as number;
      for (let c = 0; c < cuts.length; c++)
        if (t >= (cuts[c] as number))
          weighted[i * cuts.length + c] = (weighted[i * cuts.length + c] as number) + w;
    }
  }
  return { above: Float64Array.from(weighted, (value) => value / sum), ess: (sum * sum) / sumSquares, draws };
}
