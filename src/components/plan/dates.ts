import { Temporal } from "temporal-polyfill";

// The dates are calendar dates already in the person's zone: format their UTC midnight as UTC.
const DAY = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});
const MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" });

function utcMidnight(date: Temporal.PlainDate): Date {
  return new Date(date.toZonedDateTime("UTC").epochMilliseconds);
}

/** A calendar date ("YYYY-MM-DD") for people, with its year: "Mon 30 Nov 2026". */
export function formatDay(date: string): string {
  const day = Temporal.PlainDate.from(date);
  return `${DAY.format(utcMidnight(day))} ${day.year}`;
}

/**
 * A range of calendar dates, the year said once when both ends share it ("Sat 5 Dec – Fri 11 Dec
 * 2026") and at both ends when the range crosses a year ("Thu 31 Dec 2026 – Wed 6 Jan 2027").
 */
export function formatDateRange(start: string, end: string): string {
  const from = Temporal.PlainDate.from(start);
  const to = Temporal.PlainDate.from(end);
  const first = from.year === to.year ? DAY.format(utcMidnight(from)) : formatDay(start);
  return `${first} – ${formatDay(end)}`;
}

/** A month ("YYYY-MM") with its year: "January 2027". */
export function formatMonth(month: string): string {
  const first = Temporal.PlainYearMonth.from(month).toPlainDate({ day: 1 });
  return `${MONTH.format(utcMidnight(first))} ${first.year}`;
}

export function formatHours(hours: number): string {
  return `${Number.isInteger(hours) ? hours : hours.toFixed(1)} h`;
}
