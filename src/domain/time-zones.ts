import { Temporal } from "temporal-polyfill";

/**
 * All time-zone arithmetic of Waypoint, through the Temporal polyfill (IANA rules from the
 * runtime's Intl data): moments to wall-clock dates and times in a zone, and wall-clock times back
 * to moments. Nothing else in the code adds or subtracts offsets by hand. Calendar-date
 * arithmetic ("YYYY-MM-DD" plus days: plan weeks, due dates) needs no zone and lives in
 * plan/calendar.ts.
 *
 * Daylight-saving rules (docs/decisions/008): a wall-clock time inside a spring-forward gap does
 * not exist and is refused with a message naming the gap; a time that happens twice on a
 * fall-back night means its first occurrence (the earlier moment, still on summer time).
 */

/** Whether `zone` is an IANA time zone (or UTC) this runtime knows. */
export function isTimeZone(zone: string): boolean {
  if (zone.trim() === "") return false;
  try {
    Temporal.Now.instant().toZonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

function zoned(moment: Date, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(moment.getTime()).toZonedDateTimeISO(timeZone);
}

/** The calendar date ("YYYY-MM-DD") a moment falls on in a time zone. */
export function localDate(moment: Date, timeZone: string): string {
  return zoned(moment, timeZone).toPlainDate().toString();
}

/** The wall-clock time of a moment in a zone, to the minute ("09:05") or, asked for, the second ("09:05:42"). */
export function localTime(moment: Date, timeZone: string, withSeconds = false): string {
  return zoned(moment, timeZone)
    .toPlainTime()
    .toString({ smallestUnit: withSeconds ? "second" : "minute" });
}

/** The wall-clock date and time of a moment in a zone, as a datetime-local input shows it ("2026-11-30T09:00"). */
export function localDateTime(moment: Date, timeZone: string): string {
  return zoned(moment, timeZone).toPlainDateTime().toString({ smallestUnit: "minute" });
}

/** A moment as people read it in a zone: "Mon 30 Nov 2026, 09:00 (Europe/Berlin)". */
export function formatInZone(moment: Date, timeZone: string): string {
  const text = zoned(moment, timeZone).toLocaleString("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  return `${text} (${timeZone})`;
}

export type ZonedMoment = { ok: true; moment: Date } | { ok: false; error: string };

/**
 * The moment a wall-clock time ("2026-03-08T03:30", as a datetime-local input sends it) names in a
 * zone. Refuses a time that is not a real date and time, and one inside a spring-forward gap; on
 * a fall-back night the first of the two occurrences.
 */
export function momentAt(local: string, timeZone: string): ZonedMoment {
  let wallClock: Temporal.PlainDateTime;
  try {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) throw new RangeError(local);
    wallClock = Temporal.PlainDateTime.from(local, { overflow: "reject" });
  } catch {
    return { ok: false, error: "Choose a date and time." };
  }
  const earlier = wallClock.toZonedDateTime(timeZone, { disambiguation: "earlier" });
  if (!earlier.toPlainDateTime().equals(wallClock)) {
    // Not the time asked for: it falls in a gap. The transition after `earlier` is where the clocks jump.
    const transition = earlier.getTimeZoneTransition("next");
    const minute = { smallestUnit: "minute" } as const;
    const jump = transition
      ? `: the clocks jump forward from ${transition
          .toPlainTime()
          .subtract({ nanoseconds: transition.offsetNanoseconds - earlier.offsetNanoseconds })
          .toString(minute)} to ${transition.toPlainTime().toString(minute)} that night`
      : "";
    return {
      ok: false,
      error: `${wallClock.toString(minute).replace("T", " ")} does not exist in ${timeZone}${jump}. Choose another time.`,
    };
  }
  return { ok: true, moment: new Date(earlier.epochMilliseconds) };
}

/** The moment the calendar day of `moment` begins in a zone (midnight, or the first moment after a gap). */
export function startOfDay(moment: Date, timeZone: string): Date {
  return new Date(zoned(moment, timeZone).startOfDay().epochMilliseconds);
}
