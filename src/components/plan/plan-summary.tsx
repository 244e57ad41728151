import type { PlanView } from "@/server/plans";
import { formatDay, formatHours } from "./dates";

/** When a module's week starts, in words: "from Sat 13 Feb 2027". */
function startsWhen(plan: PlanView, week: number | null): string {
  const startsOn = plan.weeks.find((entry) => entry.week === week)?.startsOn;
  return startsOn ? `from ${formatDay(startsOn)}` : "";
}

/** How many modules the summary names as the first things to do. */
const FIRST_STEPS = 3;

/**
 * The plan in a few lines: total hours, the finish date with its year and the first three modules
 * to start. `linkSteps` links each step to its card on the same page (the owner's plan page).
 */
export function PlanSummary({ plan, linkSteps }: { plan: PlanView; linkSteps: boolean }) {
  const pending = plan.items.filter((item) => !item.isDone);
  const steps = pending.slice(0, FIRST_STEPS);
  const finishesOn = plan.outline.finishesOn;
  return (
    <section
      aria-labelledby="plan-summary"
      className="rounded-xl border border-slate-200 p-4 sm:p-5 dark:border-slate-800"
    >
      <h2 id="plan-summary" className="text-xl font-semibold tracking-tight">
        Your plan at a glance
      </h2>
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3">
        <div>
          <dt className="text-sm text-slate-600 dark:text-slate-400">Total</dt>
          <dd className="text-lg font-semibold">
            {formatHours(plan.totalHours)}
            <span className="block text-sm font-normal">
              {plan.items.length} {plan.items.length === 1 ? "module" : "modules"}
            </span>
          </dd>
        </div>
        <div>
          <dt className="text-sm text-slate-600 dark:text-slate-400">Still to do</dt>
          <dd className="text-lg font-semibold">
            {formatHours(plan.remainingHours)}
            <span className="block text-sm font-normal">{plan.doneCount} done</span>
          </dd>
        </div>
        <div className="col-span-2 sm:col-span-1">
          <dt className="text-sm text-slate-600 dark:text-slate-400">Finished by</dt>
          <dd className="text-lg font-semibold">
            {finishesOn ? formatDay(finishesOn) : "Nothing left to do"}
            {finishesOn && <span className="block text-sm font-normal">at {plan.hoursPerWeek} h a week</span>}
          </dd>
        </div>
      </dl>
      {steps.length > 0 && (
        <>
          <h3 className="mt-4 font-semibold">Your first steps</h3>
          <ol className="mt-1 list-decimal space-y-1 pl-5">
            {steps.map((item) => (
              <li key={item.moduleId}>
                {linkSteps ? (
                  <a href={`#module-${item.moduleId}`} className="underline underline-offset-2">
                    {item.title}
                  </a>
                ) : (
                  item.title
                )}{" "}
                <span className="text-sm text-slate-600 dark:text-slate-400">
                  · {formatHours(item.hours)} {startsWhen(plan, item.week)}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
