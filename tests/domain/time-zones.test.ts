import { describe, expect, it } from "vitest";
import { formatInZone, isTimeZone, localDate, localDateTime, momentAt } from "@/domain/time-zones";

/** The UTC instant a wall-clock time names, or the refusal. */
function utc(local: string, zone: string): string {
  const result = momentAt(local, zone);
  return result.ok ? result.moment.toISOString() : `refused: ${result.error}`;
}

describe("momentAt: a wall-clock time in a zone to a moment", () => {
  it("reads ordinary times with the offset in force that day", () => {
    expect(utc("2026-01-15T09:00", "America/New_York")).toBe("2026-01-15T14:00:00.000Z");
    expect(utc("2026-07-15T09:00", "America/New_York")).toBe("2026-07-15T13:00:00.000Z");
    expect(utc("2026-01-15T09:00", "Australia/Sydney")).toBe("2026-01-14T22:00:00.000Z");
    expect(utc("2026-07-15T09:00", "Australia/Sydney")).toBe("2026-07-14T23:00:00.000Z");
    expect(utc("2026-07-15T09:00", "UTC")).toBe("2026-07-15T09:00:00.000Z");
  });

  it("New York spring-forward day (2026-03-08): times after the jump are on summer time", () => {
    expect(utc("2026-03-08T01:59", "America/New_York")).toBe("2026-03-08T06:59:00.000Z");
    expect(utc("2026-03-08T03:00", "America/New_York")).toBe("2026-03-08T07:00:00.000Z");
    // The hand-made conversion this replaces gave 04:30 local (08:30Z) here.
    expect(utc("2026-03-08T03:30", "America/New_York")).toBe("2026-03-08T07:30:00.000Z");
  });

  it("refuses a time inside the spring-forward gap, naming the jump", () => {
    expect(momentAt("2026-03-08T02:30", "America/New_York")).toEqual({
      ok: false,
      error:
        "2026-03-08 02:30 does not exist in America/New_York: the clocks jump forward from 02:00 to 03:00 that night. Choose another time.",
    });
    expect(momentAt("2026-10-04T02:00", "Australia/Sydney")).toEqual({
      ok: false,
      error:
        "2026-10-04 02:00 does not exist in Australia/Sydney: the clocks jump forward from 02:00 to 03:00 that night. Choose another time.",
    });
  });

  it("Sydney spring-forward day (2026-10-04): the hour after the jump is on summer time (UTC+11)", () => {
    expect(utc("2026-10-04T01:59", "Australia/Sydney")).toBe("2026-10-03T15:59:00.000Z");
    expect(utc("2026-10-04T03:00", "Australia/Sydney")).toBe("2026-10-03T16:00:00.000Z");
  });

  it("New York fall-back day (2026-11-01): a time that happens twice means the first, summer-time one", () => {
    expect(utc("2026-11-01T00:30", "America/New_York")).toBe("2026-11-01T04:30:00.000Z");
    expect(utc("2026-11-01T01:30", "America/New_York")).toBe("2026-11-01T05:30:00.000Z");
    expect(utc("2026-11-01T02:00", "America/New_York")).toBe("2026-11-01T07:00:00.000Z");
  });

  it("Sydney fall-back day (2026-04-05): times before and in the repeated hour stay on summer time (UTC+11)", () => {
    // The hand-made conversion this replaces gave 02:00 local for 01:00.
    expect(utc("2026-04-05T01:00", "Australia/Sydney")).toBe("2026-04-04T14:00:00.000Z");
    expect(utc("2026-04-05T02:30", "Australia/Sydney")).toBe("2026-04-04T15:30:00.000Z");
    expect(utc("2026-04-05T03:00", "Australia/Sydney")).toBe("2026-04-04T17:00:00.000Z");
  });

  it("round-trips with localDateTime on every minute of both New York change days", () => {
    for (const day of ["2026-03-08", "2026-11-01"])
      for (let minute = 0; minute < 24 * 60; minute += 15) {
        const local = `${day}T${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
        const result = momentAt(local, "America/New_York");
        if (result.ok) expect(localDateTime(result.moment, "America/New_York")).toBe(local);
        else expect(local >= `${day}T02:00` && local < `${day}T03:00` && day === "2026-03-08").toBe(true);
      }
  });

  it("refuses what is not a date and time", () => {
    for (const bad of ["", "2026-02-30T10:00", "2026-03-08T24:00", "2026-03-08 10:00", "tomorrow"])
      expect(momentAt(bad, "UTC")).toEqual({ ok: false, error: "Choose a date and time." });
  });
});

describe("a moment in a zone", () => {
  it("falls on the local calendar date, which can differ from the UTC date", () => {
    expect(localDate(new Date("2026-04-04T14:30:00Z"), "Australia/Sydney")).toBe("2026-04-05");
    expect(localDate(new Date("2026-03-08T04:30:00Z"), "America/New_York")).toBe("2026-03-07");
    expect(localDate(new Date("2026-03-08T05:30:00Z"), "America/New_York")).toBe("2026-03-08");
  });

  it("is shown with its zone, on both sides of a change", () => {
    expect(formatInZone(new Date("2026-03-08T06:30:00Z"), "America/New_York")).toBe(
      "Sun, 8 Mar 2026, 01:30 (America/New_York)",
    );
    expect(formatInZone(new Date("2026-03-08T07:30:00Z"), "America/New_York")).toBe(
      "Sun, 8 Mar 2026, 03:30 (America/New_York)",
    );
    expect(localDateTime(new Date("2026-11-01T06:30:00Z"), "America/New_York")).toBe("2026-11-01T01:30");
  });
});

describe("isTimeZone", () => {
  it("knows IANA zones and UTC, and nothing else", () => {
    expect(["UTC", "Europe/Berlin", "America/New_York", "Australia/Sydney"].map(isTimeZone)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(["", "Mars/Olympus", "not a zone"].map(isTimeZone)).toEqual([false, false, false]);
  });
});
