import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createPerson, dontKnowAttempt } from "../../factories/people";
import { userOwner } from "@/server/identity/owner";
import { findPlanIdFor } from "@/server/plans";
import {
  createShareLink,
  findActiveShareLink,
  listShareLinks,
  loadSharedView,
  resolveShareToken,
  revokeShareLink,
} from "@/server/share-links";

const createUser = async (name: string) => (await createPerson(name)).id;

/** A started attempt of the user, answered once ("I don't know"), finished unless asked not to. */
const attemptOf = (userId: string, finish = true) =>
  dontKnowAttempt(userOwner(userId), { to: "ai-engineer", answers: 1, finish });

const tokenOf = (url: string) => url.replace(/^\/shared\//, "");

async function created(userId: string, kind: "results" | "plan", targetId: string) {
  const link = await createShareLink(userId, kind, targetId);
  if (!link.ok) throw new Error("expected a link");
  return link;
}

describe("share links", () => {
  it("lets the owner share a finished result that anyone with the link can open, until it is revoked", async () => {
    const owner = await createUser("Ada Lovelace");
    const attemptId = await attemptOf(owner);
    const link = await created(owner, "results", attemptId);
    expect(link.url).toMatch(/^\/shared\/[A-Za-z0-9_-]{43}$/);
    expect(await resolveShareToken(tokenOf(link.url))).toEqual({
      kind: "results",
      targetId: attemptId,
      userId: owner,
    });

    expect(await revokeShareLink(owner, link.linkId)).toBe(true);
    expect(await resolveShareToken(tokenOf(link.url))).toBeNull();
    expect(await loadSharedView(tokenOf(link.url))).toBeNull();
    expect(await revokeShareLink(owner, link.linkId)).toBe(false);
  });

  it("shows a shared result read-only: the sharer's name and scores, never the answer review, keys or plan link", async () => {
    const owner = await createUser("Ada Lovelace");
    const attemptId = await attemptOf(owner);
    const view = await loadSharedView(tokenOf((await created(owner, "results", attemptId)).url));
    expect(view?.kind).toBe("results");
    expect(view?.sharedBy).toBe("Ada Lovelace");
    const results = view?.kind === "results" ? view.results : null;
    expect(results?.required.length).toBeGreaterThan(0);
    expect(results).not.toHaveProperty("review");
    expect(results).not.toHaveProperty("planId");
    expect(results).not.toHaveProperty("previous");
    expect(JSON.stringify(results)).not.toMatch(/"(isKey|isChosen|explanationHtml|stemHtml)"/);
  });

  it("shares a plan, read-only, with its modules and done state", async () => {
    const owner = await createUser("Ada Lovelace");
    await attemptOf(owner);
    const planId = (await findPlanIdFor(userOwner(owner), "ai-engineer")) ?? "";
    const view = await loadSharedView(tokenOf((await created(owner, "plan", planId)).url));
    expect(view?.kind).toBe("plan");
    expect(view?.kind === "plan" ? view.plan.id : null).toBe(planId);
    expect(
      view?.kind === "plan" ? view.plan.items.every((item) => typeof item.isDone === "boolean") : false,
    ).toBe(true);
  });

  it("refuses another user's, an unknown or an unfinished target exactly like a missing one", async () => {
    const owner = await createUser("Ada");
    const stranger = await createUser("Mallory");
    const attemptId = await attemptOf(owner);
    const unfinished = await attemptOf(owner, false);
    const planId = (await findPlanIdFor(userOwner(owner), "ai-engineer")) ?? "";
    const missing = { ok: false, reason: "not-found" };
    expect(await createShareLink(stranger, "results", attemptId)).toEqual(missing);
    expect(await createShareLink(stranger, "plan", planId)).toEqual(missing);
    expect(await createShareLink(owner, "results", "no-such-attempt")).toEqual(missing);
    expect(await createShareLink(owner, "results", unfinished)).toEqual(missing);
    expect(await createShareLink(owner, "plan", attemptId)).toEqual(missing);
    expect(await db.shareLink.count({ where: { userId: { in: [owner, stranger] } } })).toBe(0);
  });

  it("does not let another user revoke the owner's link, and keeps it working", async () => {
    const owner = await createUser("Ada");
    const stranger = await createUser("Mallory");
    const link = await created(owner, "results", await attemptOf(owner));
    expect(await revokeShareLink(stranger, link.linkId)).toBe(false);
    expect(await revokeShareLink(stranger, "no-such-link")).toBe(false);
    expect(await resolveShareToken(tokenOf(link.url))).not.toBeNull();
    expect(await listShareLinks(stranger)).toEqual([]);
  });

  it("keeps one active link per target: creating again revokes the previous token", async () => {
    const owner = await createUser("Ada");
    const attemptId = await attemptOf(owner);
    const first = await created(owner, "results", attemptId);
    const second = await created(owner, "results", attemptId);
    expect(second.url).not.toBe(first.url);
    expect(await resolveShareToken(tokenOf(first.url))).toBeNull();
    expect(await resolveShareToken(tokenOf(second.url))).not.toBeNull();
    expect((await findActiveShareLink(owner, "results", attemptId))?.id).toBe(second.linkId);
    const links = await listShareLinks(owner);
    expect(links.map((link) => [link.id, link.isActive])).toEqual([
      [second.linkId, true],
      [first.linkId, false],
    ]);
  });

  it("resolves a random or malformed token to nothing", async () => {
    expect(await resolveShareToken(randomBytes(32).toString("base64url"))).toBeNull();
    expect(await resolveShareToken("")).toBeNull();
    expect(await resolveShareToken("../../etc/passwd")).toBeNull();
    expect(await loadSharedView(randomBytes(32).toString("base64url"))).toBeNull();
  });

  it("stores only the SHA-256 of the token, never the token itself", async () => {
    const owner = await createUser("Ada");
    const link = await created(owner, "results", await attemptOf(owner));
    const token = tokenOf(link.url);
    const row = await db.shareLink.findUniqueOrThrow({ where: { id: link.linkId } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it("stops resolving once the shared attempt is gone", async () => {
    const owner = await createUser("Ada");
    const attemptId = await attemptOf(owner);
    const link = await created(owner, "results", attemptId);
    await db.attempt.delete({ where: { id: attemptId } });
    expect(await resolveShareToken(tokenOf(link.url))).toBeNull();
  });
});
