import { localDate, localTime } from "@/domain/time-zones";
import { formatDay } from "@/components/plan/dates";

export interface AttemptLabel {
  /** "Fri 4 Dec 2026": the calendar day in the zone. */
  day: string;
  /**
   * "09:15" when another attempt fell on the same day (the day alone cannot tell them apart), with
   * seconds ("09:15:42") when one also fell in the same minute; null when the day is its own.
   */
  time: string | null;
}

/** Labels for attempts on a time axis, read in one zone; days shared by two or more attempts also get the time. */
export function attemptLabels(moments: readonly Date[], timeZone: string): AttemptLabel[] {
  const days = moments.map((moment) => localDate(moment, timeZone));
  const count = new Map<string, number>();
  for (const day of days) count.set(day, (count.get(day) ?? 0) + 1);
  const minutes = moments.map((moment) => localTime(moment, timeZone));
  const perMinute = new Map<string, number>();
  for (const [index, day] of days.entries()) {
    const key = `${day}T${minutes[index]}`;
    perMinute.set(key, (perMinute.get(key) ?? 0) + 1);
  }
  return moments.map((moment, index) => {
    const day = days[index] as string;
    const minute = minutes[index] as string;
    const sharesMinute = (perMinute.get(`${day}T${minute}`) ?? 0) > 1;
    return {
      day: formatDay(day),
      time: (count.get(day) ?? 0) > 1 ? localTime(moment, timeZone, sharesMinute) : null,
    };
  });
}
