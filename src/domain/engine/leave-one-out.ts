import { answerTerms, type Engine, type RecordedAnswer } from "./assess";
import { fitPosterior, tiltedMoments } from "./expectation-propagation";
import { variance, type Posterior } from "./posterior";

/** The engine's belief about an answer's skill from every OTHER answer of the attempt. */
export interface AbilityWithout {
  questionId: string;
  /** Posterior mean and SD of the answer's skill without this answer; null when the content no longer has the skill. */
  mean: number | null;
  sd: number | null;
}

/**
 * For each answer, the posterior mean and SD of its skill from the attempt's prior and all the
 * OTHER answers: the ability an item statistic or a calibration may compare the answer with
 * without the answer vouching for itself. Computed as EP's own leave-one-out: the fitted
 * posterior's cavity for the skill (every other skill's evidence kept, this skill's site removed)
 * times the exact likelihood of the skill's other answers — one site update per answer instead of
 * a refit, so scoring an attempt stays fast; the other skills' sites would move only at second
 * order (under 0.03 logits against a full refit in the unit test). Order-free, as the posterior is.
 */
export function abilitiesWithoutEach(
  engine: Engine,
  prior: Posterior,
  answers: readonly RecordedAnswer[],
): AbilityWithout[] {
  const counted = answers.filter((answer) => engine.model.skillIndex.has(answer.skillId));
  const { terms } = answerTerms(engine.model, counted);
  const { posterior, sites } = fitPosterior(prior, terms);
  const byQuestion = new Map<string, { mean: number; sd: number }>();
  counted.forEach((answer, index) => {
    const skill = terms[index]?.skill as number;
    const v = variance(posterior, skill);
    const cavityPrecision = 1 / v - (sites.precision[skill] as number);
    if (!(cavityPrecision > 0)) return;
    const cavityVariance = 1 / cavityPrecision;
    const cavityMean =
      cavityVariance * ((posterior.mean[skill] as number) / v - (sites.shift[skill] as number));
    const others = terms.filter((term, other) => other !== index && term.skill === skill);
    const moments =
      others.length === 0
        ? { mean: cavityMean, variance: cavityVariance }
        : tiltedMoments(cavityMean, cavityVariance, others);
    byQuestion.set(answer.questionId, { mean: moments.mean, sd: Math.sqrt(moments.variance) });
  });
  return answers.map((answer) => {
    const found = byQuestion.get(answer.questionId);
    return { questionId: answer.questionId, mean: found?.mean ?? null, sd: found?.sd ?? null };
  });
}
