import "server-only";
import { createHmac } from "node:crypto";
import { headers } from "next/headers";
import {
  advance,
  decide,
  describeWait,
  type RateCheck,
  type RateDecision,
  type RateRule,
  type RateWindow,
} from "@/domain/rate-limit";
import { env } from "@/env";
import { CLIENT_ADDRESS_HEADER, rateLimitAddress } from "@/lib/client-address";
import { derivedKey, readAuthSecret } from "./auth/secret";
import { db } from "./db";
import { logEvent } from "./log";

/**
 * The limits. Per client address (set by scripts/server.ts from the socket, not from headers a
 * client can write) and per account (the email, lower-cased). Counters live in the database
 * (RateCounter), so every instance and every worker of `npm start` counts against the same limit,
 * and a restart forgives nobody. WAYPOINT_RATE_LIMIT_SCALE multiplies every limit (the load
 * benchmark sets it high).
 */
const scale = Math.max(1, Number(process.env.WAYPOINT_RATE_LIMIT_SCALE ?? 1) || 1);
const rule = (name: string, limit: number, windowSeconds: number): RateRule => ({
  name,
  limit: limit * scale,
  windowSeconds,
});

export const RATE_RULES = {
  signInPerAddress: rule("sign-in:address", 20, 15 * 60),
  signInPerAccount: rule("sign-in:account", 10, 15 * 60),
  signUpPerAddress: rule("sign-up:address", 20, 60 * 60),
  resetPerAddress: rule("reset:address", 10, 60 * 60),
  resetPerAccount: rule("reset:account", 3, 60 * 60),
  passwordPerAccount: rule("password:account", 10, 15 * 60),
  attemptPerAddress: rule("attempt:address", 60, 60 * 60),
  // Report a problem: per owner (account or anonymous browser) and per client address.
  reportPerOwner: rule("report:owner", 20, 60 * 60),
  reportPerAddress: rule("report:address", 60, 60 * 60),
  // Invitation mail, counted per address invited: per inviting user and per cohort staff member.
  teamInvitesPerUser: rule("team-invites:user", 300, 24 * 60 * 60),
  cohortInvitesPerStaff: rule("cohort-invites:staff", 2500, 24 * 60 * 60),
  shareLinksPerUser: rule("share-link:user", 30, 60 * 60),
} as const;

/** Deletes the counters of windows that ended (every instance sweeps; deleting twice is harmless). */
export async function sweepRateCounters(now = new Date()): Promise<number> {
  return (await db.rateCounter.deleteMany({ where: { endsAt: { lte: now } } })).count;
}

const holder = globalThis as unknown as { waypointRateSweep?: NodeJS.Timeout };
holder.waypointRateSweep ??= setInterval(
  () =>
    sweepRateCounters().catch((error: unknown) =>
      logEvent("error", "rate-limit.sweep-failed", { error: String(error) }),
    ),
  5 * 60 * 1000,
).unref();

/**
 * What a counter is stored under: HMAC-SHA-256 of rule and subject, keyed by a key derived from
 * the instance secret, so the table holds no email or address, and a copy of it cannot be
 * checked against a list of them without the secret.
 */
function counterKey(ruleName: string, subject: string): string {
  const key = derivedKey(readAuthSecret(env.AUTH_SECRET, env.DATA_DIR), "rate limit keys v1");
  return createHmac("sha256", key).update(`${ruleName}\0${subject}`).digest("base64url");
}

/**
 * Counts `cost` hits against one (rule, subject) in ONE statement and returns the window after
 * it: `advance` (src/domain/rate-limit.ts) as an upsert. Concurrent hits, from this process or
 * another instance, serialize on the row (SQLite's write lock; PostgreSQL's row lock, under which
 * ON CONFLICT DO UPDATE sees the newest version), so none is lost and exactly `limit` pass.
 */
async function count(check: RateCheck, now: Date): Promise<RateWindow> {
  const cost = check.cost ?? 1;
  const fresh = advance(undefined, check.rule, cost, now.getTime());
  const [row] = await db.$queryRaw<{ count: number | bigint; endsAt: Date | string }[]>`
    INSERT INTO "RateCounter" ("rule", "key", "count", "endsAt")
    VALUES (${check.rule.name}, ${counterKey(check.rule.name, check.subject)}, ${cost}, ${new Date(fresh.endsAt)})
    ON CONFLICT ("rule", "key") DO UPDATE SET
      "count" = CASE WHEN "RateCounter"."endsAt" <= ${now} THEN excluded."count"
                     ELSE "RateCounter"."count" + excluded."count" END,
      "endsAt" = CASE WHEN "RateCounter"."endsAt" <= ${now} THEN excluded."endsAt"
                      ELSE "RateCounter"."endsAt" END
    RETURNING "count", "endsAt"`;
  if (!row) throw new Error(`Rate counter ${check.rule.name} returned no row`);
  return { count: Number(row.count), endsAt: new Date(row.endsAt).getTime() };
}

/** The client address of this request ("unknown" outside Waypoint's server, e.g. in unit tests); for logs. */
export async function requestClientAddress(): Promise<string> {
  return (await headers()).get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}

/** What per-address limits count this request against: its address, or its /64 for IPv6 (rateLimitAddress). */
export async function requestAddress(): Promise<string> {
  return rateLimitAddress(await requestClientAddress());
}

/** Counts this request against every check, then decides; a refusal is logged. */
export async function checkRate(checks: readonly RateCheck[], now = Date.now()): Promise<RateDecision> {
  const at = new Date(now);
  const counted = [];
  for (const check of checks) counted.push({ rule: check.rule, window: await count(check, at) });
  const decision = decide(counted, now);
  if (!decision.allowed)
    logEvent("warn", "rate-limit.refused", {
      rule: decision.rule,
      retryAfterSeconds: decision.retryAfterSeconds,
    });
  return decision;
}

/** Forget every counter (tests). */
export async function resetRateLimits(): Promise<void> {
  await db.rateCounter.deleteMany({});
}

export function tooManyRequests(decision: Extract<RateDecision, { allowed: false }>): Response {
  return Response.json(
    {
      error: `Too many attempts. Try again in ${describeWait(decision.retryAfterSeconds)}.`,
      retryAfterSeconds: decision.retryAfterSeconds,
    },
    {
      status: 429,
      headers: { "Retry-After": String(decision.retryAfterSeconds), "Cache-Control": "no-store" },
    },
  );
}
