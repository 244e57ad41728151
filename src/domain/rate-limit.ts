/**
 * Fixed-window rate limits, pure: a store of counters keyed by rule and subject and the clock are
 * passed in. A rule allows `limit` hits per `windowSeconds`; past that, `retryAfterSeconds` says
 * when the window resets (the Retry-After header).
 */
export interface RateRule {
  name: string;
  limit: number;
  windowSeconds: number;
}

export interface RateWindow {
  startedAt: number;
  count: number;
}

export interface RateCheck {
  rule: RateRule;
  subject: string;
  cost?: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; rule: string };

export interface RateStore {
  get(key: string): RateWindow | undefined;
  set(key: string, window: RateWindow): void;
  delete(key: string): void;
}

// Rule names contain ":" and IPv6 subjects do too: a newline can be in neither.
const SEPARATOR = "\n";
const windowKey = (rule: RateRule, subject: string) => `${rule.name}${SEPARATOR}${subject}`;

/**
 * Counts one hit (or `cost` hits, e.g. one per address invited) against every (rule, subject)
 * pair; refused when any is over its limit.
 */
export function hit(store: RateStore, checks: readonly RateCheck[], now: number): RateDecision {
  let refusal: RateDecision = { allowed: true };
  for (const { rule, subject, cost = 1 } of checks) {
    const key = windowKey(rule, subject);
    const windowMs = rule.windowSeconds * 1000;
    const current = store.get(key);
    const window = current && now - current.startedAt < windowMs ? current : { startedAt: now, count: 0 };
    window.count += cost;
    store.set(key, window);
    if (window.count > rule.limit) {
      const retryAfterSeconds = Math.max(1, Math.ceil((window.startedAt + windowMs - now) / 1000));
      if (refusal.allowed || retryAfterSeconds > refusal.retryAfterSeconds)
        refusal = { allowed: false, retryAfterSeconds, rule: rule.name };
    }
  }
  return refusal;
}

/** Drops windows that ended, so the store stays as small as the set of recent clients. */
export function sweep(
  store: RateStore & { keys(): Iterable<string> },
  rules: readonly RateRule[],
  now: number,
): void {
  const windows = new Map(rules.map((rule) => [rule.name, rule.windowSeconds * 1000]));
  for (const key of [...store.keys()]) {
    const windowMs = windows.get(key.slice(0, key.indexOf(SEPARATOR)));
    const current = store.get(key);
    if (!current || windowMs === undefined || now - current.startedAt >= windowMs) store.delete(key);
  }
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
