import Link from "next/link";
import { linkClass } from "@/components/forms/form-state";
import type { StaffedCohortSummary } from "@/server/cohorts/dashboard";

const statClass = "rounded-lg bg-slate-50 px-3 py-2 dark:bg-slate-900";

/** Cohorts the person staffs, each with learners, finished assessments and overdue assignments. */
export function StaffedCohortList({ cohorts }: { cohorts: StaffedCohortSummary[] }) {
  return (
    <ul className="grid gap-4 md:grid-cols-2">
      {cohorts.map((cohort) => (
        <li
          key={cohort.cohortId}
          aria-labelledby={`cohort-${cohort.cohortId}`}
          className="space-y-3 rounded-2xl border border-slate-200 p-5 dark:border-slate-800"
        >
          <h3 id={`cohort-${cohort.cohortId}`} className="text-lg font-semibold">
            <Link href={`/cohorts/${cohort.cohortId}`} className={linkClass}>
              {cohort.name}
            </Link>
            {cohort.isDemo && (
              <span className="ml-2 rounded border border-amber-700 px-1.5 py-0.5 align-middle text-xs font-semibold text-amber-900 dark:border-amber-300 dark:text-amber-200">
                Demo
              </span>
            )}
            {cohort.isClosed && (
              <span className="ml-2 rounded border border-slate-500 px-1.5 py-0.5 align-middle text-xs font-semibold">
                Closed
              </span>
            )}
          </h3>
          <p className="text-sm text-slate-600 dark:text-slate-400">Training for {cohort.targetTitle}</p>
          <dl className="grid gap-3 sm:grid-cols-3">
            <div className={statClass}>
              <dt className="text-sm font-medium">Learners</dt>
              <dd className="text-2xl font-semibold tabular-nums">{cohort.learners}</dd>
            </div>
            <div className={statClass}>
              <dt className="text-sm font-medium">Finished the assessment</dt>
              <dd className="text-2xl font-semibold tabular-nums">{cohort.finished}</dd>
              <dd className="text-sm text-slate-600 dark:text-slate-400">of {cohort.learners}</dd>
            </div>
            <div className={statClass}>
              <dt className="text-sm font-medium">Overdue assignments</dt>
              <dd className="text-2xl font-semibold tabular-nums">{cohort.overdue}</dd>
              <dd className="text-sm text-slate-600 dark:text-slate-400">past due, not done</dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
