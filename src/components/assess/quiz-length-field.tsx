import { ChoiceGroup } from "@/components/forms/choice-group";
import { DEFAULT_QUIZ_LENGTH, QUIZ_LENGTH_OPTIONS } from "./quiz-lengths";

/** "Longest quiz you want": the same three lengths wherever an assessment starts. */
export function QuizLengthField({
  id,
  value,
  error,
  legend = "Longest quiz you want",
  hint = "It stops earlier once the picture is clear.",
}: {
  id: string;
  value?: string;
  error?: string;
  legend?: string;
  hint?: string;
}) {
  const offered = QUIZ_LENGTH_OPTIONS.some((option) => option.value === value);
  return (
    <ChoiceGroup
      id={id}
      name="budget"
      legend={legend}
      options={QUIZ_LENGTH_OPTIONS}
      value={offered && value ? value : DEFAULT_QUIZ_LENGTH}
      hint={hint}
      error={error}
    />
  );
}
