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
