import Link from "next/link";
import { formatDay, formatHours } from "@/components/plan/dates";
import { PlanSummary } from "@/components/plan/plan-summary";
import { levelName } from "@/domain/levels";
import type { PlanView } from "@/server/plans";

/**
 * A learning plan as someone with a share link sees it: the same summary as the owner's page
 * (hours, finish date with its year, first steps), then the modules in order with their done
 * state; no forms.
 */
export function SharedPlanView({ plan }: { plan: PlanView }) {
  if (plan.items.length === 0)
    return <p>This plan has no modules: the last assessment found no measured gap to close.</p>;
  return (
    <>
      <PlanSummary plan={plan} linkSteps={false} />
      <section aria-labelledby="modules" className="mt-10">
        <h2 id="modules" className="text-xl font-semibold tracking-tight">
          Modules, prerequisites first
        </h2>
        <ol className="mt-4 space-y-3">
          {plan.items.map((item) => (
            <li key={item.moduleId} className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
              <h3 className="font-semibold">
                {item.position + 1}. {item.title}
                <span className="ml-2 text-sm font-medium text-slate-700 dark:text-slate-300">
                  {item.isDone
                    ? `✓ Done${item.doneOn ? ` ${formatDay(item.doneOn)}` : ""}`
                    : "· Not done yet"}
                </span>
              </h3>
              <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
                {item.isRemoved ? (
                  "This module has since been removed from the catalogue."
                ) : (
                  <>
                    <Link href={`/skills/${item.skillId}`} className="underline-offset-2 hover:underline">
                      {item.skillTitle}
                    </Link>
                    : {levelName(item.fromLevel)} → {levelName(item.toLevel)} · {formatHours(item.hours)}
                  </>
                )}
              </p>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
