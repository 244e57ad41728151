import type { ReactNode } from "react";
import type { PlanView } from "@/server/plans";
import { formatDateRange, formatHours, formatMonth } from "./dates";

type Item = PlanView["items"][number];
type Week = PlanView["weeks"][number];

/** Pending modules a cohort assigned, in plan order: shown in full before the schedule. */
export function assignedPending(plan: PlanView): Item[] {
  return plan.items.filter((item) => !item.isDone && item.assignedBy !== null);
}

/**
 * The schedule: the next weeks in full, each with the modules that start in it, and later weeks
 * folded into one collapsed section per month (month, year and hours in its summary line).
 * `renderItem` draws a module (a card with "Mark done" for the owner, a plain one when shared).
 */
export function PlanSchedule({
  plan,
  renderItem,
}: {
  plan: PlanView;
  renderItem: (item: Item) => ReactNode;
}) {
  const byId = new Map(plan.items.map((item) => [item.moduleId, item]));
  // Modules a cohort assigned have their own list above the schedule (their due dates matter more
  // than their place in it); the weeks link to them.
  const startingIn = (week: Week) =>
    plan.items.filter((item) => !item.isDone && !item.assignedBy && item.week === week.week);
  const { upcoming, later } = plan.outline;
  return (
    <section aria-labelledby="schedule" className="mt-10">
      <h2 id="schedule" className="text-xl font-semibold tracking-tight">
        Week by week
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        {plan.hoursPerWeek} h a week, dates in {plan.timeZone.replace(/_/g, " ")}.
        {later.length > 0 && " The next four weeks in full; later weeks by month."}
      </p>
      {upcoming.length === 0 ? (
        <p className="mt-4 text-sm">Nothing left to schedule.</p>
      ) : (
        <ol className="mt-4 space-y-6">
          {upcoming.map((week) => {
            const starting = startingIn(week);
            // Started earlier, or assigned by a cohort (its card is in the list above).
            const continuing = week.moduleIds.filter((id) => !starting.some((item) => item.moduleId === id));
            return (
              <li key={week.week} aria-labelledby={`week-${week.week}`}>
                <h3 id={`week-${week.week}`} className="font-semibold">
                  Week {week.week} · {formatDateRange(week.startsOn, week.endsOn)} · {formatHours(week.hours)}
                </h3>
                {continuing.length > 0 && (
                  <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
                    Also this week:{" "}
                    {continuing.map((id, index) => (
                      <span key={id}>
                        {index > 0 && ", "}
                        <a href={`#module-${id}`} className="underline underline-offset-2">
                          {byId.get(id)?.title ?? id}
                        </a>
                      </span>
                    ))}
                    .
                  </p>
                )}
                {starting.length > 0 && <ol className="mt-2 space-y-3">{starting.map(renderItem)}</ol>}
              </li>
            );
          })}
        </ol>
      )}
      {later.length > 0 && (
        <section aria-labelledby="later-months">
          <h3 id="later-months" className="mt-8 font-semibold">
            Later, month by month
          </h3>
          <div className="mt-2 space-y-2">
            {later.map((month) => {
              const starting = month.weeks.flatMap(startingIn);
              return (
                <details
                  key={month.month}
                  className="rounded-lg border border-slate-200 dark:border-slate-800"
                >
                  <summary className="cursor-pointer rounded-lg px-3 py-2 font-medium">
                    {formatMonth(month.month)} · {formatHours(month.hours)} ·{" "}
                    {month.weeks.length === 1 ? "1 week" : `${month.weeks.length} weeks`}
                    {starting.length > 0 &&
                      `, ${starting.length} new ${starting.length === 1 ? "module" : "modules"}`}
                  </summary>
                  <div className="border-t border-slate-200 px-3 py-3 dark:border-slate-800">
                    <ul className="space-y-1 text-sm">
                      {month.weeks.map((week) => (
                        <li key={week.week}>
                          Week {week.week} · {formatDateRange(week.startsOn, week.endsOn)} ·{" "}
                          {formatHours(week.hours)}:{" "}
                          {week.moduleIds.map((id) => byId.get(id)?.title ?? id).join(", ")}
                        </li>
                      ))}
                    </ul>
                    {starting.length > 0 && <ol className="mt-3 space-y-3">{starting.map(renderItem)}</ol>}
                  </div>
                </details>
              );
            })}
          </div>
        </section>
      )}
    </section>
  );
}
