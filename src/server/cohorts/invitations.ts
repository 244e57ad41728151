import "server-only";
import { describeWait } from "@/domain/rate-limit";
import { env } from "@/env";
import { db } from "../db";
import { logEvent } from "../log";
import { kickMailSender } from "../mail-queue";
import { RATE_RULES, checkRate } from "../rate-limit";
import { hashToken, newToken } from "../tokens";

/**
 * Cohort invitations: one per roster entry, sent by email, single use, only for the account with
 * that address, expiring after INVITE_DAYS and revocable. Tokens are 256 random bits; only their
 * SHA-256 is stored.
 */
export const INVITE_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;
export const cohortJoinPath = (token: string) => `/cohorts/join/${token}`;

/** The staff member who invites: the name goes into the mail, the id is what the rate limit counts. */
export interface Inviter {
  id: string;
  name: string;
}

/**
 * Null when `inviter` may send `count` more invitations today, otherwise the message to show.
 * Counts the invitations (a refused request counts too, like every rate limit here).
 */
export async function refuseInvitations(inviter: Inviter, count: number): Promise<string | null> {
  if (count === 0) return null;
  const rate = await checkRate([
    { rule: RATE_RULES.cohortInvitesPerStaff, subject: inviter.id, cost: count },
  ]);
  return rate.allowed
    ? null
    : `You can send at most ${RATE_RULES.cohortInvitesPerStaff.limit} invitations a day. Nothing was sent; try again in ${describeWait(rate.retryAfterSeconds)}.`;
}

/** The invitation mail: the subject carries only validated names (src/domain/names.ts). */
function invitationMail(
  cohort: { name: string },
  enrollment: { email: string; name: string },
  inviter: Inviter,
  token: string,
) {
  return {
    subject: `${inviter.name} added you to the cohort “${cohort.name}” on Waypoint`,
    text: `Hello ${enrollment.name},\n\n${inviter.name} added you to “${cohort.name}” on Waypoint. Join to take the cohort's assessment and see the modules assigned to you in your learning plan. Create an account with this address (${enrollment.email}) or sign in with it, then join here (valid for ${INVITE_DAYS} days, once):\n${env.APP_URL}${cohortJoinPath(token)}\n`,
  };
}

/**
 * For each enrollment: revokes any open invitation (its mail, if not sent yet, is cancelled),
 * writes a new one and queues its mail, all in one batch; the mail queue sends after the request
 * has answered. Callers check refuseInvitations first.
 */
export async function inviteEnrollments(
  cohort: { id: string; name: string },
  enrollments: readonly { id: string; email: string; name: string }[],
  inviter: Inviter,
  now = new Date(),
): Promise<void> {
  if (enrollments.length === 0) return;
  const expiresAt = new Date(now.getTime() + INVITE_DAYS * DAY_MS);
  await db.$transaction(
    enrollments.flatMap((enrollment) => {
      const token = newToken();
      const open = { enrollmentId: enrollment.id, revokedAt: null, usedAt: null };
      return [
        db.queuedMail.updateMany({
          where: { cohortInvitation: open, status: { in: ["pending", "failed"] } },
          data: { status: "cancelled", text: "" },
        }),
        db.cohortInvitation.updateMany({ where: open, data: { revokedAt: now } }),
        db.cohortInvitation.create({
          data: {
            cohortId: cohort.id,
            enrollmentId: enrollment.id,
            tokenHash: hashToken(token),
            expiresAt,
            mail: {
              create: {
                kind: "cohort-invitation",
                recipient: enrollment.email,
                cohortId: cohort.id,
                ...invitationMail(cohort, enrollment, inviter, token),
              },
            },
          },
          select: { id: true },
        }),
      ];
    }),
  );
  kickMailSender();
}

export async function revokeInvitations(
  cohortId: string,
  enrollmentId: string,
  now = new Date(),
): Promise<boolean> {
  const open = { cohortId, enrollmentId, revokedAt: null, usedAt: null };
  const [, { count }] = await db.$transaction([
    db.queuedMail.updateMany({
      where: { cohortInvitation: open, status: { in: ["pending", "failed"] } },
      data: { status: "cancelled", text: "" },
    }),
    db.cohortInvitation.updateMany({ where: open, data: { revokedAt: now } }),
  ]);
  return count > 0;
}

/** The invitation behind a token while it can still be used; null otherwise (the page says so). */
export async function resolveCohortInvitation(token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const invitation = await db.cohortInvitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      usedAt: true,
      enrollment: { select: { id: true, email: true, name: true, role: true, userId: true } },
      cohort: { select: { id: true, name: true, targetRoleId: true, closedAt: true } },
    },
  });
  if (
    !invitation ||
    invitation.revokedAt ||
    invitation.usedAt ||
    invitation.expiresAt <= now ||
    invitation.cohort.closedAt
  )
    return null;
  return invitation;
}

export type CohortJoinOutcome = { ok: true; cohortId: string } | { ok: false; message: string };

export async function acceptCohortInvitation(
  token: string,
  user: { id: string; email: string },
  now = new Date(),
): Promise<CohortJoinOutcome> {
  const invitation = await resolveCohortInvitation(token, now);
  if (!invitation)
    return {
      ok: false,
      message:
        "This invitation has expired, was revoked or was already used. Ask the cohort's staff for a new one.",
    };
  if (invitation.enrollment.email !== user.email.toLowerCase())
    return {
      ok: false,
      message: `This invitation was sent to another address. Sign in with the account for that address, or ask the staff to add ${user.email}.`,
    };
  // Single use: only the request that flips usedAt joins with it.
  const { count } = await db.cohortInvitation.updateMany({
    where: { id: invitation.id, usedAt: null, revokedAt: null },
    data: { usedAt: now },
  });
  if (count !== 1) return { ok: false, message: "This invitation was already used." };
  await db.enrollment.update({
    where: { id: invitation.enrollment.id },
    data: { userId: user.id, joinedAt: now },
  });
  logEvent("info", "cohort.joined", { cohortId: invitation.cohort.id, userId: user.id });
  return { ok: true, cohortId: invitation.cohort.id };
}
