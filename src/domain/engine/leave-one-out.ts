import { answerTerms, type Engine, type RecordedAnswer } from "./assess";
import { fitPosterior } from "./expectation-propagation";
import { variance, type Posterior } from "./posterior";

/** The engine's belief about an answer's skill from every OTHER answer of the attempt. */
export interface AbilityWithout {
  questionId: string;
  /** Posterior mean and SD of the answer's skill without this answer; null when the content no longer has the skill. */
  mean: number | null;
  sd: number | null;
}

/**
 * For each answer, the posterior mean and SD of its skill fitted to the attempt's prior and all
 * the other answers (leave one out, as explainAnswers does): the ability an item statistic or a
 * calibration may compare the answer with without the answer vouching for itself. The posterior
 * does not depend on answer order, so neither does this.
 */
export function abilitiesWithoutEach(
  engine: Engine,
  prior: Posterior,
  answers: readonly RecordedAnswer[],
): AbilityWithout[] {
  const counted = answers.filter((answer) => engine.model.skillIndex.has(answer.skillId));
  const { terms } = answerTerms(engine.model, counted);
  const full = fitPosterior(prior, terms);
  const byQuestion = new Map<string, { mean: number; sd: number }>();
  counted.forEach((answer, index) => {
    const skill = terms[index]?.skill as number;
    const without = fitPosterior(
      prior,
      terms.filter((_, other) => other !== index),
      full.sites,
    ).posterior;
    byQuestion.set(answer.questionId, {
      mean: without.mean[skill] as number,
      sd: Math.sqrt(variance(without, skill)),
    });
  });
  return answers.map((answer) => {
    const found = byQuestion.get(answer.questionId);
    return { questionId: answer.questionId, mean: found?.mean ?? null, sd: found?.sd ?? null };
  });
}
