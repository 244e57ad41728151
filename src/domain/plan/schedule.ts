import { addDays } from "./calendar";

export interface PlanWeek {
  week: number;
  /** "YYYY-MM-DD": week N starts 7 × (N − 1) days after the plan's start date. */
  startsOn: string;
  endsOn: string;
  /** Hours of work scheduled in this week (a long module's share of it, not its whole length). */
  hours: number;
  /** Every module with work in this week, including one continuing from an earlier week. */
  moduleIds: string[];
}

interface Scheduled {
  moduleId: string;
  hours: number;
}

/**
 * Packs modules in order into weeks of `hoursPerWeek`; a module longer than what is left of a
 * week carries on into the next. Counts whole minutes so sums like 0.1 + 0.2 stay exact.
 */
export function scheduleWeeks(pending: readonly Scheduled[], hoursPerWeek: number, startDate: string) {
  const capacity = toMinutes(hoursPerWeek);
  const startWeeks = new Map<string, number>();
  const minutesByWeek: number[] = [];
  const moduleIdsByWeek: string[][] = [];
  let week = 0; // 0-based while packing
  let used = 0;
  const book = (moduleId: string, minutes: number) => {
    minutesByWeek[week] = (minutesByWeek[week] ?? 0) + minutes;
    const ids = (moduleIdsByWeek[week] ??= []);
    if (!ids.includes(moduleId)) ids.push(moduleId);
    used += minutes;
  };
  for (const entry of pending) {
    if (used >= capacity) [week, used] = [week + 1, 0];
    startWeeks.set(entry.moduleId, week + 1);
    let left = toMinutes(entry.hours);
    // The week always has room here, so every pass books time and the loop ends.
    for (;;) {
      const share = Math.min(left, capacity - used);
      book(entry.moduleId, share);
      left -= share;
      if (left <= 0) break;
      [week, used] = [week + 1, 0];
    }
  }
  const weeks = moduleIdsByWeek.map((moduleIds, index): PlanWeek => ({
    week: index + 1,
    startsOn: addDays(startDate, 7 * index),
    endsOn: addDays(startDate, 7 * index + 6),
    hours: (minutesByWeek[index] ?? 0) / 60,
    moduleIds,
  }));
  return { startWeeks, weeks };
}

function toMinutes(hours: number): number {
  return Math.round(hours * 60);
}

export function sumHours(entries: readonly Scheduled[]): number {
  return entries.reduce((minutes, entry) => minutes + toMinutes(entry.hours), 0) / 60;
}
