import { percentOpening } from "@/components/results/chance";
import { LevelChart } from "@/components/results/level-chart";
import { LevelScaleLegend } from "@/components/results/level-range";
import { RoleFitList } from "@/components/results/role-fit";
import { SkillResults } from "@/components/results/skill-results";
import type { SharedResults } from "@/server/share-links";

const VERDICT: Record<SharedResults["verdict"], string> = {
  ready: "Ready: very likely meets every core requirement.",
  uncertain: "Close — not settled: some core skills sit near the level the role asks for.",
  "not-yet": "Not yet: at least one core skill is likely below the level the role asks for.",
};

/** A result as someone with a share link sees it: the verdict, skills and role fit; no answers, no actions. */
export function SharedResultsView({ results }: { results: SharedResults }) {
  const completed = results.attempt.completedAt ?? results.attempt.createdAt;
  return (
    <>
      <section
        aria-labelledby="verdict"
        className="rounded-2xl border border-slate-200 bg-slate-50 p-4 sm:p-6 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="verdict" className="text-2xl font-semibold">
          Readiness for {results.to.title}
        </h2>
        <p className="mt-2 text-lg">
          <span className="font-semibold tabular-nums">{percentOpening(results.readiness)}</span> chance that
          every core skill meets its target. {VERDICT[results.verdict]}
        </p>
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
          Assessed on {completed.toISOString().slice(0, 10)} from {results.attempt.answered} answers.
          {results.attempt.isContentChanged &&
            " The question bank has changed since; the result is shown exactly as it was scored."}
        </p>
      </section>

      <section aria-labelledby="skills" className="mt-10">
        <h2 id="skills" className="text-xl font-semibold tracking-tight">
          Skills {results.to.title} requires
        </h2>
        <div className="mt-4">
          <LevelScaleLegend />
        </div>
        <div className="mt-4 hidden md:block">
          <LevelChart rows={results.required} />
        </div>
        <div className="mt-6">
          <SkillResults
            rows={results.required}
            fromTitle={results.from?.title ?? null}
            hasPrevious={false}
            caption="Per skill: estimated level, target and how sure the estimate is."
          />
        </div>
      </section>

      <section aria-labelledby="roles" className="mt-10">
        <h2 id="roles" className="text-xl font-semibold tracking-tight">
          Fit for every role
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Fit: the share of a role’s requirements likely met (core counts double). Ready: the chance every
          core skill meets its level.
        </p>
        <div className="mt-4 max-w-3xl">
          <RoleFitList roles={results.roles} fromId={results.from?.id ?? null} />
        </div>
      </section>
    </>
  );
}
