/**
 * The mail queue's retry policy and how a message's state reads to staff, pure. A message is
 * tried up to MAIL_MAX_ATTEMPTS times; after the n-th failed attempt the next waits
 * retryDelaySeconds(n): 30 s, 2 min, 8 min, 32 min, then about 2 h. After the last it is failed
 * for good until staff retry it.
 */
export const MAIL_MAX_ATTEMPTS = 6;
const FIRST_DELAY_SECONDS = 30;
const MAX_DELAY_SECONDS = 6 * 60 * 60;

export function retryDelaySeconds(failedAttempts: number): number {
  return Math.min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 4 ** Math.max(0, failedAttempts - 1));
}

/** What happens after attempt number `attempts` failed: try again at `retryAt`, or give up. */
export function afterFailure(
  attempts: number,
  now: Date,
): { status: "pending"; retryAt: Date } | { status: "failed" } {
  if (attempts >= MAIL_MAX_ATTEMPTS) return { status: "failed" };
  return { status: "pending", retryAt: new Date(now.getTime() + retryDelaySeconds(attempts) * 1000) };
}

export const MAIL_STATUSES = ["pending", "sent", "failed", "cancelled"] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export interface MailState {
  status: string;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  sentAt: Date | null;
}

/** "Queued", "Sent", "Failed — retrying at …", "Failed permanently: …", with whether staff may retry. */
export function describeMailState(mail: MailState): { label: string; canRetry: boolean } {
  switch (mail.status) {
    case "sent":
      return { label: "Mail sent", canRetry: false };
    case "cancelled":
      return { label: "Mail cancelled", canRetry: false };
    case "failed":
      return {
        label: `Mail failed permanently after ${mail.attempts} ${mail.attempts === 1 ? "attempt" : "attempts"}: ${mail.lastError ?? "unknown error"}`,
        canRetry: true,
      };
    default:
      return mail.lastError
        ? {
            label: `Mail failed (${mail.lastError}); retrying at ${mail.nextAttemptAt.toISOString().slice(0, 16).replace("T", " ")} UTC`,
            canRetry: false,
          }
        : { label: "Mail queued", canRetry: false };
  }
}
