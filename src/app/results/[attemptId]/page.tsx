import { readIdParam } from "@/lib/route-params";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ReportProblem } from "@/components/assess/report-problem";
import { AnswerReview } from "@/components/results/answer-review";
import { percent, percentOpening } from "@/components/results/chance";
import { LevelChart } from "@/components/results/level-chart";
import { LevelScaleLegend } from "@/components/results/level-range";
import { PrintButton } from "@/components/results/print-button";
import { ReassessButton } from "@/components/results/reassess-button";
import { RoleFitList } from "@/components/results/role-fit";
import { SelfRatingSummary } from "@/components/results/self-rating-summary";
import { SkillResults } from "@/components/results/skill-results";
import { ShareSection } from "@/components/share/share-section";
import { PageHeader } from "@/components/ui/page-header";
import { levelName } from "@/domain/levels";
import { currentOwner, currentUser } from "@/server/identity";
import { isAttemptInProgress, loadResults, type ResultsView } from "@/server/results";
import { findActiveShareLink } from "@/server/share-links";
import { reportProblemAction, startAssessmentAction } from "../../assess/actions";

export const metadata: Metadata = { title: "Your results", robots: { index: false } };

const VERDICT: Record<ResultsView["verdict"], { title: string; body: string }> = {
  ready: { title: "Ready", body: "Your answers say you very likely meet every core requirement." },
  uncertain: {
    title: "Close — not settled",
    body: "Some core skills sit near the level the role asks for; the plan below targets them first.",
  },
  "not-yet": {
    title: "Not yet",
    body: "At least one core skill is likely below the level the role asks for. The gaps and the plan below show what to learn first.",
  },
};

const STOP: Record<string, string> = {
  confident: "The quiz stopped because the picture was clear enough",
  budget: "The quiz used its full question budget",
  exhausted: "The quiz ran out of new questions for your target skills",
  finished: "You finished early, so some estimates are less certain",
};

