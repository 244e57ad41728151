import { describe, expect, it } from "vitest";
import {
  advance,
  decide,
  describeWait,
  type RateCheck,
  type RateDecision,
  type RateWindow,
} from "@/domain/rate-limit";

const rule = { name: "sign-in:address", limit: 3, windowSeconds: 60 };
const account = { name: "sign-in:account", limit: 2, windowSeconds: 600 };

/** What the database does per request (src/server/rate-limit.ts), over a Map. */
function hit(store: Map<string, RateWindow>, checks: readonly RateCheck[], now: number): RateDecision {
  const counted = checks.map(({ rule, subject, cost = 1 }) => {
    const key = `${rule.name}\n${subject}`;
    const window = advance(store.get(key), rule, cost, now);
    store.set(key, window);
    return { rule, window };
  });
  return decide(counted, now);
}

describe("fixed-window rate limits", () => {
  it("allows the limit, refuses the next with the seconds until the window resets", () => {
    const store = new Map<string, RateWindow>();
    const checks = [{ rule, subject: "203.0.113.9" }];
    for (let second = 0; second < 3; second++)
      expect(hit(store, checks, second * 1000)).toEqual({ allowed: true });
    expect(hit(store, checks, 10_000)).toEqual({
      allowed: false,
      retryAfterSeconds: 50,
      rule: "sign-in:address",
    });
  });

  it("opens a new window once the old one ends", () => {
    const store = new Map<string, RateWindow>();
    const checks = [{ rule, subject: "a" }];
    for (let count = 0; count < 4; count++) hit(store, checks, 0);
    expect(hit(store, checks, 59_999)).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    expect(hit(store, checks, 60_000)).toEqual({ allowed: true });
    expect(store.get("sign-in:address\na")).toEqual({ endsAt: 120_000, count: 1 });
  });

  it("counts refused hits, so the window does not move while someone keeps trying", () => {
    const window = [0, 1, 2, 3, 4].reduce<RateWindow | undefined>(
      (current, second) => advance(current, rule, 1, second * 1000),
      undefined,
    );
    expect(window).toEqual({ endsAt: 60_000, count: 5 });
  });

  it("counts subjects apart, and reports the longest wait when several rules refuse", () => {
    const store = new Map<string, RateWindow>();
    const one = [
      { rule, subject: "a" },
      { rule: account, subject: "ada@example.com" },
    ];
    hit(store, one, 0);
    hit(store, one, 0);
    expect(hit(store, [{ rule, subject: "b" }], 0)).toEqual({ allowed: true });
    expect(hit(store, one, 1000)).toEqual({
      allowed: false,
      retryAfterSeconds: 599,
      rule: "sign-in:account",
    });
  });

  it("says waits in words", () => {
    expect(describeWait(1)).toBe("1 second");
    expect(describeWait(45)).toBe("45 seconds");
    expect(describeWait(600)).toBe("10 minutes");
  });

  it("counts a hit with a cost as that many hits (one per address invited)", () => {
    const store = new Map<string, RateWindow>();
    const invites = { name: "team-invites:user", limit: 300, windowSeconds: 86_400 };
    expect(hit(store, [{ rule: invites, subject: "u1", cost: 200 }], 0)).toEqual({ allowed: true });
    expect(hit(store, [{ rule: invites, subject: "u1", cost: 100 }], 0)).toEqual({ allowed: true });
    expect(hit(store, [{ rule: invites, subject: "u1", cost: 1 }], 3_600_000)).toEqual({
      allowed: false,
      retryAfterSeconds: 82_800,
      rule: "team-invites:user",
    });
    expect(describeWait(82_800)).toBe("23 hours");
  });
});
