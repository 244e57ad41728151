import type { Evidence } from "./expectation-propagation";
import { logistic } from "./math";
import type { EngineModel, ItemParameters } from "./model";

/** Multivariate normal belief over every skill's ability (logit scale). */
export interface Posterior {
  n: number;
  mean: Float64Array;
  /** Row-major n×n covariance. */
  covariance: Float64Array;
  /** Set by fitPosterior: the answers behind it, for the exact marginals of answered skills. */
  evidence?: Evidence;
}

export type Outcome = "correct" | "incorrect" | "dontKnow";

export function createPrior(model: EngineModel, mean: Float64Array): Posterior {
  return {
    n: model.skillIds.length,
    mean: Float64Array.from(mean),
    covariance: Float64Array.from(model.correlation),
  };
}

/** P(correct | θ) under the 3PL model. */
export function responseProbability(theta: number, item: ItemParameters): number {
  return item.guessing + (1 - item.guessing) * logistic(item.discrimination * (theta - item.difficulty));
}

// Standard-normal grids for the one-dimensional exact update: `size` nodes over ±6 SD, beyond which
// the normal's mass (about 2e-9) cannot move a posterior mean measurably.
interface Grid {
  z: Float64Array;
  w: Float64Array;
}
const grids = new Map<number, Grid>();
function gridOf(size: number): Grid {
  let grid = grids.get(size);
  if (!grid) {
    const z = Float64Array.from({ length: size }, (_, i) => -6 + (12 * i) / (size - 1));
    grid = { z, w: Float64Array.from(z, (value) => Math.exp(-0.5 * value * value)) };
    grids.set(size, grid);
  }
  return grid;
}
const UPDATE_GRID = 81;

export interface MarginalMoments {
  mean: number;
  variance: number;
}

export interface OutcomeForecast {
  /** Predictive probability of a correct answer. */
  pCorrect: number;
  correct: MarginalMoments;
  incorrect: MarginalMoments;
}

/**
 * The probed skill's exact posterior on a grid for both outcomes, moment-matched to normals
 * (assumed-density filtering). Used both to update and to look one step ahead.
 */
export function forecastOutcomes(
  mean: number,
  variance: number,
  item: ItemParameters,
  gridSize = UPDATE_GRID,
): OutcomeForecast {
  const sd = Math.sqrt(variance);
  const { z, w: weights } = gridOf(gridSize);
  const { guessing, discrimination, difficulty } = item;
  let s1 = 0,
    m1 = 0,
    q1 = 0,
    s0 = 0,
    m0 = 0,
    q0 = 0;
  for (let i = 0; i < gridSize; i++) {
    const theta = mean + sd * (z[i] as number);
    const w = weights[i] as number;
    const p = guessing + (1 - guessing) / (1 + Math.exp(-discrimination * (theta - difficulty)));
    const w1 = w * p;
    const w0 = w - w1;
    s1 += w1;
    m1 += w1 * theta;
    q1 += w1 * theta * theta;
    s0 += w0;
    m0 += w0 * theta;
    q0 += w0 * theta * theta;
  }
  const total = s1 + s0;
  return {
    pCorrect: s1 / total,
    correct: moments(s1, m1, q1, mean, variance),
    incorrect: moments(s0, m0, q0, mean, variance),
  };
}

function moments(
  sum: number,
  first: number,
  second: number,
  fallbackMean: number,
  fallbackVariance: number,
): MarginalMoments {
  if (!(sum > 0)) return { mean: fallbackMean, variance: fallbackVariance };
  const mean = first / sum;
  return { mean, variance: Math.max(second / sum - mean * mean, 1e-6) };
}

/**
 * "I don't know" is evidence of not knowing: the person declined to guess, so the likelihood is
 * an incorrect answer without the guessing floor (c = 0).
 */
export function effectiveParameters(item: ItemParameters, outcome: Outcome): ItemParameters {
  return outcome === "dontKnow" ? { ...item, guessing: 0 } : item;
}

/**
 * Bayesian update after one answer to an item of skill `skill`: exact 1-D posterior for that skill,
 * then propagation to every other skill through the Gaussian conditional (a rank-1, Kalman-style
 * update) — one pass of expectation propagation. Returns a new posterior; the input is unchanged.
 */
export function applyResponse(
  posterior: Posterior,
  skill: number,
  item: ItemParameters,
  outcome: Outcome,
): Posterior {
  const { n, mean, covariance } = posterior;
  const m = mean[skill] as number;
  const v = covariance[skill * n + skill] as number;
  const forecast = forecastOutcomes(m, v, effectiveParameters(item, outcome));
  const updated = outcome === "correct" ? forecast.correct : forecast.incorrect;
  return conditionOnSkill(posterior, skill, updated);
}

/** Moves the whole belief so that skill `skill`'s marginal becomes `updated`. */
export function conditionOnSkill(posterior: Posterior, skill: number, updated: MarginalMoments): Posterior {
  const { n, mean, covariance } = posterior;
  const m = mean[skill] as number;
  const v = covariance[skill * n + skill] as number;
  const gain = (updated.mean - m) / v;
  const shrink = (v - updated.variance) / (v * v);
  const column = covariance.slice(skill * n, skill * n + n);
  const nextMean = new Float64Array(n);
  const nextCovariance = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ci = column[i] as number;
    nextMean[i] = (mean[i] as number) + ci * gain;
    for (let j = 0; j < n; j++)
      nextCovariance[i * n + j] = (covariance[i * n + j] as number) - ci * (column[j] as number) * shrink;
  }
  return { n, mean: nextMean, covariance: nextCovariance };
}

export function variance(posterior: Posterior, skill: number): number {
  return posterior.covariance[skill * posterior.n + skill] as number;
}