export default async function ResultsPage({ params }: { params: Promise<{ attemptId: string }> }) {
  const attemptId = await readIdParam(params, "attemptId");
  if (!attemptId) notFound();
  const owner = await currentOwner();
  const view = await loadResults(attemptId, owner);
  if (!view) {
    if (await isAttemptInProgress(attemptId, owner)) redirect(`/assess/${attemptId}`);
    notFound();
  }
  const verdict = VERDICT[view.verdict];
  // The view loaded, so a signed-in requester is its owner (currentOwner prefers the account).
  const user = await currentUser();
  const shareLink = user ? await findActiveShareLink(user.id, "results", view.attempt.id) : null;
  const notAsked = view.required.filter((row) => row.answerCount === 0);
  return (
    <>
      <PageHeader
        title={`${view.from ? `${view.from.title} → ` : ""}${view.to.title}`}
        lead={`${STOP[view.attempt.stopReason ?? "confident"] ?? ""} after ${view.attempt.answered} ${view.attempt.answered === 1 ? "question" : "questions"} (you chose up to ${view.attempt.budget}).`}
      />

      {/* The verdict comes first at every width: on a phone it is what fits on the first screen. */}
      <section
        aria-labelledby="verdict"
        className="rounded-2xl border border-slate-200 bg-slate-50 p-4 sm:p-6 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="verdict" className="text-2xl font-semibold">
          Readiness for {view.to.title}: {verdict.title}
        </h2>
        <p className="mt-2 text-lg">
          <span className="font-semibold tabular-nums">{percentOpening(view.readiness)}</span> chance that
          every core skill meets its target. {verdict.body}
        </p>
        <div className="mt-5 grid gap-6 md:grid-cols-2">
          <div>
            <h3 className="font-semibold">Biggest gaps</h3>
            {view.gaps.length === 0 ? (
              <p className="mt-1 text-sm">No required skill is likely below target.</p>
            ) : (
              <ul className="mt-1 list-disc pl-5 text-sm">
                {view.gaps.map((row) => (
                  <li key={row.skillId}>
                    {row.title}: most likely {levelName(row.level)} ({row.level}), target{" "}
                    {levelName(row.targetLevel ?? 0)} ({row.targetLevel}); {percent(row.pMeets ?? 0)} chance
                    you meet it{row.answerCount === 0 ? " (not asked, inferred)" : ""}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <h3 className="font-semibold">
              {view.from ? `What carries over from ${view.from.title}` : "What you already bring"}
            </h3>
            {view.carriesOver.length === 0 ? (
              <p className="mt-1 text-sm">
                {view.from
                  ? "No shared skill is confirmed yet at the level this role needs."
                  : "Choose a current role next time to see what carries over."}
              </p>
            ) : (
              <ul className="mt-1 list-disc pl-5 text-sm">
                {view.carriesOver.map((row) => (
                  <li key={row.skillId}>
                    {row.title} (likely meets level {row.targetLevel})
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      </section>

      <div className="mt-6 flex flex-wrap items-end gap-3 print:hidden">
        {view.planId && (
          <Link
            href={`/plan/${view.planId}`}
            className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
          >
            Open my learning plan
          </Link>
        )}
        <PrintButton />
      </div>
      <ReassessButton
        from={view.from?.id ?? ""}
        to={view.to.id}
        budget={String(view.attempt.budget)}
        action={startAssessmentAction}
      />
      <ShareSection
        kind="results"
        targetId={view.attempt.id}
        active={shareLink ? { linkId: shareLink.id, createdAt: shareLink.createdAt.toISOString() } : null}
        signInNext={user ? null : `/results/${view.attempt.id}`}
      />

      {view.attempt.isContentChanged && (
        <p className="mt-6 rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm dark:bg-amber-950">
          The question bank has changed since this assessment. Your result is shown exactly as it was scored;
          the questions in the review below show their current wording.
        </p>
      )}

      <section aria-labelledby="skills" className="mt-10">
        <h2 id="skills" className="text-xl font-semibold tracking-tight">
          Skills {view.to.title} requires
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          For each skill: your most likely level, the range it could be in (we are 80 % sure it is in that
          range) and the chance you meet the level the role asks for. These are estimates from your answers:
          on average, each “meets” or “below” call here has{" "}
          {view.risk < 0.005 ? "less than a 1 %" : `about a ${percent(view.risk)}`} chance of being the wrong
          way round.
          {view.isReviewWithheld &&
            ` Which answers moved each estimate is shown once the ${view.isCohortAttempt ? "assessment window" : "team’s round"} closes, with the answer review.`}
        </p>
        {notAsked.length > 0 && (
          <p className="mt-4 max-w-3xl rounded-lg border border-slate-300 p-3 text-sm dark:border-slate-700">
            {notAsked.length} of the {view.required.length} required skills were not asked because the quiz
            ended early: {notAsked.map((row) => row.title).join(", ")}. Their estimates are inferred from{" "}
            {view.from ? `what ${view.from.title}s typically know and ` : ""}your answers on related skills,
            not measured, and are marked “not asked” below. Reassess to measure them — every required skill
            gets at least one question when the quiz runs to its end.
          </p>
        )}
        <SelfRatingSummary summary={view.selfRating} />
        <div className="mt-4">
          <LevelScaleLegend />
        </div>
        <div className="mt-4 hidden md:block">
          <LevelChart rows={view.required} />
        </div>
        <div className="mt-6">
          <SkillResults
            rows={view.required}
            fromTitle={view.from?.title ?? null}
            hasPrevious={view.previous !== null}
            isReviewWithheld={view.isReviewWithheld}
            caption={
              view.previous
                ? "Per skill, with the change since your previous assessment for this role."
                : "Per skill: level, target and how sure we are."
            }
          />
        </div>
        {view.other.length > 0 && (
          <details className="mt-6">
            <summary className="cursor-pointer font-medium">
              Other skills your answers touched ({view.other.length})
            </summary>
            <div className="mt-3">
              <SkillResults
                rows={view.other}
                fromTitle={view.from?.title ?? null}
                hasPrevious={false}
                isReviewWithheld={view.isReviewWithheld}
                caption="Not required by the target role."
              />
            </div>
          </details>
        )}
      </section>

      <section aria-labelledby="roles" className="mt-10">
        <h2 id="roles" className="text-xl font-semibold tracking-tight">
          How you fit every role
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Fit: the share of a role’s requirements you likely meet (core counts double). Ready: the chance
          every core skill meets its level. From the same answers.
        </p>
        <div className="mt-4 max-w-3xl">
          <RoleFitList roles={view.roles} fromId={view.from?.id ?? null} />
        </div>
      </section>

      <section aria-labelledby="review" className="mt-10">
        <h2 id="review" className="text-xl font-semibold tracking-tight">
          Your answers, with explanations
        </h2>
        {view.isReviewWithheld ? (
          <p className="mt-4 max-w-3xl rounded-lg border border-slate-300 p-3 dark:border-slate-700">
            {view.isCohortAttempt
              ? "This was a cohort assessment: the correct answers and explanations appear here once the assessment window closes, so classmates still taking it see the same questions fresh."
              : "This was a team assessment: the correct answers and explanations appear here once the team’s round closes, so colleagues still taking it see the same questions fresh."}
          </p>
        ) : (
          <div className="mt-4">
            <AnswerReview
              items={view.review}
              renderReport={(questionId) => (
                <ReportProblem
                  questionId={questionId}
                  attemptId={view.attempt.id}
                  action={reportProblemAction}
                />
              )}
            />
          </div>
        )}
      </section>
    </>
  );
}
