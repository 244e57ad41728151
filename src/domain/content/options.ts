import type { Question } from "./types";

export type QuestionOption = Question["options"][number];

/**
 * The live option a stored answer's option id names: by its id, or by a retired id the option
 * lists in `replaces` (the same option renamed). Undefined when the option was removed or replaced
 * by a different one: the answer then names "an option since revised".
 */
export function findOption(question: Pick<Question, "options">, storedId: string): QuestionOption | undefined {
  return question.options.find((option) => option.id === storedId) ?? question.options.find((option) => option.replaces?.includes(storedId));
}
