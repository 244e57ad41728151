import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { addMember, createTeam, updateConsent } from "@/server/teams/teams";
import { finishEarly, loadQuiz, startAssessment, submitAnswer } from "@/server/assessment/quiz";
import { getSkillsGraph } from "@/server/content-loader";
import { keyCodes } from "../../factories/answers";
import { exportFileName, exportUserData } from "@/server/data-export";
import { db } from "@/server/db";
import { userOwner } from "@/server/identity/owner";
import { findPlanIdFor, setPlanItemDone } from "@/server/plans";
import { createShareLink } from "@/server/share-links";

async function createUser(name: string) {
  const id = `u-${randomUUID()}`;
  await db.user.create({
    data: {
      id,
      name,
      email: `${id}@example.test`,
      updatedAt: new Date(),
      currentRoleId: "data-scientist",
      hoursPerWeek: 6,
    },
  });
  return id;
}

/** A finished attempt with `answers` keyed answers (the first one "I don't know"). */
async function finishedAttempt(userId: string, answers: number) {
  const owner = userOwner(userId);
  const started = await startAssessment(
    { from: "data-scientist", to: "ai-engineer", timeZone: "Europe/Berlin" },
    owner,
  );
  if (!started.ok) throw new Error(JSON.stringify(started.fieldErrors));
  for (let count = 0; count < answers; count++) {
    const state = await loadQuiz(started.attemptId, owner);
    if (state.kind !== "question") break;
    const key = keyCodes(started.attemptId, state.view.questionId);
    await submitAnswer(
      started.attemptId,
      owner,
      count === 0
        ? { questionId: state.view.questionId, dontKnow: true }
        : { questionId: state.view.questionId, choice: key },
    );
  }
  await finishEarly(started.attemptId, owner);
  return started.attemptId;
}

/** Every key anywhere in a JSON value, with its path. */
function keysOf(value: unknown, path = "$"): string[] {
  if (Array.isArray(value)) return value.flatMap((entry, index) => keysOf(entry, `${path}[${index}]`));
  if (value !== null && typeof value === "object")
    return Object.entries(value).flatMap(([key, entry]) => [
      `${path}.${key}`,
      ...keysOf(entry, `${path}.${key}`),
    ]);
  return [];
}

