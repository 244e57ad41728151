import "server-only";
import { describeWait } from "@/domain/rate-limit";
import { parseEmailList, MAX_INVITES_AT_ONCE } from "@/domain/team/email-list";
import { isEmailInDomains, readEmailDomains } from "@/domain/team/eligibility";
import { env } from "@/env";
import { db } from "../db";
import { logEvent } from "../log";
import { kickMailSender, latestMailSelect, mailStatusOf } from "../mail-queue";
import { RATE_RULES, checkRate } from "../rate-limit";
import { hashToken, newToken } from "../tokens";
import { addMember } from "./teams";

/**
 * Team invitations: a shareable link (any signed-in person who has it may join until it expires
 * or is revoked) or one email invitation per address (single use, and only for the account with
 * that address). Tokens are 256 random bits; only their SHA-256 is stored.
 */
export const LINK_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

export const joinPath = (token: string) => `/teams/join/${token}`;

export async function createLinkInvitation(
  teamId: string,
  createdById: string,
  now = new Date(),
): Promise<{ path: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + LINK_DAYS * DAY_MS);
  await db.invitation.create({
    data: { teamId, kind: "link", tokenHash: hashToken(token), createdById, expiresAt },
  });
  return { path: joinPath(token), expiresAt };
}

export type EmailInviteOutcome =
  { ok: true; queued: number } | { ok: false; fieldErrors: { emails: string } };

/** The invitation mail: the subject carries only the two validated names (src/domain/names.ts). */
function invitationMail(team: { name: string }, inviter: { name: string }, token: string) {
  return {
    subject: `${inviter.name} invited you to the team “${team.name}” on Waypoint`,
    text: `${inviter.name} invited you to join “${team.name}” on Waypoint, to see where the team stands against its target role.\n\nYou decide what the team's managers see; nothing individual is shared unless you choose to. Join here (valid for ${LINK_DAYS} days, once):\n${env.APP_URL}${joinPath(token)}\n`,
  };
}

/**
 * Invites every valid address in `text`, or none when any entry is not an address (nothing
 * half-sent). The invitations and their mail are written in one batch; the mail queue sends them
 * after the request has answered (src/server/mail-queue.ts).
 */
export async function createEmailInvitations(
  team: { id: string; name: string },
  createdBy: { id: string; name: string },
  text: string,
  now = new Date(),
): Promise<EmailInviteOutcome> {
  const { emails, invalid } = parseEmailList(text);
  if (invalid.length > 0)
    return {
      ok: false,
      fieldErrors: {
        emails: `Not an email address: ${invalid
          .slice(0, 5)
          .map((entry) => `line ${entry.line} “${entry.value}”`)
          .join(", ")}${invalid.length > 5 ? ` and ${invalid.length - 5} more` : ""}. Nothing was sent.`,
      },
    };
  if (emails.length === 0) return { ok: false, fieldErrors: { emails: "Paste at least one email address." } };
  if (emails.length > MAX_INVITES_AT_ONCE)
    return { ok: false, fieldErrors: { emails: `At most ${MAX_INVITES_AT_ONCE} addresses at once.` } };
  // An invitation the team's domain rule would refuse on acceptance is not worth a mail.
  const domains = readEmailDomains(
    (await db.team.findUnique({ where: { id: team.id }, select: { emailDomains: true } }))?.emailDomains,
  );
  const outside = emails.filter((email) => !isEmailInDomains(email, domains));
  if (outside.length > 0)
    return {
      ok: false,
      fieldErrors: {
        emails: `${admitsOnly(domains)}, not ${outside
          .slice(0, 5)
          .join(", ")}${outside.length > 5 ? ` and ${outside.length - 5} more` : ""}. Nothing was sent.`,
      },
    };
  const rate = await checkRate([
    { rule: RATE_RULES.teamInvitesPerUser, subject: createdBy.id, cost: emails.length },
  ]);
  if (!rate.allowed)
    return {
      ok: false,
      fieldErrors: {
        emails: `You can invite at most ${RATE_RULES.teamInvitesPerUser.limit} addresses a day. Nothing was sent; try again in ${describeWait(rate.retryAfterSeconds)}.`,
      },
    };
  const expiresAt = new Date(now.getTime() + LINK_DAYS * DAY_MS);
  await db.$transaction(
    emails.map((email) => {
      const token = newToken();
      return db.invitation.create({
        data: {
          teamId: team.id,
          kind: "email",
          email,
          tokenHash: hashToken(token),
          createdById: createdBy.id,
          expiresAt,
          mail: {
            create: {
              kind: "team-invitation",
              recipient: email,
              teamId: team.id,
              ...invitationMail(team, createdBy, token),
            },
          },
        },
        select: { id: true },
      });
    }),
  );
  kickMailSender();
  logEvent("info", "team.invited", { teamId: team.id, count: emails.length });
  return { ok: true, queued: emails.length };
}

