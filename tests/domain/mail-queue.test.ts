import { describe, expect, it } from "vitest";
import { afterFailure, describeMailState, MAIL_MAX_ATTEMPTS, retryDelaySeconds } from "@/domain/mail-queue";

const now = new Date("2026-03-08T10:00:00Z");

describe("mail retry policy", () => {
  it("waits four times longer after each failure, capped at six hours", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 12].map(retryDelaySeconds)).toEqual([
      30, 120, 480, 1920, 7680, 21600, 21600, 21600,
    ]);
  });

  it("retries until the last attempt, then gives up", () => {
    expect(afterFailure(1, now)).toEqual({ status: "pending", retryAt: new Date("2026-03-08T10:00:30Z") });
    expect(afterFailure(MAIL_MAX_ATTEMPTS - 1, now)).toMatchObject({ status: "pending" });
    expect(afterFailure(MAIL_MAX_ATTEMPTS, now)).toEqual({ status: "failed" });
  });

  it("reads to staff as queued, sent, retrying at a time, or failed for good with the error (retryable)", () => {
    const base = { attempts: 0, nextAttemptAt: now, lastError: null, sentAt: null };
    expect(describeMailState({ ...base, status: "pending" })).toEqual({
      label: "Mail queued",
      canRetry: false,
    });
    expect(describeMailState({ ...base, status: "sent", sentAt: now })).toEqual({
      label: "Mail sent",
      canRetry: false,
    });
    expect(describeMailState({ ...base, status: "pending", attempts: 2, lastError: "421 busy" })).toEqual({
      label: "Mail failed (421 busy); retrying at 2026-03-08 10:00 UTC",
      canRetry: false,
    });
    expect(
      describeMailState({ ...base, status: "failed", attempts: 6, lastError: "550 no such user" }),
    ).toEqual({
      label: "Mail failed permanently after 6 attempts: 550 no such user",
      canRetry: true,
    });
  });
});
