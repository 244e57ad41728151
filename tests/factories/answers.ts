import { optionCode } from "@/server/assessment/option-codes";
import { getSkillsGraph } from "@/server/content-loader";

/**
 * The option codes of a question's key for one attempt: what a client that knew the answers would
 * send (the quiz itself only ever sends codes it was shown).
 */
export function keyCodes(attemptId: string, questionId: string): string[] {
  const question = getSkillsGraph().questions.get(questionId);
  if (!question) throw new Error(`unknown question ${questionId}`);
  return question.options
    .filter((option) => option.correct === true)
    .map((option) => optionCode(attemptId, questionId, option));
}

/**
 * Right, wrong and "I don't know" in turn (`turn` counts answers): a mixed record that exercises
 * every outcome and does not stop the quiz early. Sends the option codes the quiz showed.
 */
export function mixedAnswerFor(attemptId: string, questionId: string, turn: number) {
  const question = getSkillsGraph().questions.get(questionId);
  if (!question) throw new Error(`unknown question ${questionId}`);
  if (turn % 3 === 2) return { questionId, dontKnow: true };
  const wanted = turn % 3 === 0;
  const picked = question.options.filter((option) => (option.correct === true) === wanted);
  const choice = (wanted ? picked : picked.slice(0, 1)).map((option) =>
    optionCode(attemptId, questionId, option),
  );
  return { questionId, choice };
}
