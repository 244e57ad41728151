import Link from "next/link";
import { formatHours } from "@/components/plan/dates";
import type { HistoryPlan } from "@/server/history";

/** The user's learning plans (one per target role), most recently updated first. */
export function PlanList({ plans }: { plans: HistoryPlan[] }) {
  return (
    <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
      {plans.map((plan) => (
        <li key={plan.id} className="flex flex-wrap items-center justify-between gap-3 p-3 text-sm">
          <span>
            <Link
              href={`/plan/${plan.id}`}
              className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100"
            >
              {plan.targetTitle}
            </Link>
            <span className="ml-2 text-slate-600 dark:text-slate-400">
              {plan.doneCount} of {plan.totalCount} modules done · {formatHours(plan.remainingHours)} left
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}
