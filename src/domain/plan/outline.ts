import { Temporal } from "temporal-polyfill";
import type { PlanWeek } from "./schedule";

/** How many weeks the plan page shows in full; later weeks are folded into months. */
export const DETAILED_WEEKS = 4;

export interface PlanMonth {
  /** "YYYY-MM": the month the weeks start in. */
  month: string;
  /** Hours scheduled in the month's weeks. */
  hours: number;
  weeks: PlanWeek[];
}

export interface PlanOutline {
  /** The first weeks, in full. */
  upcoming: PlanWeek[];
  /** Every later week, grouped by the month it starts in, months in order. */
  later: PlanMonth[];
  /** The last day of the last week ("YYYY-MM-DD"); null when nothing is left. */
  finishesOn: string | null;
}

/**
 * Splits a schedule into the next few weeks and the months after them, so a long plan reads as a
 * short list of what is next and a few lines for later. A week belongs to the month it starts in.
 */
export function outlineWeeks(weeks: readonly PlanWeek[], detailed = DETAILED_WEEKS): PlanOutline {
  const later: PlanMonth[] = [];
  for (const week of weeks.slice(detailed)) {
    const month = Temporal.PlainDate.from(week.startsOn).toPlainYearMonth().toString();
    const last = later.at(-1);
    if (last?.month === month) {
      last.weeks.push(week);
      last.hours = addHours(last.hours, week.hours);
    } else later.push({ month, hours: week.hours, weeks: [week] });
  }
  return { upcoming: weeks.slice(0, detailed), later, finishesOn: weeks.at(-1)?.endsOn ?? null };
}

/** Sums hours in whole minutes, as the schedule does, so 0.1 + 0.2 stays exact. */
function addHours(a: number, b: number): number {
  return (Math.round(a * 60) + Math.round(b * 60)) / 60;
}
