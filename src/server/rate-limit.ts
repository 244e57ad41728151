import "server-only";
import { headers } from "next/headers";
import {
  describeWait,
  hit,
  sweep,
  type RateCheck,
  type RateDecision,
  type RateRule,
  type RateWindow,
} from "@/domain/rate-limit";
import { CLIENT_ADDRESS_HEADER, rateLimitAddress } from "@/lib/client-address";
import { logEvent } from "./log";

/**
 * The limits. Per client address (set by scripts/server.ts from the socket, not from headers a
 * client can write) and per account (the email, lower-cased). Counters live in this process's
 * memory: Waypoint runs as one process, and a restart forgiving everyone is acceptable.
 * WAYPOINT_RATE_LIMIT_SCALE multiplies every limit (the load benchmark sets it high).
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

const holder = globalThis as unknown as {
  waypointRateWindows?: Map<string, RateWindow>;
  waypointRateSweep?: NodeJS.Timeout;
};
const windows = (holder.waypointRateWindows ??= new Map<string, RateWindow>());
holder.waypointRateSweep ??= setInterval(
  () => sweep(windows, Object.values(RATE_RULES), Date.now()),
  5 * 60 * 1000,
).unref();

/** The client address of this request ("unknown" outside Waypoint's server, e.g. in unit tests); for logs. */
export async function requestClientAddress(): Promise<string> {
  return (await headers()).get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}

/** What per-address limits count this request against: its address, or its /64 for IPv6 (rateLimitAddress). */
export async function requestAddress(): Promise<string> {
  return rateLimitAddress(await requestClientAddress());
}

export function checkRate(checks: readonly RateCheck[], now = Date.now()): RateDecision {
  const decision = hit(windows, checks, now);
  if (!decision.allowed)
    logEvent("warn", "rate-limit.refused", {
      rule: decision.rule,
      retryAfterSeconds: decision.retryAfterSeconds,
    });
  return decision;
}

/** Forget every counter (tests). */
export function resetRateLimits(): void {
  windows.clear();
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
