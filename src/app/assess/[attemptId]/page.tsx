import { readIdParam } from "@/lib/route-params";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { QuizQuestion } from "@/components/assess/quiz-question";
import { ReportProblem } from "@/components/assess/report-problem";
import { SelfRatingForm } from "@/components/assess/self-rating-form";
import { loadAttemptPage } from "@/server/assessment/quiz";
import { currentOwner } from "@/server/identity";
import { answerAction, finishAction, reportProblemAction, selfRatingAction } from "../actions";

const SELF_RATING_INVALID =
  "Your ratings could not be read. Choose a level from 0 to 4, or “not sure”, for each skill.";

export const metadata: Metadata = { title: "Assessment", robots: { index: false } };

export default async function QuizPage({
  params,
  searchParams,
}: {
  params: Promise<{ attemptId: string }>;
  searchParams: Promise<{ rating?: string | string[] }>;
}) {
  const attemptId = await readIdParam(params, "attemptId");
  if (!attemptId) notFound();
  const owner = await currentOwner();
  // Before the first answer of a new attempt: the self-rating screen.
  const state = await loadAttemptPage(attemptId, owner);
  if (state.kind === "notFound") notFound();
  if (state.kind === "selfRating")
    return (
      <div className="mx-auto max-w-5xl">
        <SelfRatingForm
          view={state.view}
          action={selfRatingAction}
          error={(await searchParams).rating === "invalid" ? SELF_RATING_INVALID : null}
        />
      </div>
    );
  if (state.kind === "completed") redirect(`/results/${attemptId}`);
  return (
    <div className="mx-auto max-w-3xl">
      <QuizQuestion
        key={state.view.questionId}
        view={state.view}
        answerAction={answerAction}
        finishAction={finishAction}
      />
      <ReportProblem questionId={state.view.questionId} attemptId={attemptId} action={reportProblemAction} />
    </div>
  );
}
