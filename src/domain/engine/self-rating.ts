import { cholesky, choleskySolve } from "./math";
import { LEVEL_CUTS, type EngineModel } from "./model";
import type { Posterior } from "./posterior";

/**
 * Self-ratings as evidence (docs/decisions/004-assessment-engine.md, "Self-ratings").
 *
 * A person may rate each required skill of the target on the level scale before the first
 * question. A rating is read as a noisy Gaussian observation of that skill's ability on the
 * engine's scale, shifted by a bias the person carries into all of their ratings:
 *
 *   z_s = θ_s + β + ε_s,   β ~ N(biasMean, biasSd²) once per person,   ε_s ~ N(0, noiseSd²).
 *
 * The prior over θ is augmented by β (one extra dimension, independent of θ a priori), conditioned
 * exactly on the ratings (everything is Gaussian, so this is a Kalman update), and β is then
 * marginalised: answers depend on θ only, so the θ-marginal of the conditioned belief is the exact
 * prior for the EP fit of the answers that follow.
 */

export type SelfRatingLevel = 0 | 1 | 2 | 3 | 4;

/** One rated skill. "Not sure" and skipped skills are simply absent: they carry no evidence. */
export interface SelfRating {
  skillId: string;
  level: SelfRatingLevel;
}

/** How ratings relate to ability; the values an attempt used should be stored with it. */
export interface SelfRatingModel {
  /** Mean of the person's bias β on the ability scale (positive: people rate themselves higher than they show). */
  biasMean: number;
  /** Spread of β between people. */
  biasSd: number;
  /** Per-rating noise ε around θ + β. */
  noiseSd: number;
}

/**
 * Defaults until calibration estimates them from answers (decision 004, "Self-ratings as
 * evidence", says how they were chosen): people rate themselves about 0.3 logits above what they
 * show, a rating scatters by 0.8 around that, and the bias differs between people with SD 0.7 — wide
 * enough that someone a full level overconfident is one SD out, so their answers, not the prior,
 * decide how far their ratings are discounted.
 */
export const SELF_RATING_DEFAULTS: SelfRatingModel = {
  biasMean: 0.3,
  biasSd: 0.7,
  noiseSd: 0.8,
};

/**
 * Where a level sits on the ability scale: the midpoint of its cut interval. Levels 1–3 have
 * closed intervals (level 1 is [−1.5, −0.5), midpoint −1). Levels 0 and 4 are open-ended; they are
 * given an interval of the same width as the others beyond the outermost cut, so 0 ↦ −2 and
 * 4 ↦ +2 (the noise term carries the rest of the uncertainty).
 */
export function selfRatingTheta(level: SelfRatingLevel): number {
  const width = (LEVEL_CUTS[1] as number) - (LEVEL_CUTS[0] as number);
  const lower = level === 0 ? (LEVEL_CUTS[0] as number) - width : (LEVEL_CUTS[level - 1] as number);
  const upper =
    level === LEVEL_CUTS.length
      ? (LEVEL_CUTS[LEVEL_CUTS.length - 1] as number) + width
      : (LEVEL_CUTS[level] as number);
  return (lower + upper) / 2;
}

/** Whether a value read from storage or a form is a rating level. */
export function isSelfRatingLevel(value: unknown): value is SelfRatingLevel {
  return value === 0 || value === 1 || value === 2 || value === 3 || value === 4;
}

/** The prior after the ratings, with what the bias's posterior needs later (see biasPosterior). */
export interface RatedPrior {
  /** θ-marginal of the belief conditioned on the ratings: the prior of the answers' EP fit. */
  prior: Posterior;
  /** β's mean and variance given the ratings. */
  biasMean: number;
  biasVariance: number;
  /** Cov(θ, β) given the ratings (length n). */
  biasCovariance: Float64Array;
  /** Ratings that were used as evidence (skills this content version has). */
  used: number;
  /** Skill ids of ratings for skills this content version no longer has: no evidence. */
  ignoredSkills: readonly string[];
}

/**
 * Conditions the role-based prior on the ratings, exactly. The belief over (θ, β) is updated one
 * rating at a time by the scalar Kalman update (sequential conditioning on independent Gaussian
 * observations is exact), ratings in skill order so that the stored order cannot change a bit of
 * the result.
 */
