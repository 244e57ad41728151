/**
 * Calendar dates as "YYYY-MM-DD" strings. The caller already holds the person's local date, so
 * all arithmetic runs on UTC midnights: no time zone or daylight-saving shift can move a day.
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** True for a real date written YYYY-MM-DD (2024-02-29 yes, 2023-02-29 and 2024-1-05 no). */
export function isCalendarDate(value: string): boolean {
  return toUtcMidnight(value) !== undefined;
}

/** The date `days` later (earlier when negative). Throws a RangeError on anything but a valid date and whole days. */
export function addDays(date: string, days: number): string {
  const start = toUtcMidnight(date);
  if (start === undefined)
    throw new RangeError(`date must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(date)}`);
  if (!Number.isSafeInteger(days)) throw new RangeError(`days must be a whole number, got ${String(days)}`);
  const result = new Date(start + days * DAY_MS);
  const year = result.getUTCFullYear();
  if (year < 0 || year > 9999)
    throw new RangeError(`${date} plus ${days} days is outside the years 0000–9999`);
  return [String(year).padStart(4, "0"), pad2(result.getUTCMonth() + 1), pad2(result.getUTCDate())].join("-");
}

function toUtcMidnight(value: string): number | undefined {
  const match = typeof value === "string" ? DATE_PATTERN.exec(value) : null;
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  // Date rolls 2023-02-29 over to March 1st; a changed month or day means the date does not exist.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.getTime();
}

function pad2(value: number): string {
  return String(value).padStart(2, "0");
}
