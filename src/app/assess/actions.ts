"use server";

import { formText } from "@/lib/form-data";
import { redirect } from "next/navigation";
import { ensureOwner, currentOwner } from "@/server/identity";
import type { StartFormState } from "@/components/assess/start-form";
import type { ReportFormState } from "@/components/assess/report-problem";
import { finishEarly, startAssessment, submitAnswer } from "@/server/assessment/quiz";
import { submitSelfRatings } from "@/server/assessment/self-rating-step";
import { reportQuestion } from "@/server/question-reports";
import { RATE_RULES, checkRate, requestAddress } from "@/server/rate-limit";
import { describeWait } from "@/domain/rate-limit";

export async function startAssessmentAction(
  _previous: StartFormState,
  form: FormData,
): Promise<StartFormState> {
  const values = {
    from: formText(form, "from"),
    to: formText(form, "to"),
    hoursPerWeek: formText(form, "hoursPerWeek"),
    timeZone: formText(form, "timeZone"),
    budget: formText(form, "budget"),
  };
  // A server action cannot answer 429; the same limit as POST /api/attempts, said in the form.
  const rate = await checkRate([{ rule: RATE_RULES.attemptPerAddress, subject: await requestAddress() }]);
  if (!rate.allowed)
    return {
      fieldErrors: {
        form: `Too many new assessments from your network. Try again in ${describeWait(rate.retryAfterSeconds)}.`,
      },
      values,
    };
  const result = await startAssessment(values, await ensureOwner());
  if (!result.ok) return { fieldErrors: result.fieldErrors, values };
  redirect(`/assess/${result.attemptId}`);
}

import type { AnswerFormState } from "@/components/assess/quiz-question";

/** One answer from the quiz form; on success the page reloads at the next question (or the results). */
export async function answerAction(_previous: AnswerFormState, form: FormData): Promise<AnswerFormState> {
  const attemptId = formText(form, "attemptId");
  const result = await submitAnswer(attemptId, await currentOwner(), {
    questionId: formText(form, "questionId"),
    choice: form.getAll("choice").filter((value): value is string => typeof value === "string"),
    dontKnow: form.get("dontKnow") === "1",
  });
  if (result.kind === "invalid") return { error: result.message };
  if (result.kind === "notFound") redirect(`/assess/${encodeURIComponent(attemptId)}`); // the page answers 404
  redirect(result.kind === "completed" ? `/results/${attemptId}` : `/assess/${attemptId}`);
}

export async function finishAction(form: FormData): Promise<void> {
  const attemptId = formText(form, "attemptId");
  const outcome = await finishEarly(attemptId, await currentOwner());
  redirect(outcome === "completed" ? `/results/${attemptId}` : `/assess/${encodeURIComponent(attemptId)}`);
}

/** "Report a problem with this question", from the quiz or the answer review. */
export async function reportProblemAction(
  _previous: ReportFormState,
  form: FormData,
): Promise<ReportFormState> {
  const result = await reportQuestion(
    {
      questionId: formText(form, "questionId"),
      attemptId: formText(form, "attemptId"),
      reason: formText(form, "reason"),
      details: formText(form, "details"),
    },
    await currentOwner(),
    await requestAddress(),
  );
  return result;
}

/** The self-rating screen: the ratings (or "skip"), then the first question from the rated state. */
export async function selfRatingAction(form: FormData): Promise<void> {
  const attemptId = formText(form, "attemptId");
  const ratings: Record<string, string> = {};
  for (const [name, value] of form.entries())
    if (name.startsWith("rating-") && typeof value === "string")
      ratings[name.slice("rating-".length)] = value;
  const result = await submitSelfRatings(attemptId, await currentOwner(), {
    skip: form.get("skip") === "1",
    ratings,
  });
  const page = `/assess/${encodeURIComponent(attemptId)}`;
  // Refused: the screen again, saying why. Saved, or locked (the quiz has started): the page shows
  // the current question; not found: it answers 404.
  if (result.kind === "invalid") redirect(`${page}?rating=invalid`);
  redirect(page);
}
