/** A moment as a wall-clock time in the cohort's time zone, e.g. "Mon 30 Nov 2026, 09:00 (Europe/Berlin)". */
export function formatInZone(moment: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(moment);
  return `${text} (${timeZone})`;
}

/** The value a datetime-local input shows for a moment in a time zone ("2026-11-30T09:00"). */
export function toLocalInput(moment: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(moment);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? "00";
  return `${part("year")}-${part("month")}-${part("day")}T${part("hour")}:${part("minute")}`;
}

export const percent = (rate: number | null): string => (rate === null ? "—" : `${Math.round(rate * 100)}%`);
