import "server-only";
import { retryOnConflict } from "@/lib/deadlock-retry";
import { levelsForPlanning } from "@/domain/engine/result";
import {
  generateLearningPlan,
  isCalendarDate,
  outlineWeeks,
  scheduleWeeks,
  skillsToCheckFirst,
  sumHours,
} from "@/domain/plan";
import type { SkillsGraph } from "@/domain/skills-graph";
import { localDate } from "@/domain/time-zones";
import { Prisma } from "@/generated/prisma/client";
import { listSkillEstimates } from "./attempts";
import { db, createRowId } from "./db";
import { renderMarkdown } from "./markdown";
import { ownerSql, ownerWhere, type Owner } from "./identity/owner";
import { logEvent } from "./log";

/** Hours a week when the person did not say: a realistic evening-and-weekend pace. */
export const DEFAULT_HOURS_PER_WEEK = 5;

interface PlanSource {
  owner: Owner;
  attemptId: string;
  targetRoleId: string;
  hoursPerWeek: number | null;
  timeZone: string;
  skills: readonly PlanningEstimate[];
}

/** A stored skill estimate as planning reads it; `answerCount` > 0 is the evidence a gap is real. */
interface PlanningEstimate {
  skillId: string;
  band: number;
  targetLevel: number | null;
  pMeets: number | null;
  answerCount: number;
}

/** Skills the person answered at least one question on. */
function skillsWithEvidence(skills: readonly PlanningEstimate[]): Set<string> {
  return new Set(skills.filter((skill) => skill.answerCount > 0).map((skill) => skill.skillId));
}

/**
 * Creates or regenerates the owner's plan for a target role from a scored attempt. The plan is
 * per owner and role, so a reassessment updates the same plan; modules already done stay done
 * with their dates, and the rest is rescheduled from today in the owner's time zone.
 */
