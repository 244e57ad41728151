import fs from "node:fs";
import path from "node:path";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

/**
 * The authorisation matrix for server actions: every exported action of every "use server" file
 * × {anonymous, owner, other user}. The actions run for real (real session lookup through
 * better-auth, real SQLite); only Next's request scope is stood in for: next/headers answers
 * with the acting person's cookies, and next/cache's revalidatePath (which needs a render) is a
 * no-op. A new action without a row here fails the first test.
 */
const jar = { current: new Map<string, string>() };
vi.mock("next/headers", () => ({
  headers: async () =>
    new Headers({ cookie: [...jar.current].map(([name, value]) => `${name}=${value}`).join("; ") }),
  cookies: async () => ({
    get: (name: string) => (jar.current.has(name) ? { name, value: jar.current.get(name) } : undefined),
    getAll: () => [...jar.current].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string) => void jar.current.set(name, value),
    delete: (name: string) => void jar.current.delete(name),
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { getAuth } = await import("@/server/auth/auth");
const { db } = await import("@/server/db");
const assess = await import("@/app/assess/actions");
const plan = await import("@/app/plan/[planId]/actions");
const teams = await import("@/app/teams/actions");
const { NOT_FOUND } = await import("@/components/forms/form-state");
const { createTeam } = await import("@/server/teams/teams");
const { createLinkInvitation } = await import("@/server/teams/invitations");
const cohorts = await import("@/app/cohorts/actions");
const admin = await import("@/app/admin/actions");
const { createCohort } = await import("@/server/cohorts/cohorts");
const { setAssessmentWindow } = await import("@/server/cohorts/assessment");
const { getSkillsGraph } = await import("@/server/content-loader");

type Actor = "anonymous" | "owner" | "other";
/** A fourth actor for team actions only: a plain member of the owner's team. */
type TeamActor = Actor | "member";
const actors: Record<TeamActor, Map<string, string>> = {
  anonymous: new Map(),
  owner: new Map(),
  other: new Map(),
  member: new Map(),
};

const actorEmails: string[] = [];
async function signedInCookies(): Promise<Map<string, string>> {
  const email = `actor-${randomUUID()}@example.com`;
  actorEmails.push(email);
  const password = "matrix passphrase for tests";
  await getAuth().api.signUpEmail({ body: { name: "Actor", email, password }, headers: new Headers() });
  const { headers } = await getAuth().api.signInEmail({
    body: { email, password },
    headers: new Headers(),
    returnHeaders: true,
  });
  const cookies = new Map<string, string>();
  for (const line of headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const at = pair.indexOf("=");
    cookies.set(pair.slice(0, at), decodeURIComponent(pair.slice(at + 1)));
  }
  return cookies;
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

/** Runs an action as `actor`; a redirect (Next's thrown NEXT_REDIRECT) comes back as its target. */
async function as<T>(actor: TeamActor, run: () => Promise<T>): Promise<T | { redirect: string }> {
  jar.current = actors[actor];
  try {
    return await run();
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return { redirect: digest.split(";")[2] ?? "" };
    throw error;
  }
}

interface Fixture {
  ownerUserId: string;
  inProgress: string;
  completed: string;
  planId: string;
  moduleId: string;
  questionId: string;
  /** The owner's team (owner + one plain member), an open link invitation to it, one to revoke. */
  teamId: string;
  memberUserId: string;
  joinToken: string;
  revokableInvitationId: string;
  /** Mail that failed for good: of an open email invitation to the team, and to the cohort. */
  failedTeamMailId: string;
  failedCohortMailId: string;
  /**
   * Cohorts: the owner is staff of `cohortId` (the team's plain member is its learner) and of
   * `closableCohortId`; "other" is staff of `otherCohortId` only, and may not create cohorts.
   */
  cohortId: string;
  closableCohortId: string;
  otherCohortId: string;
  otherUserId: string;
  unjoinedEnrollmentId: string;
  ruleId: string;
  assignmentId: string;
  cohortModuleId: string;
  /** An in-progress attempt of the owner's still on its self-rating screen (no answer yet). */
  ratable: string;
}
let fixture: Fixture;

const failedMail = {
  recipient: "failed@example.com",
  subject: "S",
  text: "T",
  status: "failed",
  attempts: 6,
  lastError: "550 mailbox unavailable",
};

/** An invitation row with a token we know (only its SHA-256 is stored, as the app does). */
async function invitationWithToken(
  teamId: string,
  data: { kind: "link" | "email"; email?: string },
): Promise<{ id: string; token: string }> {
  const token = randomBytes(32).toString("base64url");
  const row = await db.invitation.create({
    data: {
      teamId,
      ...data,
      tokenHash: createHash("sha256").update(token).digest("hex"),
      expiresAt: new Date(Date.now() + 86_400_000),
    },
    select: { id: true },
  });
  return { id: row.id, token };
}

beforeAll(async () => {
  actors.owner = await signedInCookies();
  actors.other = await signedInCookies();
  jar.current = actors.owner;
  const start = async (to: string) => {
    const outcome = await as("owner", () =>
      assess.startAssessmentAction(
        null,
        form({ from: "data-scientist", to, hoursPerWeek: "5", timeZone: "UTC", budget: "15" }),
      ),
    );
    return (outcome as { redirect: string }).redirect.split("/").at(-1) as string;
  };
  const completed = await start("ai-engineer");
  // Two "I don't know" answers: gaps with evidence, so the owner's plan has modules to toggle.
  for (let count = 0; count < 2; count++) {
    const { currentQuestionId } = await db.attempt.findUniqueOrThrow({
      where: { id: completed },
      select: { currentQuestionId: true },
    });
    await as("owner", () =>
      assess.answerAction(
        null,
        form({ attemptId: completed, questionId: currentQuestionId ?? "", dontKnow: "1" }),
      ),
    );
  }
  await as("owner", () => assess.finishAction(form({ attemptId: completed })));
  // Another role: finishing this attempt (the finishAction case) must not rebuild the fixture's plan.
  const inProgress = await start("ml-engineer");
  const attempt = await db.attempt.findUniqueOrThrow({
    where: { id: inProgress },
    select: { userId: true, currentQuestionId: true },
  });
  const ownedPlan = await db.learningPlan.findFirstOrThrow({
    where: { userId: attempt.userId, targetRoleId: "ai-engineer" },
    select: { id: true, items: { select: { moduleId: true }, take: 1 } },
  });
  const ownerUserId = attempt.userId as string;
  const ratable = await start("data-engineer");
  const team = await createTeam(ownerUserId, { name: "Matrix team", targetRoleId: "ai-engineer" });
  if (!team.ok) throw new Error("the fixture team could not be created");
  const memberEmail = `member-${randomUUID()}@example.com`;
  await getAuth().api.signUpEmail({
    body: { name: "Plain Member", email: memberEmail, password: "matrix passphrase for tests" },
    headers: new Headers(),
  });
  const member = await db.user.findUniqueOrThrow({ where: { email: memberEmail }, select: { id: true } });
  await db.membership.create({ data: { teamId: team.teamId, userId: member.id, role: "member" } });
  const link = await createLinkInvitation(team.teamId, ownerUserId);
  fixture = {
    ownerUserId,
    ratable,
    inProgress,
    completed,
    planId: ownedPlan.id,
    moduleId: ownedPlan.items[0]?.moduleId ?? "",
    questionId: attempt.currentQuestionId as string,
    teamId: team.teamId,
    memberUserId: member.id,
    joinToken: link.path.split("/").at(-1) as string,
    revokableInvitationId: (await invitationWithToken(team.teamId, { kind: "link" })).id,
    failedTeamMailId: (
      await db.queuedMail.create({
        data: {
          ...failedMail,
          kind: "team-invitation",
          teamId: team.teamId,
          invitationId: (
            await invitationWithToken(team.teamId, { kind: "email", email: "failed@example.com" })
          ).id,
        },
        select: { id: true },
      })
    ).id,
    ...(await cohortFixture(ownerUserId, member.id)),
  };
  // The owner is also an instance administrator (the admin area's actions); "other" is not.
  await db.user.update({ where: { id: ownerUserId }, data: { isAdmin: true } });
}, 60_000);

/** The cohort part of the fixture (see Fixture). */
async function cohortFixture(ownerUserId: string, learnerUserId: string) {
  const owner = await db.user.update({
    where: { id: ownerUserId },
    data: { canCreateCohorts: true },
    select: { id: true, email: true, name: true },
  });
  const other = await db.user.findUniqueOrThrow({
    where: { email: actorEmails[1] as string },
    select: { id: true, email: true, name: true },
  });
  const learner = await db.user.findUniqueOrThrow({ where: { id: learnerUserId }, select: { email: true } });
  const dates = {
    startsOn: "2026-01-01",
    endsOn: "2026-12-31",
    targetRoleId: "ai-engineer",
    timeZone: "UTC",
  };
  const make = async (by: { id: string; email: string; name: string }, name: string) => {
    const created = await createCohort(by, { name, ...dates });
    if (!created.ok) throw new Error("the fixture cohort could not be created");
    return created.cohortId;
  };
  const cohortId = await make(owner, "Matrix cohort");
  const closableCohortId = await make(owner, "Matrix cohort to close");
  const otherCohortId = await make(other, "Other staff's cohort");
  await setAssessmentWindow(cohortId, new Date(Date.now() - 3_600_000), new Date(Date.now() + 86_400_000));
  await db.enrollment.create({
    data: {
      cohortId,
      email: learner.email,
      name: "Plain Learner",
      role: "learner",
      userId: learnerUserId,
      joinedAt: new Date(),
    },
  });
  const unjoined = await db.enrollment.create({
    data: { cohortId, email: `unjoined-${randomUUID()}@example.com`, name: "Not Joined", role: "learner" },
    select: { id: true },
  });
  await db.cohortInvitation.create({
    data: {
      cohortId,
      enrollmentId: unjoined.id,
      tokenHash: createHash("sha256").update(randomUUID()).digest("hex"),
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  const failing = await db.enrollment.create({
    data: { cohortId, email: "failed@example.com", name: "Mail Failed", role: "learner" },
    select: { id: true },
  });
  const failedCohortMail = await db.queuedMail.create({
    data: {
      ...failedMail,
      kind: "cohort-invitation",
      cohortId,
      cohortInvitation: {
        create: {
          cohortId,
          enrollmentId: failing.id,
          tokenHash: createHash("sha256").update(randomUUID()).digest("hex"),
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      },
    },
    select: { id: true },
  });
  const [moduleId = "", otherModuleId = ""] = [...getSkillsGraph().modules.keys()];
  const rule = await db.assignmentRule.create({
    data: { cohortId, skillId: "python", belowLevel: 2, moduleId, dueDays: 7 },
    select: { id: true },
  });
  const assignment = await db.assignment.create({
    data: {
      cohortId,
      userId: learnerUserId,
      moduleId: otherModuleId,
      source: "manual",
      dueDate: "2026-06-01",
    },
    select: { id: true },
  });
  return {
    cohortId,
    closableCohortId,
    otherCohortId,
    otherUserId: other.id,
    unjoinedEnrollmentId: unjoined.id,
    failedCohortMailId: failedCohortMail.id,
    ruleId: rule.id,
    assignmentId: assignment.id,
    cohortModuleId: moduleId,
  };
}

const membershipOf = (userId: string) =>
  db.membership.findUnique({
    where: { teamId_userId: { teamId: fixture.teamId, userId } },
    select: { role: true, allowAggregate: true, allowIndividual: true },
  });
const teamCounts = async () => ({
  memberships: await db.membership.count({ where: { teamId: fixture.teamId } }),
  invitations: await db.invitation.count({ where: { teamId: fixture.teamId } }),
  rounds: await db.teamRound.count({ where: { teamId: fixture.teamId } }),
  attempts: await db.attempt.count({ where: { teamId: fixture.teamId } }),
});
/** Foreign actors: exactly the not-found answer, and the team's rows untouched. */
async function expectNotFound(actor: TeamActor, run: () => Promise<unknown>): Promise<void> {
  const before = await teamCounts();
  expect(await as(actor, run)).toEqual(NOT_FOUND);
  expect(await teamCounts()).toEqual(before);
}
const cohortCounts = async () => ({
  cohorts: await db.cohort.count(),
  enrollments: await db.enrollment.count({ where: { cohortId: fixture.cohortId } }),
  invitations: await db.cohortInvitation.count({ where: { cohortId: fixture.cohortId, revokedAt: null } }),
  window: (
    await db.cohortAssessment.findUnique({
      where: { cohortId: fixture.cohortId },
      select: { updatedAt: true },
    })
  )?.updatedAt.getTime(),
  rules: await db.assignmentRule.findMany({
    where: { cohortId: fixture.cohortId },
    select: { id: true, appliedAt: true },
  }),
  assignments: await db.assignment.findMany({
    where: { cohortId: fixture.cohortId },
    orderBy: { id: "asc" },
    select: { id: true, waivedAt: true },
  }),
  attempts: await db.attempt.count({ where: { cohortAssessment: { is: { cohortId: fixture.cohortId } } } }),
  closed: await db.cohort.count({ where: { closedAt: { not: null } } }),
});
/** Foreign actors on a cohort: exactly the not-found answer, and nothing in the cohort changes. */
async function expectCohortNotFound(actor: TeamActor, run: () => Promise<unknown>): Promise<void> {
  const before = await cohortCounts();
  expect(await as(actor, run)).toEqual(NOT_FOUND);
  expect(await cohortCounts()).toEqual(before);
}
const cohortForm = (fields: Record<string, string> = {}) => form({ cohortId: fixture.cohortId, ...fields });
const answerCount = (attemptId: string) => db.answer.count({ where: { attemptId } });
const planState = () =>
  db.learningPlan.findUniqueOrThrow({
    where: { id: fixture.planId },
    select: { hoursPerWeek: true, updatedAt: true, items: { select: { moduleId: true, doneAt: true } } },
  });

/** Per action: what each actor gets. Foreign ids must act exactly like ids that do not exist. */
const MATRIX: Record<string, (actor: Actor) => Promise<void>> = {
  // The admin area: only an administrator (the owner here); anyone else gets NOT_FOUND and changes nothing.
  "src/app/admin/actions.ts#setRightAction": async (actor) => {
    const subject = `u-subject-${randomUUID()}`;
    await db.user.create({ data: { id: subject, name: "Subject", email: `${subject}@example.com` } });
    const fields = form({ userId: subject, right: "cohorts", grant: "1" });
    const state = async () => ({
      rights: await db.user.findUniqueOrThrow({
        where: { id: subject },
        select: { isAdmin: true, canCreateCohorts: true },
      }),
      logged: await db.rightsChange.findMany({
        where: { subjectId: subject },
        select: { actorId: true, rightName: true, isGranted: true, via: true },
      }),
    });
    if (actor !== "owner") {
      expect(await as(actor, () => admin.setRightAction(null, fields))).toEqual(NOT_FOUND);
      expect(
        await as(actor, () =>
          admin.setRightAction(null, form({ userId: subject, right: "admin", grant: "1" })),
        ),
      ).toEqual(NOT_FOUND);
      return expect(await state()).toEqual({
        rights: { isAdmin: false, canCreateCohorts: false },
        logged: [],
      });
    }
    expect(await as(actor, () => admin.setRightAction(null, fields))).toMatchObject({ ok: true });
    expect(await state()).toEqual({
      rights: { isAdmin: false, canCreateCohorts: true },
      logged: [{ actorId: fixture.ownerUserId, rightName: "cohorts", isGranted: true, via: "web" }],
    });
    // An unknown account, or a right that does not exist, is answered like a stranger's request.
    expect(
      await as(actor, () =>
        admin.setRightAction(null, form({ userId: "u-nobody", right: "admin", grant: "1" })),
      ),
    ).toEqual(NOT_FOUND);
    expect(
      await as(actor, () => admin.setRightAction(null, form({ userId: subject, right: "root", grant: "1" }))),
    ).toEqual(NOT_FOUND);
    // The last administrator cannot revoke their own right, and is told why.
    await db.user.updateMany({
      where: { isAdmin: true, id: { not: fixture.ownerUserId } },
      data: { isAdmin: false },
    });
    const ownRevoke = form({ userId: fixture.ownerUserId, right: "admin", grant: "0" });
    expect(await as(actor, () => admin.setRightAction(null, ownRevoke))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/last administrator/),
    });
    expect(
      await db.user.findUniqueOrThrow({ where: { id: fixture.ownerUserId }, select: { isAdmin: true } }),
    ).toEqual({
      isAdmin: true,
    });
  },
  "src/app/admin/actions.ts#resolveReportAction": async (actor) => {
    const { id } = await db.questionReport.create({
      data: { questionId: fixture.questionId, reason: "unclear", details: "", contentHash: "matrix" },
      select: { id: true },
    });
    const fields = form({ reportId: id, note: "Reworded the stem" });
    const resolution = () =>
      db.questionReport.findUniqueOrThrow({
        where: { id },
        select: { resolvedAt: true, resolvedById: true, resolutionNote: true },
      });
    if (actor !== "owner") {
      expect(await as(actor, () => admin.resolveReportAction(null, fields))).toEqual(NOT_FOUND);
      return expect(await resolution()).toEqual({
        resolvedAt: null,
        resolvedById: null,
        resolutionNote: null,
      });
    }
    // A note is required; what was typed comes back with the error.
    expect(
      await as(actor, () => admin.resolveReportAction(null, form({ reportId: id, note: "  " }))),
    ).toMatchObject({
      ok: false,
      fieldErrors: { note: expect.any(String) },
    });
    expect(
      await as(actor, () => admin.resolveReportAction(null, form({ reportId: "no-such-report", note: "x" }))),
    ).toEqual(NOT_FOUND);
    expect(await as(actor, () => admin.resolveReportAction(null, fields))).toEqual({
      redirect: `/admin/items/${fixture.questionId}?resolved=${id}`,
    });
    expect(await resolution()).toMatchObject({
      resolvedById: fixture.ownerUserId,
      resolutionNote: "Reworded the stem",
    });
    // Once resolved, the note stands.
    expect(
      await as(actor, () => admin.resolveReportAction(null, form({ reportId: id, note: "Overwritten" }))),
    ).toMatchObject({ ok: false });
    expect(await resolution()).toMatchObject({ resolutionNote: "Reworded the stem" });
  },
  "src/app/assess/actions.ts#startAssessmentAction": async (actor) => {
    const outcome = await as(actor, () => assess.startAssessmentAction(null, form({ to: "ml-engineer" })));
    const attemptId = (outcome as { redirect: string }).redirect.split("/").at(-1) as string;
    const row = await db.attempt.findUniqueOrThrow({
      where: { id: attemptId },
      select: { userId: true, anonymousTokenHash: true },
    });
    // Anyone may start an assessment; it belongs to whoever started it, never to the owner by accident.
    if (actor === "owner") expect(row.userId).toBe(fixture.ownerUserId);
    else if (actor === "other") expect(row.userId).not.toBe(fixture.ownerUserId);
    else expect(row).toMatchObject({ userId: null, anonymousTokenHash: expect.any(String) });
  },
  "src/app/assess/actions.ts#answerAction": async (actor) => {
    const before = await answerCount(fixture.inProgress);
    const outcome = await as(actor, () =>
      assess.answerAction(
        null,
        form({ attemptId: fixture.inProgress, questionId: fixture.questionId, dontKnow: "1" }),
      ),
    );
    expect(outcome).toEqual({ redirect: `/assess/${fixture.inProgress}` });
    expect(await answerCount(fixture.inProgress)).toBe(actor === "owner" ? before + 1 : before);
  },
  "src/app/assess/actions.ts#selfRatingAction": async (actor) => {
    const outcome = await as(actor, () =>
      assess.selfRatingAction(form({ attemptId: fixture.ratable, "rating-python": "3" })),
    );
    // Not found for anyone but the owner: the page then answers 404; nothing is stored.
    expect(outcome).toEqual({ redirect: `/assess/${fixture.ratable}` });
    const rated = await db.selfRating.findMany({
      where: { attemptId: fixture.ratable, level: { not: null } },
    });
    expect(rated.map((row) => [row.skillId, row.level])).toEqual(actor === "owner" ? [["python", 3]] : []);
  },
  "src/app/assess/actions.ts#finishAction": async (actor) => {
    const outcome = await as(actor, () => assess.finishAction(form({ attemptId: fixture.inProgress })));
    const status = (
      await db.attempt.findUniqueOrThrow({ where: { id: fixture.inProgress }, select: { status: true } })
    ).status;
    if (actor === "owner") {
      expect(outcome).toEqual({ redirect: `/results/${fixture.inProgress}` });
      expect(status).toBe("completed");
    } else {
      expect(outcome).toEqual({ redirect: `/assess/${fixture.inProgress}` });
      expect(status).toBe("in_progress");
    }
  },
  "src/app/assess/actions.ts#reportProblemAction": async (actor) => {
    const details = `matrix ${actor} ${randomUUID()}`;
    const outcome = await as(actor, () =>
      assess.reportProblemAction(
        null,
        form({ questionId: fixture.questionId, attemptId: fixture.completed, reason: "unclear", details }),
      ),
    );
    expect(outcome).toEqual({ ok: true });
    const stored = await db.questionReport.findFirstOrThrow({
      where: { details },
      select: { attemptId: true },
    });
    // A report is welcome from anyone, but only the owner's report is linked to the attempt.
    expect(stored.attemptId).toBe(actor === "owner" ? fixture.completed : null);
  },
  "src/app/plan/[planId]/actions.ts#togglePlanItemAction": async (actor) => {
    await as(actor, () =>
      plan.togglePlanItemAction(form({ planId: fixture.planId, moduleId: fixture.moduleId, done: "1" })),
    );
    const item = (await planState()).items.find((entry) => entry.moduleId === fixture.moduleId);
    expect(item?.doneAt === null).toBe(actor !== "owner");
    if (actor === "owner")
      await as("owner", () =>
        plan.togglePlanItemAction(form({ planId: fixture.planId, moduleId: fixture.moduleId, done: "0" })),
      );
  },
  "src/app/plan/[planId]/actions.ts#setPlanHoursAction": async (actor) => {
    const hours = actor === "owner" ? 9 : 17;
    expect(
      await as(actor, () =>
        plan.setPlanHoursAction(null, form({ planId: fixture.planId, hoursPerWeek: String(hours) })),
      ),
    ).toBeNull();
    const stored = (await planState()).hoursPerWeek;
    if (actor === "owner") expect(stored).toBe(9);
    else expect(stored).not.toBe(17);
  },
  "src/app/plan/[planId]/actions.ts#regeneratePlanAction": async (actor) => {
    const before = (await planState()).updatedAt.getTime();
    await as(actor, () => plan.regeneratePlanAction(form({ planId: fixture.planId })));
    const after = (await planState()).updatedAt.getTime();
    if (actor === "owner") expect(after).toBeGreaterThanOrEqual(before);
    else expect(after).toBe(before);
  },

  "src/app/teams/actions.ts#createTeamAction": async (actor) => {
    const before = await db.team.count();
    const outcome = await as(actor, () =>
      teams.createTeamAction(null, form({ name: `Team of ${actor}`, targetRoleId: "ml-engineer" })),
    );
    if (actor === "anonymous") {
      expect(outcome).toEqual({ redirect: `/sign-in?next=${encodeURIComponent("/teams")}` });
      expect(await db.team.count()).toBe(before);
      return;
    }
    // The new team's page, opened with its "created" confirmation.
    const redirect = (outcome as { redirect: string }).redirect;
    expect(redirect).toMatch(/^\/teams\/[\w-]+\?created=1$/);
    const teamId = new URL(redirect, "http://localhost").pathname.split("/").at(-1) as string;
    const owner = await db.membership.findFirstOrThrow({
      where: { teamId, role: "owner" },
      select: { userId: true },
    });
    // Anyone signed in may create a team; it is theirs, never the fixture owner's by accident.
    if (actor === "owner") expect(owner.userId).toBe(fixture.ownerUserId);
    else expect(owner.userId).not.toBe(fixture.ownerUserId);
  },
  "src/app/teams/actions.ts#updateConsentAction": async (actor) => {
    const fields = form({ teamId: fixture.teamId, allowAggregate: "", allowIndividual: "on" });
    if (actor !== "owner") {
      await expectNotFound(actor, () => teams.updateConsentAction(null, fields));
      expect(await membershipOf(fixture.ownerUserId)).toMatchObject({
        allowAggregate: true,
        allowIndividual: false,
      });
      return;
    }
    expect(await as(actor, () => teams.updateConsentAction(null, fields))).toMatchObject({ ok: true });
    expect(await membershipOf(fixture.ownerUserId)).toMatchObject({
      allowAggregate: false,
      allowIndividual: true,
    });
    await db.membership.update({
      where: { teamId_userId: { teamId: fixture.teamId, userId: fixture.ownerUserId } },
      data: { allowAggregate: true, allowIndividual: false },
    });
  },
  "src/app/teams/actions.ts#startTeamAssessmentAction": async (actor) => {
    const fields = form({
      teamId: fixture.teamId,
      from: "",
      hoursPerWeek: "",
      timeZone: "UTC",
      budget: "15",
    });
    if (actor !== "owner") return expectNotFound(actor, () => teams.startTeamAssessmentAction(null, fields));
    const outcome = await as(actor, () => teams.startTeamAssessmentAction(null, fields));
    const attemptId = (outcome as { redirect: string }).redirect.split("/").at(-1) as string;
    const row = await db.attempt.findUniqueOrThrow({
      where: { id: attemptId },
      select: { userId: true, teamId: true, targetRoleId: true, teamRound: { select: { closedAt: true } } },
    });
    expect(row).toMatchObject({
      userId: fixture.ownerUserId,
      teamId: fixture.teamId,
      targetRoleId: "ai-engineer",
      teamRound: { closedAt: null },
    });
  },
  "src/app/teams/actions.ts#createLinkInviteAction": async (actor) => {
    const fields = form({ teamId: fixture.teamId });
    if (actor !== "owner") return expectNotFound(actor, () => teams.createLinkInviteAction(null, fields));
    expect(await as(actor, () => teams.createLinkInviteAction(null, fields))).toMatchObject({
      ok: true,
      url: expect.stringMatching(/\/teams\/join\/[A-Za-z0-9_-]{40,}$/),
    });
  },
  "src/app/teams/actions.ts#createEmailInvitesAction": async (actor) => {
    const fields = form({ teamId: fixture.teamId, emails: `invitee-${actor}@example.com` });
    if (actor !== "owner") return expectNotFound(actor, () => teams.createEmailInvitesAction(null, fields));
    expect(await as(actor, () => teams.createEmailInvitesAction(null, fields))).toMatchObject({ ok: true });
    expect(
      await db.invitation.count({ where: { teamId: fixture.teamId, email: "invitee-owner@example.com" } }),
    ).toBe(1);
  },
  "src/app/teams/actions.ts#revokeInviteAction": async (actor) => {
    const fields = form({ teamId: fixture.teamId, invitationId: fixture.revokableInvitationId });
    const revokedAt = async () =>
      (
        await db.invitation.findUniqueOrThrow({
          where: { id: fixture.revokableInvitationId },
          select: { revokedAt: true },
        })
      ).revokedAt;
    if (actor !== "owner") {
      await expectNotFound(actor, () => teams.revokeInviteAction(null, fields));
      expect(await revokedAt()).toBeNull();
      return;
    }
    expect(await as(actor, () => teams.revokeInviteAction(null, fields))).toMatchObject({ ok: true });
    expect(await revokedAt()).not.toBeNull();
  },
  "src/app/teams/actions.ts#retryInviteMailAction": async (actor) => {
    const fields = form({ teamId: fixture.teamId, mailId: fixture.failedTeamMailId });
    const status = async () =>
      (await db.queuedMail.findUniqueOrThrow({ where: { id: fixture.failedTeamMailId } })).status;
    if (actor !== "owner") {
      await expectNotFound(actor, () => teams.retryInviteMailAction(null, fields));
      expect(await status()).toBe("failed");
      return;
    }
    expect(await as(actor, () => teams.retryInviteMailAction(null, fields))).toMatchObject({ ok: true });
    expect(await status()).toBe("pending");
  },
  "src/app/teams/actions.ts#setMemberRoleAction": async (actor) => {
    const fields = form({ teamId: fixture.teamId, memberUserId: fixture.memberUserId, role: "manager" });
    if (actor !== "owner") {
      await expectNotFound(actor, () => teams.setMemberRoleAction(null, fields));
      expect(await membershipOf(fixture.memberUserId)).toMatchObject({ role: "member" });
      return;
    }
    expect(await as(actor, () => teams.setMemberRoleAction(null, fields))).toMatchObject({ ok: true });
    expect(await membershipOf(fixture.memberUserId)).toMatchObject({ role: "manager" });
    await as(actor, () =>
      teams.setMemberRoleAction(
        null,
        form({ teamId: fixture.teamId, memberUserId: fixture.memberUserId, role: "member" }),
      ),
    );
    expect(await membershipOf(fixture.memberUserId)).toMatchObject({ role: "member" });
  },
  "src/app/teams/actions.ts#removeMemberAction": async (actor) => {
    const fields = form({ teamId: fixture.teamId, memberUserId: fixture.memberUserId });
    if (actor !== "owner") {
      await expectNotFound(actor, () => teams.removeMemberAction(null, fields));
      expect(await membershipOf(fixture.memberUserId)).not.toBeNull();
      return;
    }
    // The owner cannot be removed, not even by the owner: that answers like an unknown member.
    expect(
      await as(actor, () =>
        teams.removeMemberAction(null, form({ teamId: fixture.teamId, memberUserId: fixture.ownerUserId })),
      ),
    ).toEqual(NOT_FOUND);
    expect(await as(actor, () => teams.removeMemberAction(null, fields))).toMatchObject({ ok: true });
    expect(await membershipOf(fixture.memberUserId)).toBeNull();
    await db.membership.create({
      data: { teamId: fixture.teamId, userId: fixture.memberUserId, role: "member" },
    });
  },
  "src/app/teams/actions.ts#setEmailDomainsAction": async (actor) => {
    const fields = form({ teamId: fixture.teamId, emailDomains: "example.com" });
    const domains = async () =>
      (await db.team.findUniqueOrThrow({ where: { id: fixture.teamId }, select: { emailDomains: true } }))
        .emailDomains;
    if (actor !== "owner") {
      await expectNotFound(actor, () => teams.setEmailDomainsAction(null, fields));
      expect(await domains()).toBeNull();
      return;
    }
    expect(
      await as(actor, () =>
        teams.setEmailDomainsAction(null, form({ teamId: fixture.teamId, emailDomains: "not a domain" })),
      ),
    ).toMatchObject({ ok: false, fieldErrors: { emailDomains: expect.any(String) } });
    expect(await as(actor, () => teams.setEmailDomainsAction(null, fields))).toMatchObject({ ok: true });
    expect(await domains()).toBe("example.com");
    await as(actor, () =>
      teams.setEmailDomainsAction(null, form({ teamId: fixture.teamId, emailDomains: "" })),
    );
    expect(await domains()).toBeNull();
  },
  "src/app/teams/actions.ts#transferOwnershipAction": async (actor) => {
    const fields = form({ teamId: fixture.teamId, newOwnerUserId: fixture.memberUserId });
    if (actor !== "owner") {
      await expectNotFound(actor, () => teams.transferOwnershipAction(null, fields));
      expect(await membershipOf(fixture.ownerUserId)).toMatchObject({ role: "owner" });
      return;
    }
    // Someone outside the team cannot be made owner: a field error, and nothing changes.
    expect(
      await as(actor, () =>
        teams.transferOwnershipAction(
          null,
          form({ teamId: fixture.teamId, newOwnerUserId: fixture.otherUserId }),
        ),
      ),
    ).toMatchObject({ ok: false, fieldErrors: { newOwnerUserId: expect.any(String) } });
    expect(await membershipOf(fixture.ownerUserId)).toMatchObject({ role: "owner" });
    expect(await as(actor, () => teams.transferOwnershipAction(null, fields))).toMatchObject({ ok: true });
    expect(await membershipOf(fixture.memberUserId)).toMatchObject({ role: "owner" });
    expect(await membershipOf(fixture.ownerUserId)).toMatchObject({ role: "manager" });
    // Back to the fixture's shape for the other rows.
    await db.membership.updateMany({
      where: { teamId: fixture.teamId, userId: fixture.memberUserId },
      data: { role: "member" },
    });
    await db.membership.updateMany({
      where: { teamId: fixture.teamId, userId: fixture.ownerUserId },
      data: { role: "owner" },
    });
  },
  "src/app/teams/actions.ts#openRoundAction": async (actor) => {
    const fields = form({ teamId: fixture.teamId, name: `Round by ${actor}` });
    if (actor !== "owner") return expectNotFound(actor, () => teams.openRoundAction(null, fields));
    expect(await as(actor, () => teams.openRoundAction(null, fields))).toMatchObject({ ok: true });
    const open = await db.teamRound.findMany({
      where: { teamId: fixture.teamId, closedAt: null },
      select: { name: true },
    });
    expect(open).toEqual([{ name: "Round by owner" }]);
  },
  "src/app/teams/actions.ts#joinTeamAction": async (actor) => {
    const before = await db.membership.count({ where: { teamId: fixture.teamId } });
    const join = (token: string) => as(actor, () => teams.joinTeamAction(null, form({ token })));
    if (actor === "anonymous") {
      expect(await join(fixture.joinToken)).toEqual({
        redirect: `/sign-in?next=${encodeURIComponent(`/teams/join/${fixture.joinToken}`)}`,
      });
      expect(await db.membership.count({ where: { teamId: fixture.teamId } })).toBe(before);
      return;
    }
    // An unknown token and an email invitation for someone else's address join nobody.
    expect(await join("not-a-real-invitation-token-at-all")).toMatchObject({ ok: false });
    const forSomeoneElse = await invitationWithToken(fixture.teamId, {
      kind: "email",
      email: "someone-else@example.com",
    });
    expect(await join(forSomeoneElse.token)).toMatchObject({ ok: false });
    expect(await db.membership.count({ where: { teamId: fixture.teamId } })).toBe(before);
    // The link itself is the permission: whoever holds it joins as a plain member.
    expect(await join(fixture.joinToken)).toEqual({ redirect: `/teams/${fixture.teamId}` });
    if (actor === "owner") {
      expect(await membershipOf(fixture.ownerUserId)).toMatchObject({ role: "owner" });
      expect(await db.membership.count({ where: { teamId: fixture.teamId } })).toBe(before);
    } else {
      const joined = await db.membership.findMany({
        where: { teamId: fixture.teamId, userId: { notIn: [fixture.ownerUserId, fixture.memberUserId] } },
        select: { role: true },
      });
      expect(joined).toEqual([{ role: "member" }]);
      await db.membership.deleteMany({
        where: { teamId: fixture.teamId, userId: { notIn: [fixture.ownerUserId, fixture.memberUserId] } },
      });
    }
  },

  "src/app/cohorts/actions.ts#createCohortAction": async (actor) => {
    const before = await db.cohort.count();
    const outcome = await as(actor, () =>
      cohorts.createCohortAction(
        null,
        form({
          name: `Cohort of ${actor}`,
          startsOn: "2026-01-01",
          endsOn: "2026-03-01",
          targetRoleId: "ml-engineer",
          timeZone: "Europe/Berlin",
        }),
      ),
    );
    if (actor === "anonymous") {
      expect(outcome).toEqual({ redirect: `/sign-in?next=${encodeURIComponent("/cohorts")}` });
    } else if (actor === "other") {
      // Signed in but not allowed by an admin: refused, nothing created.
      expect(outcome).toMatchObject({ ok: false });
    }
    if (actor !== "owner") return expect(await db.cohort.count()).toBe(before);
    const cohortId = (outcome as { redirect: string }).redirect.split("/").at(-1) as string;
    expect(
      await db.enrollment.findMany({ where: { cohortId }, select: { userId: true, role: true } }),
    ).toEqual([{ userId: fixture.ownerUserId, role: "staff" }]);
  },
  "src/app/cohorts/actions.ts#importRosterAction": async (actor) => {
    const fields = cohortForm({ roster: `name,email\nNew Learner,new-${actor}@example.com\n` });
    if (actor !== "owner") return expectCohortNotFound(actor, () => cohorts.importRosterAction(null, fields));
    expect(await as(actor, () => cohorts.importRosterAction(null, fields))).toMatchObject({ ok: true });
    expect(
      await db.enrollment.count({ where: { cohortId: fixture.cohortId, email: "new-owner@example.com" } }),
    ).toBe(1);
  },
  "src/app/cohorts/actions.ts#addStaffAction": async (actor) => {
    const fields = cohortForm({ name: "Co Teacher", email: `staff-${actor}@example.com` });
    if (actor !== "owner") return expectCohortNotFound(actor, () => cohorts.addStaffAction(null, fields));
    expect(await as(actor, () => cohorts.addStaffAction(null, fields))).toMatchObject({ ok: true });
    expect(
      await db.enrollment.findFirst({
        where: { cohortId: fixture.cohortId, email: "staff-owner@example.com" },
        select: { role: true },
      }),
    ).toEqual({ role: "staff" });
  },
  "src/app/cohorts/actions.ts#resendInvitationAction": async (actor) => {
    const fields = cohortForm({ enrollmentId: fixture.unjoinedEnrollmentId });
    if (actor !== "owner")
      return expectCohortNotFound(actor, () => cohorts.resendInvitationAction(null, fields));
    expect(await as(actor, () => cohorts.resendInvitationAction(null, fields))).toMatchObject({ ok: true });
    // The new invitation replaces the old one: exactly one usable.
    expect(
      await db.cohortInvitation.count({
        where: { enrollmentId: fixture.unjoinedEnrollmentId, revokedAt: null },
      }),
    ).toBe(1);
  },
  "src/app/cohorts/actions.ts#retryInvitationMailAction": async (actor) => {
    const fields = cohortForm({ mailId: fixture.failedCohortMailId });
    const status = async () =>
      (await db.queuedMail.findUniqueOrThrow({ where: { id: fixture.failedCohortMailId } })).status;
    if (actor !== "owner") {
      await expectCohortNotFound(actor, () => cohorts.retryInvitationMailAction(null, fields));
      expect(await status()).toBe("failed");
      return;
    }
    expect(await as(actor, () => cohorts.retryInvitationMailAction(null, fields))).toMatchObject({
      ok: true,
    });
    expect(await status()).toBe("pending");
  },
  "src/app/cohorts/actions.ts#revokeCohortInvitationAction": async (actor) => {
    const fields = cohortForm({ enrollmentId: fixture.unjoinedEnrollmentId });
    if (actor !== "owner")
      return expectCohortNotFound(actor, () => cohorts.revokeCohortInvitationAction(null, fields));
    expect(await as(actor, () => cohorts.revokeCohortInvitationAction(null, fields))).toMatchObject({
      ok: true,
    });
    expect(
      await db.cohortInvitation.count({
        where: { enrollmentId: fixture.unjoinedEnrollmentId, revokedAt: null },
      }),
    ).toBe(0);
  },
  "src/app/cohorts/actions.ts#setWindowAction": async (actor) => {
    const fields = cohortForm({ opensAt: "2026-01-01T09:00", closesAt: "2099-01-01T09:00" });
    if (actor !== "owner") return expectCohortNotFound(actor, () => cohorts.setWindowAction(null, fields));
    expect(await as(actor, () => cohorts.setWindowAction(null, fields))).toMatchObject({ ok: true });
    expect(
      await db.cohortAssessment.findUnique({
        where: { cohortId: fixture.cohortId },
        select: { closesAt: true },
      }),
    ).toEqual({ closesAt: new Date("2099-01-01T09:00:00Z") });
  },
  "src/app/cohorts/actions.ts#startCohortAssessmentAction": async (actor) => {
    const fields = cohortForm({ from: "", hoursPerWeek: "", timeZone: "UTC", budget: "15" });
    if (actor !== "owner")
      return expectCohortNotFound(actor, () => cohorts.startCohortAssessmentAction(null, fields));
    const outcome = await as(actor, () => cohorts.startCohortAssessmentAction(null, fields));
    const attemptId = (outcome as { redirect: string }).redirect.split("/").at(-1) as string;
    const row = await db.attempt.findUniqueOrThrow({
      where: { id: attemptId },
      select: { userId: true, targetRoleId: true, cohortAssessment: { select: { cohortId: true } } },
    });
    expect(row).toEqual({
      userId: fixture.ownerUserId,
      targetRoleId: "ai-engineer",
      cohortAssessment: { cohortId: fixture.cohortId },
    });
  },
  "src/app/cohorts/actions.ts#addRuleAction": async (actor) => {
    const fields = cohortForm({
      // A module may only be assigned for a skill it teaches; the chance is typed in percent.
      skillId: getSkillsGraph().modules.get(fixture.cohortModuleId)?.skills[0]?.skill ?? "",
      condition: "pMeetsBelow",
      belowLevel: "2",
      pMeetsPercent: "50",
      moduleId: fixture.cohortModuleId,
      dueDays: "10",
    });
    if (actor !== "owner") return expectCohortNotFound(actor, () => cohorts.addRuleAction(null, fields));
    expect(await as(actor, () => cohorts.addRuleAction(null, fields))).toMatchObject({ ok: true });
    expect(await db.assignmentRule.count({ where: { cohortId: fixture.cohortId, pMeetsBelow: 0.5 } })).toBe(
      1,
    );
  },
  "src/app/cohorts/actions.ts#applyRulesAction": async (actor) => {
    if (actor !== "owner")
      return expectCohortNotFound(actor, () => cohorts.applyRulesAction(null, cohortForm()));
    expect(await as(actor, () => cohorts.applyRulesAction(null, cohortForm()))).toMatchObject({ ok: true });
    expect(await db.assignmentRule.count({ where: { cohortId: fixture.cohortId, appliedAt: null } })).toBe(0);
  },
  "src/app/cohorts/actions.ts#deleteRuleAction": async (actor) => {
    const fields = cohortForm({ ruleId: fixture.ruleId });
    if (actor !== "owner") return expectCohortNotFound(actor, () => cohorts.deleteRuleAction(null, fields));
    expect(await as(actor, () => cohorts.deleteRuleAction(null, fields))).toMatchObject({ ok: true });
    expect(await db.assignmentRule.count({ where: { id: fixture.ruleId } })).toBe(0);
  },
  "src/app/cohorts/actions.ts#assignModuleAction": async (actor) => {
    const fields = cohortForm({
      userId: fixture.memberUserId,
      moduleId: fixture.cohortModuleId,
      dueDate: "2026-07-01",
    });
    if (actor !== "owner") return expectCohortNotFound(actor, () => cohorts.assignModuleAction(null, fields));
    // A user who is not a learner of this cohort is answered like an unknown one.
    expect(
      await as(actor, () =>
        cohorts.assignModuleAction(
          null,
          cohortForm({
            userId: fixture.otherUserId,
            moduleId: fixture.cohortModuleId,
            dueDate: "2026-07-01",
          }),
        ),
      ),
    ).toEqual(NOT_FOUND);
    expect(await as(actor, () => cohorts.assignModuleAction(null, fields))).toMatchObject({ ok: true });
    expect(
      await db.assignment.findFirst({
        where: { cohortId: fixture.cohortId, userId: fixture.memberUserId, moduleId: fixture.cohortModuleId },
        select: { source: true, dueDate: true },
      }),
    ).toEqual({ source: "manual", dueDate: "2026-07-01" });
  },
  "src/app/cohorts/actions.ts#waiveAssignmentAction": async (actor) => {
    const fields = cohortForm({ assignmentId: fixture.assignmentId });
    if (actor !== "owner")
      return expectCohortNotFound(actor, () => cohorts.waiveAssignmentAction(null, fields));
    expect(await as(actor, () => cohorts.waiveAssignmentAction(null, fields))).toMatchObject({ ok: true });
    expect(
      (
        await db.assignment.findUniqueOrThrow({
          where: { id: fixture.assignmentId },
          select: { waivedAt: true },
        })
      ).waivedAt,
    ).not.toBeNull();
  },
  "src/app/cohorts/actions.ts#closeCohortAction": async (actor) => {
    const fields = form({ cohortId: fixture.closableCohortId });
    const closedAt = async () =>
      (
        await db.cohort.findUniqueOrThrow({
          where: { id: fixture.closableCohortId },
          select: { closedAt: true },
        })
      ).closedAt;
    if (actor !== "owner") {
      expect(await as(actor, () => cohorts.closeCohortAction(null, fields))).toEqual(NOT_FOUND);
      return expect(await closedAt()).toBeNull();
    }
    expect(await as(actor, () => cohorts.closeCohortAction(null, fields))).toMatchObject({ ok: true });
    expect(await closedAt()).not.toBeNull();
    // A closed cohort is read-only, even for its staff.
    expect(
      await as(actor, () =>
        cohorts.importRosterAction(
          null,
          form({ cohortId: fixture.closableCohortId, roster: "name,email\nLate,late@example.com\n" }),
        ),
      ),
    ).toEqual(NOT_FOUND);
  },
  "src/app/cohorts/actions.ts#joinCohortAction": async (actor) => {
    const join = (token: string) => as(actor, () => cohorts.joinCohortAction(null, form({ token })));
    // An invitation to the other staff's cohort for this actor's address (anonymous: the owner's).
    const email = actor === "other" ? (actorEmails[1] as string) : (actorEmails[0] as string);
    const enrollment = await db.enrollment.upsert({
      where: { cohortId_email: { cohortId: fixture.otherCohortId, email } },
      create: { cohortId: fixture.otherCohortId, email, name: "Invitee", role: "learner" },
      update: {},
      select: { id: true },
    });
    const token = randomBytes(32).toString("base64url");
    await db.cohortInvitation.create({
      data: {
        cohortId: fixture.otherCohortId,
        enrollmentId: enrollment.id,
        tokenHash: createHash("sha256").update(token).digest("hex"),
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    const joinedBy = async () =>
      (await db.enrollment.findUniqueOrThrow({ where: { id: enrollment.id }, select: { userId: true } }))
        .userId;
    if (actor === "anonymous") {
      expect(await join(token)).toEqual({
        redirect: `/sign-in?next=${encodeURIComponent(`/cohorts/join/${token}`)}`,
      });
      return expect(await joinedBy()).toBeNull();
    }
    expect(await join("not-a-real-invitation-token-at-all")).toMatchObject({ ok: false });
    if (actor === "owner") {
      // The owner holds an invitation addressed to someone else: refused.
      const stranger = await db.enrollment.create({
        data: {
          cohortId: fixture.otherCohortId,
          email: `someone-${randomUUID()}@example.com`,
          name: "Someone",
          role: "learner",
        },
        select: { id: true },
      });
      const foreign = randomBytes(32).toString("base64url");
      await db.cohortInvitation.create({
        data: {
          cohortId: fixture.otherCohortId,
          enrollmentId: stranger.id,
          tokenHash: createHash("sha256").update(foreign).digest("hex"),
          expiresAt: new Date(Date.now() + 86_400_000),
        },
      });
      expect(await join(foreign)).toMatchObject({ ok: false });
      expect(await join(token)).toEqual({ redirect: `/cohorts/${fixture.otherCohortId}` });
      expect(await joinedBy()).toBe(fixture.ownerUserId);
      // Single use.
      expect(await join(token)).toMatchObject({ ok: false });
      await db.enrollment.delete({ where: { id: enrollment.id } });
    } else {
      expect(await join(token)).toEqual({ redirect: `/cohorts/${fixture.otherCohortId}` });
      expect(await joinedBy()).toBe(fixture.otherUserId);
    }
  },
};

function discoverServerActions(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(entry.name)) {
        const source = fs.readFileSync(full, "utf8");
        if (!/^\s*["']use server["'];?/.test(source)) continue;
        for (const match of source.matchAll(/export\s+async\s+function\s+(\w+)/g))
          found.push(`${path.relative(process.cwd(), full).split(path.sep).join("/")}#${match[1]}`);
      }
    }
  };
  walk(path.resolve("src"));
  return found.sort();
}

describe("a plain member of the team", () => {
  beforeAll(async () => {
    const { email } = await db.user.findUniqueOrThrow({
      where: { id: fixture.memberUserId },
      select: { email: true },
    });
    const { headers } = await getAuth().api.signInEmail({
      body: { email, password: "matrix passphrase for tests" },
      headers: new Headers(),
      returnHeaders: true,
    });
    for (const line of headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      actors.member.set(pair.slice(0, at), decodeURIComponent(pair.slice(at + 1)));
    }
  });

  // Manager and owner actions answer a member exactly as they answer a stranger.
  const managerOnly: Record<string, () => Promise<unknown>> = {
    createLinkInviteAction: () => teams.createLinkInviteAction(null, form({ teamId: fixture.teamId })),
    createEmailInvitesAction: () =>
      teams.createEmailInvitesAction(
        null,
        form({ teamId: fixture.teamId, emails: "invitee-member@example.com" }),
      ),
    revokeInviteAction: () =>
      teams.revokeInviteAction(
        null,
        form({ teamId: fixture.teamId, invitationId: fixture.revokableInvitationId }),
      ),
    retryInviteMailAction: () =>
      teams.retryInviteMailAction(null, form({ teamId: fixture.teamId, mailId: fixture.failedTeamMailId })),
    setMemberRoleAction: () =>
      teams.setMemberRoleAction(
        null,
        form({ teamId: fixture.teamId, memberUserId: fixture.memberUserId, role: "manager" }),
      ),
    removeMemberAction: () =>
      teams.removeMemberAction(null, form({ teamId: fixture.teamId, memberUserId: fixture.ownerUserId })),
    openRoundAction: () =>
      teams.openRoundAction(null, form({ teamId: fixture.teamId, name: "Round by a member" })),
    setEmailDomainsAction: () =>
      teams.setEmailDomainsAction(null, form({ teamId: fixture.teamId, emailDomains: "example.org" })),
    transferOwnershipAction: () =>
      teams.transferOwnershipAction(
        null,
        form({ teamId: fixture.teamId, newOwnerUserId: fixture.memberUserId }),
      ),
  };
  for (const [name, run] of Object.entries(managerOnly)) {
    it(`is refused ${name} like a stranger, and nothing changes`, async () => {
      await expectNotFound("member", run);
      expect(await membershipOf(fixture.memberUserId)).toMatchObject({ role: "member" });
    });
  }
});

describe("a learner of the cohort", () => {
  // Staff actions answer a learner exactly as they answer a stranger (the member actor is the cohort's learner).
  const staffOnly: Record<string, () => Promise<unknown>> = {
    importRosterAction: () =>
      cohorts.importRosterAction(null, cohortForm({ roster: "name,email\nX,x-learner@example.com\n" })),
    addStaffAction: () =>
      cohorts.addStaffAction(null, cohortForm({ name: "Self Promoted", email: "self@example.com" })),
    resendInvitationAction: () =>
      cohorts.resendInvitationAction(null, cohortForm({ enrollmentId: fixture.unjoinedEnrollmentId })),
    revokeCohortInvitationAction: () =>
      cohorts.revokeCohortInvitationAction(null, cohortForm({ enrollmentId: fixture.unjoinedEnrollmentId })),
    retryInvitationMailAction: () =>
      cohorts.retryInvitationMailAction(null, cohortForm({ mailId: fixture.failedCohortMailId })),
    setWindowAction: () =>
      cohorts.setWindowAction(
        null,
        cohortForm({ opensAt: "2020-01-01T00:00", closesAt: "2020-01-02T00:00" }),
      ),
    addRuleAction: () =>
      cohorts.addRuleAction(
        null,
        cohortForm({
          skillId: getSkillsGraph().modules.get(fixture.cohortModuleId)?.skills[0]?.skill ?? "",
          condition: "belowLevel",
          belowLevel: "2",
          pMeetsPercent: "",
          moduleId: fixture.cohortModuleId,
          dueDays: "3",
        }),
      ),
    applyRulesAction: () => cohorts.applyRulesAction(null, cohortForm()),
    deleteRuleAction: () => cohorts.deleteRuleAction(null, cohortForm({ ruleId: fixture.ruleId })),
    assignModuleAction: () =>
      cohorts.assignModuleAction(
        null,
        cohortForm({ userId: fixture.memberUserId, moduleId: fixture.cohortModuleId, dueDate: "2026-07-01" }),
      ),
    waiveAssignmentAction: () =>
      cohorts.waiveAssignmentAction(null, cohortForm({ assignmentId: fixture.assignmentId })),
    closeCohortAction: () => cohorts.closeCohortAction(null, cohortForm()),
  };
  for (const [name, run] of Object.entries(staffOnly)) {
    it(`is refused ${name} like a stranger, and nothing changes`, async () => {
      await expectCohortNotFound("member", run);
    });
  }
});

describe("server actions × {anonymous, owner, other user}", () => {
  it("has a row for every server action in the code base", () => {
    expect(discoverServerActions()).toEqual(Object.keys(MATRIX).sort());
  });

  // Foreign actors first, so each owner row starts from an untouched fixture.
  for (const [action, check] of Object.entries(MATRIX)) {
    for (const actor of ["anonymous", "other", "owner"] as const) {
      it(`${action} as ${actor}`, async () => {
        await check(actor);
      });
    }
  }
});
