import Link from "next/link";
import type { AttemptSummary } from "@/server/assessment/history";

/** The person's assessments (this browser's, when not signed in): resume the one in progress, reopen past results. */
export function MyAttempts({ attempts, isSignedIn }: { attempts: AttemptSummary[]; isSignedIn: boolean }) {
  if (attempts.length === 0) return null;
  const format = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });
  return (
    <section aria-labelledby="my-attempts" className="mt-10 max-w-3xl">
      <h2 id="my-attempts" className="text-xl font-semibold tracking-tight">
        {isSignedIn ? "Your assessments" : "Your assessments in this browser"}
      </h2>
      <ul className="mt-3 divide-y divide-slate-200 rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
        {attempts.map((attempt) => (
          <li key={attempt.id} className="flex flex-wrap items-center justify-between gap-3 p-3 text-sm">
            <span>
              <span className="font-medium">
                {attempt.fromTitle ? `${attempt.fromTitle} → ` : ""}
                {attempt.toTitle}
              </span>
              <span className="ml-2 text-slate-600 dark:text-slate-400">
                {format.format(attempt.createdAt)}
              </span>
            </span>
            {attempt.status === "in_progress" ? (
              <Link
                href={`/assess/${attempt.id}`}
                className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100"
              >
                Resume
              </Link>
            ) : (
              <Link
                href={`/results/${attempt.id}`}
                className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100"
              >
                Results{attempt.readiness !== null ? ` · ready ${Math.round(attempt.readiness * 100)} %` : ""}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
