import Link from "next/link";
import { percent } from "@/components/results/chance";
import type { HistoryAttempt } from "@/server/history";

const longDate = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

const linkClass = "font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100";

/** Every attempt of the user, newest first: continue the unfinished ones, reopen the results of the rest. */
export function AttemptList({ attempts }: { attempts: HistoryAttempt[] }) {
  return (
    <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
      {attempts.map((attempt) => {
        const route = `${attempt.from ? `${attempt.from.title} → ` : ""}${attempt.to.title}`;
        return (
          <li key={attempt.id} className="flex flex-wrap items-center justify-between gap-3 p-3 text-sm">
            <span>
              <span className="font-medium">{route}</span>
              <span className="ml-2 text-slate-600 dark:text-slate-400">
                started {longDate.format(attempt.createdAt)} · {attempt.answered}{" "}
                {attempt.answered === 1 ? "answer" : "answers"}
              </span>
            </span>
            {attempt.status === "in_progress" ? (
              <Link href={`/assess/${attempt.id}`} className={linkClass}>
                Continue<span className="sr-only"> the assessment {route}</span>
              </Link>
            ) : attempt.status === "completed" ? (
              <Link href={`/results/${attempt.id}`} className={linkClass}>
                Results{attempt.readiness !== null ? ` · ready ${percent(attempt.readiness)}` : ""}
                <span className="sr-only"> for {route}</span>
              </Link>
            ) : (
              <span className="text-slate-600 dark:text-slate-400">Abandoned</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