describe("exportUserData", () => {
  it("contains the profile, every attempt with its answers, estimates and result, and the plan with its items", async () => {
    const userId = await createUser("Ada Lovelace");
    const attemptId = await finishedAttempt(userId, 3);
    const planId = (await findPlanIdFor(userOwner(userId), "ai-engineer")) ?? "";
    const firstModule = (
      await db.planItem.findFirstOrThrow({
        where: { planId },
        orderBy: { position: "asc" },
        select: { moduleId: true },
      })
    ).moduleId;
    await setPlanItemDone(planId, firstModule, userOwner(userId), true, new Date("2026-11-01T10:00:00Z"));
    await createShareLink(userId, "results", attemptId);

    const data = await exportUserData(userId, new Date("2026-11-30T08:00:00Z"));
    expect(data).toMatchObject({
      format: "waypoint-account-export",
      version: 1,
      exportedAt: "2026-11-30T08:00:00.000Z",
      profile: {
        name: "Ada Lovelace",
        email: `${userId}@example.test`,
        emailVerified: false,
        currentRoleId: "data-scientist",
        hoursPerWeek: 6,
        createdAt: expect.any(String),
      },
    });
    expect(data?.attempts).toHaveLength(1);
    const attempt = data?.attempts[0];
    expect(attempt).toMatchObject({
      id: attemptId,
      targetRoleId: "ai-engineer",
      currentRoleId: "data-scientist",
      status: "completed",
      stopReason: "finished",
      contentHash: getSkillsGraph().contentHash,
    });
    expect(attempt?.answers.map((answer) => answer.position)).toEqual([1, 2, 3]);
    expect(attempt?.answers[0]).toMatchObject({ isDontKnow: true, isCorrect: false, chosenOptionIds: [] });
    expect(attempt?.answers[1]?.chosenOptionIds?.length).toBeGreaterThan(0);
    // Time on each question is the person's data too.
    expect(attempt?.answers.every((answer) => typeof answer.msOnItem === "number")).toBe(true);
    expect(attempt?.isReviewWithheld).toBe(false);
    expect(attempt?.skillEstimates).toHaveLength(await db.skillEstimate.count({ where: { attemptId } }));
    expect(attempt?.result).toMatchObject({ roles: expect.any(Array) });

    expect(data?.plans).toHaveLength(1);
    expect(data?.plans[0]?.id).toBe(planId);
    expect(data?.plans[0]?.items).toHaveLength(await db.planItem.count({ where: { planId } }));
    expect(data?.plans[0]?.items.find((item) => item.moduleId === firstModule)?.doneAt).toBe(
      "2026-11-01T10:00:00.000Z",
    );
    expect(data?.shareLinks).toEqual([
      { kind: "results", targetId: attemptId, createdAt: expect.any(String), revokedAt: null },
    ]);
  });

  it("includes the user's team memberships with both consents", async () => {
    const ownerId = await createUser("Team Owner");
    const created = await createTeam(ownerId, { name: "Export team", targetRoleId: "mlops-engineer" });
    if (!created.ok) throw new Error("team not created");
    const memberId = await createUser("Team Member");
    await addMember(created.teamId, memberId);
    await updateConsent(created.teamId, memberId, { allowAggregate: false, allowIndividual: true });
    const data = await exportUserData(memberId);
    expect(data?.teams).toEqual([
      {
        teamId: created.teamId,
        teamName: "Export team",
        targetRoleId: "mlops-engineer",
        role: "member",
        allowAggregate: false,
        allowIndividual: true,
        joinedAt: expect.any(String),
      },
    ]);
    expect(data?.cohorts).toEqual([]);
    expect(data?.cohortAssignments).toEqual([]);
  });

  it("round-trips through JSON and has no password, token or hash field other than the content hash", async () => {
    const userId = await createUser("Ada");
    const attemptId = await finishedAttempt(userId, 2);
    await createShareLink(userId, "results", attemptId);
    await db.account.create({
      data: {
        id: `acc-${randomUUID()}`,
        accountId: userId,
        providerId: "credential",
        userId,
        password: "scrypt-hash-not-for-export",
        updatedAt: new Date(),
      },
    });
    await db.session.create({
      data: {
        id: `s-${randomUUID()}`,
        token: `session-${randomUUID()}`,
        userId,
        expiresAt: new Date(Date.now() + 3_600_000),
        updatedAt: new Date(),
      },
    });
    const data = await exportUserData(userId);

    const text = JSON.stringify(data);
    expect(JSON.parse(text)).toEqual(data);
    const forbidden = keysOf(JSON.parse(text)).filter(
      (path) => /password|token|hash/i.test(path.split(".").at(-1) ?? "") && !path.endsWith(".contentHash"),
    );
    expect(forbidden).toEqual([]);
    expect(text).not.toContain("scrypt-hash-not-for-export");
    expect(text).not.toContain("session-");
    const [storedHash] = await db.shareLink.findMany({ where: { userId }, select: { tokenHash: true } });
    expect(text).not.toContain(storedHash?.tokenHash ?? "no share link");
  });

  it("keeps each user's data apart and answers null for an unknown user", async () => {
    const userId = await createUser("Ada");
    const stranger = await createUser("Grace");
    await finishedAttempt(stranger, 1);
    const data = await exportUserData(userId);
    expect(data?.attempts).toEqual([]);
    expect(data?.plans).toEqual([]);
    expect(await exportUserData("no-such-user")).toBeNull();
  });

  it("names the download after the UTC date of the export", () => {
    expect(exportFileName("2026-11-30T23:59:00.000Z")).toBe("waypoint-export-2026-11-30.json");
  });
});
