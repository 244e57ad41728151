import "server-only";
import { z } from "zod";
import type { RateDecision } from "@/domain/rate-limit";
import { getSkillsGraph } from "./content-loader";
import { db } from "./db";
import { logEvent } from "./log";
import { userOwner } from "./identity/owner";
import { loadPlan } from "./plans";
import { RATE_RULES, checkRate } from "./rate-limit";
import { loadResults } from "./results";
import { hashToken, newToken } from "./tokens";

/**
 * Opt-in, revocable read-only links to one result or one plan of a signed-in user. The token is
 * 32 random bytes (256 bits, base64url): unguessable, and only its SHA-256 is stored, so a copy
 * of the database cannot be turned into working links.
 *
 * One active link per (user, kind, target): creating a link again revokes the previous one and
 * returns a fresh token. The plain token cannot be shown a second time (it is not stored), so
 * "create again" is also how an owner gets a link they lost — and it invalidates the copy that
 * may have leaked.
 */
export const SHARE_KINDS = ["results", "plan"] as const;
export const ShareKindSchema = z.enum(SHARE_KINDS);
export type ShareKind = z.infer<typeof ShareKindSchema>;

/** What a token looks like: 32 bytes in base64url without padding. Anything else is unknown. */
export const ShareTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/** Whether the user owns the target a link would expose: a completed attempt, or a plan. */
async function ownsShareTarget(userId: string, kind: ShareKind, targetId: string): Promise<boolean> {
  if (kind === "results") {
    return (
      (await db.attempt.count({
        where: { id: targetId, userId, status: "completed", resultJson: { not: null } },
      })) === 1
    );
  }
  return (await db.learningPlan.count({ where: { id: targetId, userId } })) === 1;
}

export type CreateShareLinkResult =
  | { ok: true; linkId: string; url: string }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "rate-limited"; refusal: Extract<RateDecision, { allowed: false }> };

/**
 * A fresh link to the user's own result or plan; anything else (foreign, unknown, unfinished) is
 * "not-found". Past RATE_RULES.shareLinksPerUser in the hour: "rate-limited", nothing created.
 */
export async function createShareLink(
  userId: string,
  kind: ShareKind,
  targetId: string,
  now = new Date(),
): Promise<CreateShareLinkResult> {
  const rate = await checkRate([{ rule: RATE_RULES.shareLinksPerUser, subject: userId }], now.getTime());
  if (!rate.allowed) return { ok: false, reason: "rate-limited", refusal: rate };
  if (!(await ownsShareTarget(userId, kind, targetId))) {
    logEvent("warn", "authz.not-found-or-denied", {
      resource: `share-${kind}`,
      id: targetId.slice(0, 64),
      actor: userId,
    });
    return { ok: false, reason: "not-found" };
  }
  const token = newToken();
  // Batch transaction: the old link is revoked exactly when the new one exists.
  const [, link] = await db.$transaction([
    db.shareLink.updateMany({ where: { userId, kind, targetId, revokedAt: null }, data: { revokedAt: now } }),
    db.shareLink.create({
      data: { tokenHash: hashToken(token), userId, kind, targetId, createdAt: now },
      select: { id: true },
    }),
  ]);
  logEvent("info", "share.created", { userId, kind, linkId: link.id });
  return { ok: true, linkId: link.id, url: `/shared/${token}` };
}

const linkSelect = { id: true, kind: true, targetId: true, createdAt: true, revokedAt: true } as const;

/** The user's links, newest first, revoked ones included (with their revocation date). */
export async function listShareLinks(userId: string) {
  const rows = await db.shareLink.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: linkSelect,
  });
  return rows.flatMap((row) => {
    const kind = ShareKindSchema.safeParse(row.kind);
    return kind.success ? [{ ...row, kind: kind.data, isActive: row.revokedAt === null }] : [];
  });
}

export type ShareLinkSummary = Awaited<ReturnType<typeof listShareLinks>>[number];

/** The active link for one target, if the user has one (its id and date; the token is not recoverable). */
export async function findActiveShareLink(userId: string, kind: ShareKind, targetId: string) {
  return db.shareLink.findFirst({
    where: { userId, kind, targetId, revokedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, createdAt: true },
  });
}

/** Revokes one of the user's links; false (→ 404) for someone else's, an unknown or an already revoked link. */
export async function revokeShareLink(userId: string, linkId: string, now = new Date()): Promise<boolean> {
  const { count } = await db.shareLink.updateMany({
    where: { id: linkId, userId, revokedAt: null },
    data: { revokedAt: now },
  });
  if (count === 0)
    logEvent("warn", "authz.not-found-or-denied", {
      resource: "share-link",
      id: linkId.slice(0, 64),
      actor: userId,
    });
  else logEvent("info", "share.revoked", { userId, linkId });
  return count === 1;
}

export interface ResolvedShare {
  kind: ShareKind;
  targetId: string;
  userId: string;
}

/**
 * What a token opens, or null when it is malformed, unknown, revoked, or its target is gone (or
 * no longer the user's). Every null looks the same to the visitor: a 404.
 */
export async function resolveShareToken(token: string): Promise<ResolvedShare | null> {
  if (!ShareTokenSchema.safeParse(token).success) return null;
  const link = await db.shareLink.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { kind: true, targetId: true, userId: true, revokedAt: true },
  });
  if (!link || link.revokedAt !== null) return null;
  const kind = ShareKindSchema.safeParse(link.kind);
  if (!kind.success || !(await ownsShareTarget(link.userId, kind.data, link.targetId))) return null;
  return { kind: kind.data, targetId: link.targetId, userId: link.userId };
}

/**
 * The read-only view a share token opens. Results drop what is only for the owner: the answer
 * review (it carries the answer keys), the link to their plan, and the comparison with earlier
 * attempts (a share is of one result, not of the history).
 */
export async function loadSharedView(token: string) {
  const share = await resolveShareToken(token);
  if (!share) return null;
  const user = await db.user.findUnique({ where: { id: share.userId }, select: { name: true } });
  if (!user) return null;
  const owner = userOwner(share.userId);
  if (share.kind === "results") {
    const view = await loadResults(share.targetId, owner);
    if (!view) return null;
    // Self-ratings are personal (what someone thinks of themselves): a shared result shows what was
    // measured, never the ratings or the blind spots they reveal.
    const { review: _review, planId: _planId, previous: _previous, selfRating: _selfRating, ...rest } = view;
    const forShare = <T extends { movedBy: unknown[]; previous: unknown; selfRating: unknown }>(
      row: T,
    ): T => ({
      ...row,
      movedBy: [],
      previous: null,
      selfRating: null,
    });
    return {
      kind: "results" as const,
      sharedBy: user.name,
      results: {
        ...rest,
        required: rest.required.map(forShare),
        other: rest.other.map(forShare),
        carriesOver: rest.carriesOver.map(forShare),
        gaps: rest.gaps.map(forShare),
      },
    };
  }
  const plan = await loadPlan(share.targetId, owner, getSkillsGraph());
  if (!plan) return null;
  return { kind: "plan" as const, sharedBy: user.name, plan };
}

export type SharedView = NonNullable<Awaited<ReturnType<typeof loadSharedView>>>;
export type SharedResults = Extract<SharedView, { kind: "results" }>["results"];