export async function listInvitations(teamId: string, now = new Date()) {
  const rows = await db.invitation.findMany({
    where: { teamId, revokedAt: null, usedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      kind: true,
      email: true,
      expiresAt: true,
      createdAt: true,
      mail: latestMailSelect,
    },
  });
  return rows.map(({ mail, ...row }) => ({ ...row, mail: mailStatusOf(mail) }));
}

export async function revokeInvitation(
  teamId: string,
  invitationId: string,
  now = new Date(),
): Promise<boolean> {
  // Mail not sent yet is cancelled with it: it would only carry a dead link.
  const [{ count }] = await db.$transaction([
    db.invitation.updateMany({
      where: { id: invitationId, teamId, revokedAt: null },
      data: { revokedAt: now },
    }),
    db.queuedMail.updateMany({
      where: { invitationId, teamId, status: { in: ["pending", "failed"] } },
      data: { status: "cancelled", text: "" },
    }),
  ]);
  return count === 1;
}

/** The invitation behind a token while it can still be used; null otherwise (the page says so). */
export async function resolveInvitation(token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      kind: true,
      email: true,
      expiresAt: true,
      revokedAt: true,
      usedAt: true,
      team: { select: { id: true, name: true, targetRoleId: true, emailDomains: true } },
    },
  });
  if (!invitation || invitation.revokedAt || invitation.usedAt || invitation.expiresAt <= now) return null;
  return invitation;
}

/** Why someone outside a team's email domains cannot join (the join page says it before they try). */
const admitsOnly = (domains: readonly string[]) => `This team admits only addresses at ${domains.join(", ")}`;

export const outsideDomainsMessage = (email: string, domains: readonly string[]): string =>
  `${admitsOnly(domains)}; you are signed in as ${email}. Sign in with an account at one of those domains, or ask the team's owner.`;

export type AcceptOutcome = { ok: true; teamId: string } | { ok: false; message: string };

export async function acceptInvitation(
  token: string,
  user: { id: string; email: string },
  now = new Date(),
): Promise<AcceptOutcome> {
  const invitation = await resolveInvitation(token, now);
  if (!invitation)
    return {
      ok: false,
      message:
        "This invitation has expired, was revoked or was already used. Ask the team's manager for a new one.",
    };
  const domains = readEmailDomains(invitation.team.emailDomains);
  if (!isEmailInDomains(user.email, domains))
    return { ok: false, message: outsideDomainsMessage(user.email, domains) };
  if (invitation.kind === "email") {
    if (invitation.email !== user.email.toLowerCase())
      return {
        ok: false,
        message: `This invitation was sent to another address. Sign in with the account for that address, or ask for an invitation to ${user.email}.`,
      };
    // Single use: only the request that flips usedAt may join with it.
    const { count } = await db.invitation.updateMany({
      where: { id: invitation.id, usedAt: null },
      data: { usedAt: now },
    });
    if (count !== 1) return { ok: false, message: "This invitation was already used." };
  }
  await addMember(invitation.team.id, user.id, invitation.kind === "email" ? "email" : "link");
  logEvent("info", "team.joined", { teamId: invitation.team.id, userId: user.id, via: invitation.kind });
  return { ok: true, teamId: invitation.team.id };
}
