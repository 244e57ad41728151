/**
 * Fixed-window rate limits, pure: the counting rule and the decision, with the clock passed in.
 * A rule allows `limit` hits per `windowSeconds`, the window starting at the first hit of a
 * subject after the previous window ended; past that, `retryAfterSeconds` says when the window
 * ends (the Retry-After header). Where the counters live (the database, shared by every instance)
 * is src/server/rate-limit.ts, whose one SQL statement applies `advance` atomically.
 */
export interface RateRule {
  name: string;
  limit: number;
  windowSeconds: number;
}

/** A subject's current window under one rule: hits counted so far and when it ends (ms). */
export interface RateWindow {
  endsAt: number;
  count: number;
}

export interface RateCheck {
  rule: RateRule;
  subject: string;
  cost?: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; rule: string };

/**
 * The window after `cost` more hits at `now`: the current one with the hits added while it lasts,
 * else a new one of the rule's length starting now. Refused hits count too, so hammering on
 * during a refusal does not shorten it.
 */
export function advance(
  current: RateWindow | undefined,
  rule: RateRule,
  cost: number,
  now: number,
): RateWindow {
  if (current && now < current.endsAt) return { endsAt: current.endsAt, count: current.count + cost };
  return { endsAt: now + rule.windowSeconds * 1000, count: cost };
}

/**
 * The decision for one request from each checked rule's window after counting it: refused when
 * any is over its limit, with the longest wait among those that are.
 */
export function decide(
  counted: readonly { rule: RateRule; window: RateWindow }[],
  now: number,
): RateDecision {
  let refusal: RateDecision = { allowed: true };
  for (const { rule, window } of counted) {
    if (window.count <= rule.limit) continue;
    const retryAfterSeconds = Math.max(1, Math.ceil((window.endsAt - now) / 1000));
    if (refusal.allowed || retryAfterSeconds > refusal.retryAfterSeconds)
      refusal = { allowed: false, retryAfterSeconds, rule: rule.name };
  }
  return refusal;
}

/** "3 minutes", "45 seconds": for messages shown next to a form. */
export function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  if (seconds >= 90 * 60) {
    const hours = Math.ceil(seconds / 3600);
    return `${hours} hour${hours === 1 ? "" : "s"}`;
  }
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
