import { fitPosterior, tiltedMoments, type AnswerTerm } from "../engine/expectation-propagation";
import type { Posterior } from "../engine/posterior";

export interface AbilityEstimate {
  mean: number;
  sd: number;
}

/**
 * For each answer, the engine's belief about that answer's skill from the person's *other* answers
 * in the attempt (docs/decisions/013-calibration.md): the EP fit of all answers, then for the
 * answer's skill its cavity (the prior plus every other skill's evidence through the correlations)
 * times the exact likelihood of that skill's remaining answers, moment-matched. The other skills'
 * sites keep the answer's small indirect influence (a refit without it would move them by a
 * fraction of one answer's weight times a correlation); everything on the skill itself is exact.
 * Returned in the order of `terms`.
 */
export function abilitiesFromOtherAnswers(prior: Posterior, terms: readonly AnswerTerm[]): AbilityEstimate[] {
  if (terms.length === 0) return [];
  const { posterior, sites } = fitPosterior(prior, terms);
  const n = posterior.n;
  const bySkill = posterior.evidence?.bySkill;
  return terms.map((term) => {
    const skill = term.skill;
    const v = posterior.covariance[skill * n + skill] as number;
    const mu = posterior.mean[skill] as number;
    const cavityPrecision = 1 / v - (sites.precision[skill] as number);
    const cavityVariance = 1 / cavityPrecision;
    const cavityMean = cavityVariance * (mu / v - (sites.shift[skill] as number));
    const others = [...(bySkill?.get(skill) ?? [])];
    const at = others.indexOf(term);
    if (at >= 0) others.splice(at, 1);
    if (others.length === 0) return { mean: cavityMean, sd: Math.sqrt(cavityVariance) };
    const moments = tiltedMoments(cavityMean, cavityVariance, others);
    return { mean: moments.mean, sd: Math.sqrt(moments.variance) };
  });
}