export async function refreshPlan(graph: SkillsGraph, source: PlanSource, now = new Date()): Promise<string> {
  // Raw statements throughout: this runs inside the answer request that ends a quiz, where the
  // compiled Prisma equivalents (find, upsert, per-row writes) cost ~25 ms against ~3 ms.
  const [existing] = await db.$queryRaw<{ id: string; hoursPerWeek: number }[]>`
    SELECT "id", "hoursPerWeek" FROM "LearningPlan" WHERE ${ownerSql(source.owner)} AND "targetRoleId" = ${source.targetRoleId}`;
  const doneRows = existing
    ? await db.$queryRaw<{ moduleId: string; doneAt: string | Date }[]>`
        SELECT "moduleId", "doneAt" FROM "PlanItem" WHERE "planId" = ${existing.id} AND "doneAt" IS NOT NULL`
    : [];
  // Modules a cohort assigned stay in the plan, with their due dates, whatever the new result says.
  const assignedRows = existing
    ? await db.$queryRaw<{ moduleId: string }[]>`
        SELECT "moduleId" FROM "PlanItem" WHERE "planId" = ${existing.id} AND "doneAt" IS NULL AND "source" = 'assigned' ORDER BY "position"`
    : [];
  const assigned = new Set(assignedRows.map((row) => row.moduleId));
  const hoursPerWeek =
    source.hoursPerWeek ?? (existing ? Number(existing.hoursPerWeek) : DEFAULT_HOURS_PER_WEEK);
  const startDate = localDate(now, source.timeZone);
  const completed = new Map(doneRows.map((row) => [row.moduleId, new Date(row.doneAt).toISOString()]));
  const plan = generateLearningPlan({
    graph,
    targetRoleId: source.targetRoleId,
    levels: levelsForPlanning(source.skills),
    evidence: skillsWithEvidence(source.skills),
    hoursPerWeek,
    startDate,
    completed,
  });

  const [saved] = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "LearningPlan" ("id", "userId", "anonymousTokenHash", "targetRoleId", "sourceAttemptId", "contentHash", "hoursPerWeek", "timeZone", "startDate", "createdAt", "updatedAt")
    VALUES (${createRowId("p")}, ${source.owner.userId}, ${source.owner.userId ? null : source.owner.tokenHash}, ${source.targetRoleId}, ${source.attemptId}, ${graph.contentHash}, ${hoursPerWeek}, ${source.timeZone}, ${startDate}, ${now}, ${now})
    ON CONFLICT (${source.owner.userId ? Prisma.raw('"userId"') : Prisma.raw('"anonymousTokenHash"')}, "targetRoleId") DO UPDATE SET
      "sourceAttemptId" = excluded."sourceAttemptId", "contentHash" = excluded."contentHash", "hoursPerWeek" = excluded."hoursPerWeek",
      "timeZone" = excluded."timeZone", "startDate" = excluded."startDate", "updatedAt" = excluded."updatedAt"
    RETURNING "id"`;
  if (!saved) throw new Error("saving the learning plan returned no row");
  const planId = saved.id;

  // Not-done generated rows are rebuilt; done and assigned rows keep their dates and are moved into place.
  const isKept = (moduleId: string) => completed.has(moduleId) || assigned.has(moduleId);
  const fresh = plan.items.filter((entry) => !isKept(entry.moduleId));
  const kept = plan.items.filter((entry) => isKept(entry.moduleId));
  const generated = new Set(plan.items.map((entry) => entry.moduleId));
  const assignedOnly = assignedRows.filter((row) => !generated.has(row.moduleId));
  // ON CONFLICT below: the same plan refreshed at the same moment on another connection (two
  // duplicates of an attempt's last answer) inserted the module first; the later refresh wins.
  await retryOnConflict(() =>
    db.$transaction([
      db.$executeRaw`DELETE FROM "PlanItem" WHERE "planId" = ${planId} AND "doneAt" IS NULL AND "source" <> 'assigned'`,
      ...(fresh.length === 0
        ? []
        : [
            db.$executeRaw`INSERT INTO "PlanItem" ("id", "planId", "moduleId", "skillId", "fromLevel", "toLevel", "hours", "position", "week", "source")
            VALUES ${Prisma.join(fresh.map((entry) => Prisma.sql`(${createRowId("i")}, ${planId}, ${entry.moduleId}, ${entry.skillId}, ${entry.fromLevel}, ${entry.toLevel}, ${entry.hours}, ${entry.position}, ${entry.week}, ${entry.source})`))}
            ON CONFLICT ("planId", "moduleId") DO UPDATE SET "skillId" = excluded."skillId", "fromLevel" = excluded."fromLevel",
              "toLevel" = excluded."toLevel", "hours" = excluded."hours", "position" = excluded."position", "week" = excluded."week"`,
          ]),
      ...kept.map(
        (
          entry,
        ) => db.$executeRaw`UPDATE "PlanItem" SET "skillId" = ${entry.skillId}, "fromLevel" = ${entry.fromLevel}, "toLevel" = ${entry.toLevel},
        "hours" = ${entry.hours}, "position" = ${entry.position}, "week" = ${entry.week}
        WHERE "planId" = ${planId} AND "moduleId" = ${entry.moduleId}`,
      ),
      // Assigned modules the generator did not pick (the learner may already be at level) go last.
      ...assignedOnly.map(
        (row, index) =>
          db.$executeRaw`UPDATE "PlanItem" SET "position" = ${plan.items.length + index} WHERE "planId" = ${planId} AND "moduleId" = ${row.moduleId}`,
      ),
    ]),
  );
  return planId;
}

/** A plan item as pages and the data export read it. */
export const planItemSelect = {
  moduleId: true,
  skillId: true,
  fromLevel: true,
  toLevel: true,
  hours: true,
  position: true,
  week: true,
  source: true,
  dueDate: true,
  doneAt: true,
} as const;
const planItemWithCohortSelect = {
  ...planItemSelect,
  cohort: { select: { name: true, timeZone: true } },
} as const;

export async function findOwnedPlan(planId: string, owner: Owner | null) {
  if (!owner) return null;
  return db.learningPlan.findFirst({
    where: { id: planId, ...ownerWhere(owner) },
    select: {
      id: true,
      targetRoleId: true,
      sourceAttemptId: true,
      hoursPerWeek: true,
      timeZone: true,
      startDate: true,
      updatedAt: true,
      contentHash: true,
      items: { orderBy: { position: "asc" }, select: planItemWithCohortSelect },
    },
  });
}

export async function findPlanIdFor(owner: Owner, targetRoleId: string): Promise<string | null> {
  const plan = await db.learningPlan.findFirst({
    where: { ...ownerWhere(owner), targetRoleId },
    select: { id: true },
  });
  return plan?.id ?? null;
}

/** Marks one module done or not done; false when the plan is not the owner's (or has no such module). */
export async function setPlanItemDone(
  planId: string,
  moduleId: string,
  owner: Owner,
  isDone: boolean,
  now = new Date(),
): Promise<boolean> {
  const { count } = await db.planItem.updateMany({
    where: { planId, moduleId, plan: { is: ownerWhere(owner) } },
    data: { doneAt: isDone ? now : null },
  });
  return count === 1;
}

/** Changes the study pace; the schedule is recomputed from it on the next render. */
export async function setPlanHours(planId: string, owner: Owner, hoursPerWeek: number): Promise<boolean> {
  const { count } = await db.learningPlan.updateMany({
    where: { id: planId, ...ownerWhere(owner) },
    data: { hoursPerWeek },
  });
  return count === 1;
}

/**
 * The plan as the plan page shows it: modules in order with their content details, and the
 * week-by-week schedule of what is not done yet, recomputed from today's state of the items.
 */
export async function loadPlan(planId: string, owner: Owner | null, graph: SkillsGraph) {
  const plan = await findOwnedPlan(planId, owner);
  if (!plan) return null;
  const items = plan.items.map((item) => {
    const mod = graph.modules.get(item.moduleId);
    return {
      ...item,
      title: mod?.title ?? item.moduleId,
      format: mod?.format ?? null,
      url: mod?.url ?? null,
      bodyHtml: mod ? renderMarkdown(mod.body) : "",
      skillTitle: graph.skills.get(item.skillId)?.title ?? item.skillId,
      isRemoved: !mod,
      isDone: item.doneAt !== null,
      // The day it was marked done, in the plan's time zone.
      doneOn: item.doneAt ? localDate(item.doneAt, plan.timeZone) : null,
      // Assigned by a cohort: due and overdue are calendar days in the cohort's time zone.
      assignedBy: item.source === "assigned" && item.cohort ? item.cohort.name : null,
      dueOn: item.dueDate ? item.dueDate.toISOString().slice(0, 10) : null,
      isOverdue:
        item.dueDate !== null &&
        item.doneAt === null &&
        item.dueDate.toISOString().slice(0, 10) <
          localDate(new Date(), item.cohort?.timeZone ?? plan.timeZone),
    };
  });
  const pending = items.filter((item) => !item.isDone);
  const startDate = isCalendarDate(plan.startDate)
    ? plan.startDate
    : localDate(plan.updatedAt, plan.timeZone);
  const { weeks, startWeeks } = scheduleWeeks(pending, plan.hoursPerWeek, startDate);
  return {
    ...plan,
    startDate,
    targetTitle: graph.roles.get(plan.targetRoleId)?.title ?? plan.targetRoleId,
    items: items.map((item) => ({ ...item, week: startWeeks.get(item.moduleId) ?? null })),
    weeks,
    outline: outlineWeeks(weeks),
    checkFirst: await checkFirstFor(plan, pending, graph),
    totalHours: sumHours(items),
    remainingHours: sumHours(pending),
    doneCount: items.length - pending.length,
  };
}

/**
 * The skills to check before planning for them, from the estimates of the attempt the plan came
 * from. A skill the plan already schedules modules for (a plan stored before gaps needed evidence,
 * or a cohort's assignment) is not listed again.
 */
async function checkFirstFor(
  plan: { targetRoleId: string; sourceAttemptId: string | null },
  pending: readonly { skillId: string }[],
  graph: SkillsGraph,
) {
  if (!plan.sourceAttemptId) return [];
  const estimates = await listSkillEstimates(plan.sourceAttemptId);
  if (estimates.length === 0) return [];
  const scheduled = new Set(pending.map((item) => item.skillId));
  let unchecked;
  try {
    unchecked = skillsToCheckFirst(
      graph,
      plan.targetRoleId,
      levelsForPlanning(estimates),
      skillsWithEvidence(estimates),
    );
  } catch {
    return []; // the role left the content; the plan still shows what it holds
  }
  return unchecked
    .filter((entry) => !scheduled.has(entry.skillId))
    .map((entry) => ({ ...entry, skillTitle: graph.skills.get(entry.skillId)?.title ?? entry.skillId }));
}

export type PlanView = NonNullable<Awaited<ReturnType<typeof loadPlan>>>;

/**
 * Moves what an anonymous browser did into the account that just signed up or in: its attempts
 * (with answers and results) and its plans. Only rows that carry this browser's token hash and no
 * user yet are touched, so it cannot claim anyone else's, and running it twice changes nothing.
 * A plan for a role the account already has a plan for is folded in: modules done anonymously
 * are marked done in the account's plan, and the anonymous copy is removed.
 *
 * It lives with plans because it is a data operation, not an identity check: the caller (sign-up,
 * sign-in) has already established who the user is, and most of the work is folding plans; the
 * attempts move in the same batch so a half-claimed browser is impossible.
 */
export async function claimAnonymousWork(
  tokenHash: string,
  userId: string,
): Promise<{ attempts: number; plans: number }> {
  const now = new Date();
  const userRoles = new Set(
    (await db.learningPlan.findMany({ where: { userId }, select: { targetRoleId: true } })).map(
      (plan) => plan.targetRoleId,
    ),
  );
  const anonymousPlans = await db.learningPlan.findMany({
    where: { anonymousTokenHash: tokenHash, userId: null },
    select: {
      id: true,
      targetRoleId: true,
      items: { where: { doneAt: { not: null } }, select: { moduleId: true, doneAt: true } },
    },
  });
  const moved = anonymousPlans.filter((plan) => !userRoles.has(plan.targetRoleId));
  const folded = anonymousPlans.filter((plan) => userRoles.has(plan.targetRoleId));

  const [attempts] = await db.$transaction([
    db.attempt.updateMany({
      where: { anonymousTokenHash: tokenHash, userId: null },
      data: { userId, anonymousTokenHash: null },
    }),
    ...moved.map((plan) =>
      db.learningPlan.updateMany({
        where: { id: plan.id, userId: null },
        data: { userId, anonymousTokenHash: null },
      }),
    ),
    ...folded.flatMap((plan) =>
      plan.items.map((item) =>
        db.planItem.updateMany({
          where: {
            moduleId: item.moduleId,
            doneAt: null,
            plan: { is: { userId, targetRoleId: plan.targetRoleId } },
          },
          data: { doneAt: item.doneAt ?? now },
        }),
      ),
    ),
    db.learningPlan.deleteMany({ where: { id: { in: folded.map((plan) => plan.id) }, userId: null } }),
  ]);
  if (attempts.count > 0 || anonymousPlans.length > 0)
    logEvent("info", "account.claimed", { userId, attempts: attempts.count, plans: anonymousPlans.length });
  return { attempts: attempts.count, plans: anonymousPlans.length };
}
