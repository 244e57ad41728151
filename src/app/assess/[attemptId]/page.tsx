import { readIdParam } from "@/lib/route-params";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { QuizQuestion } from "@/components/assess/quiz-question";
import { ReportProblem } from "@/components/assess/report-problem";
import { loadQuiz } from "@/server/assessment/quiz";
import { currentOwner } from "@/server/identity";
import { answerAction, finishAction, reportProblemAction } from "../actions";

export const metadata: Metadata = { title: "Assessment", robots: { index: false } };

export default async function QuizPage({ params }: { params: Promise<{ attemptId: string }> }) {
  const attemptId = await readIdParam(params, "attemptId");
  if (!attemptId) notFound();
  const state = await loadQuiz(attemptId, await currentOwner());
  if (state.kind === "notFound") notFound();
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