export function conditionOnSelfRatings(
  model: EngineModel,
  prior: Posterior,
  ratings: readonly SelfRating[],
  parameters: SelfRatingModel = SELF_RATING_DEFAULTS,
): RatedPrior {
  const n = prior.n;
  const size = n + 1;
  const b = n; // index of β in the augmented state
  const mean = new Float64Array(size);
  const covariance = new Float64Array(size * size);
  for (let i = 0; i < n; i++) {
    mean[i] = prior.mean[i] as number;
    for (let j = 0; j < n; j++) covariance[i * size + j] = prior.covariance[i * n + j] as number;
  }
  mean[b] = parameters.biasMean;
  covariance[b * size + b] = parameters.biasSd * parameters.biasSd;
  const noise = parameters.noiseSd * parameters.noiseSd;

  const ignoredSkills: string[] = [];
  const observed: { skill: number; z: number }[] = [];
  for (const rating of ratings) {
    const skill = model.skillIndex.get(rating.skillId);
    if (skill === undefined || skill >= n) ignoredSkills.push(rating.skillId);
    else observed.push({ skill, z: selfRatingTheta(rating.level) });
  }
  observed.sort((x, y) => x.skill - y.skill || x.z - y.z);

  const column = new Float64Array(size);
  for (const { skill, z } of observed) {
    // h = e_skill + e_β: the observation's covariance with every coordinate is P h.
    for (let i = 0; i < size; i++)
      column[i] = (covariance[i * size + skill] as number) + (covariance[i * size + b] as number);
    const innovation =
      (covariance[skill * size + skill] as number) +
      2 * (covariance[skill * size + b] as number) +
      (covariance[b * size + b] as number) +
      noise;
    const residual = z - (mean[skill] as number) - (mean[b] as number);
    for (let i = 0; i < size; i++) {
      const ci = column[i] as number;
      mean[i] = (mean[i] as number) + (ci * residual) / innovation;
      const scaled = ci / innovation;
      for (let j = 0; j < size; j++)
        covariance[i * size + j] = (covariance[i * size + j] as number) - scaled * (column[j] as number);
    }
  }

  const thetaMean = mean.slice(0, n);
  const thetaCovariance = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) thetaCovariance[i * n + j] = covariance[i * size + j] as number;
  const biasCovariance = Float64Array.from({ length: n }, (_, i) => covariance[i * size + b] as number);
  return {
    prior: { n, mean: thetaMean, covariance: thetaCovariance },
    biasMean: mean[b] as number,
    biasVariance: covariance[b * size + b] as number,
    biasCovariance,
    used: observed.length,
    ignoredSkills,
  };
}

/**
 * The person's rating bias after the answers. Given θ, β is independent of the answers (they
 * depend on θ only), and its conditional given θ is Gaussian:
 *   β | θ ~ N(m_β + gᵀ(θ − m_θ), v_β − gᵀc),  g = Σ_θθ⁻¹ c,  c = Cov(θ, β)
 * (all from the rating-conditioned prior). Averaging over the fitted posterior N(m′, Σ′) of θ:
 *   E[β] = m_β + gᵀ(m′ − m_θ),  Var[β] = v_β − gᵀc + gᵀΣ′g.
 * This is what EP on the (n+1)-dimensional belief would give, since no site touches β.
 */
export function biasPosterior(rated: RatedPrior, posterior: Posterior): { mean: number; sd: number } {
  const { prior, biasCovariance: c } = rated;
  const n = prior.n;
  const g = solveSpd(prior.covariance, n, c);
  let shift = 0;
  let explained = 0;
  for (let i = 0; i < n; i++) {
    shift += (g[i] as number) * ((posterior.mean[i] as number) - (prior.mean[i] as number));
    explained += (g[i] as number) * (c[i] as number);
  }
  let spread = 0;
  for (let i = 0; i < n; i++) {
    let row = 0;
    for (let j = 0; j < n; j++) row += (posterior.covariance[i * n + j] as number) * (g[j] as number);
    spread += (g[i] as number) * row;
  }
  const variance = Math.max(rated.biasVariance - explained + spread, 0);
  return { mean: rated.biasMean + shift, sd: Math.sqrt(variance) };
}

/** x with A x = rhs for a symmetric positive-definite A (Cholesky; a tiny ridge if A is near-singular). */
function solveSpd(matrix: Float64Array, n: number, rhs: Float64Array): Float64Array {
  let lower = cholesky(matrix, n, 0);
  if (!lower) {
    const ridged = Float64Array.from(matrix);
    for (let i = 0; i < n; i++) ridged[i * n + i] = (ridged[i * n + i] as number) + 1e-9;
    lower = cholesky(ridged, n, 0);
  }
  if (!lower) throw new RangeError("the prior covariance is not positive definite");
  return choleskySolve(lower, n, rhs);
}
