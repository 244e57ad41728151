import "server-only";
import { z } from "zod";
import {
  evaluateRules,
  planApplication,
  previewCounts,
  type LearnerResult,
  type Rule,
  type WantedAssignment,
} from "@/domain/cohort/rules";
import { isCalendarDate } from "@/domain/plan";
import { localDate } from "@/domain/time-zones";
import { getSkillsGraph } from "../content-loader";
import type { Prisma } from "@/generated/prisma/client";
import { createRowId, db, inChunks } from "../db";
import { logEvent } from "../log";
import { DEFAULT_HOURS_PER_WEEK } from "../plans";

/**
 * Assignment rules and assignments. Applying evaluates the rules (src/domain/cohort/rules.ts)
 * against each learner's latest finished cohort attempt and adds only what is missing; every new
 * assignment also lands in the learner's plan for the cohort's target role.
 */
/** A rule as stored: a level threshold 1–4, or a chance as a fraction (0.5 for 50 %). */
export interface RuleInput {
  skillId: string;
  condition: "belowLevel" | "pMeetsBelow";
  threshold: number;
  moduleId: string;
  dueDays: number;
}

const PERCENT_ERROR = "Type the chance as a whole percentage from 1 to 100, e.g. 50 for a 50 % chance.";

/**
 * The staff's add-rule form: the level (1–4) and the chance (a percentage, as people say it) are
 * separate fields and only the chosen condition's one is read; the chance is stored as a fraction.
 */
export const RuleFormSchema = z
  .object({
    skillId: z.string().trim().min(1, "Choose a skill.").max(100),
    condition: z.enum(["belowLevel", "pMeetsBelow"], "Choose a condition."),
    belowLevel: z.string().trim().max(10),
    pMeetsPercent: z.string().trim().max(20),
    moduleId: z.string().trim().min(1, "Choose a module that teaches the skill.").max(100),
    dueDays: z.string().trim().max(20),
  })
  .strict()
  .transform((form, context): RuleInput => {
    const dueDays = Number(form.dueDays);
    if (form.dueDays === "" || !Number.isInteger(dueDays) || dueDays < 1 || dueDays > 365)
      context.addIssue({
        code: "custom",
        path: ["dueDays"],
        message: "Type a whole number of days from 1 to 365.",
      });
    let threshold = Number.NaN;
    if (form.condition === "belowLevel") {
      threshold = Number(form.belowLevel);
      if (form.belowLevel === "" || !Number.isInteger(threshold) || threshold < 1 || threshold > 4)
        context.addIssue({
          code: "custom",
          path: ["belowLevel"],
          message: "Choose a level from 1 (Aware) to 4 (Expert); the rule fires below it.",
        });
    } else {
      // "50", "50%" and "50 %" all mean 50 %.
      const typed = form.pMeetsPercent.replace(/\s*%$/, "");
      const percent = Number(typed);
      if (typed === "" || !Number.isInteger(percent) || percent < 1 || percent > 100)
        context.addIssue({ code: "custom", path: ["pMeetsPercent"], message: PERCENT_ERROR });
      threshold = percent / 100;
    }
    return {
      skillId: form.skillId,
      condition: form.condition,
      threshold,
      moduleId: form.moduleId,
      dueDays,
    };
  });

export const ManualAssignSchema = z
  .object({
    userId: z.string().min(1).max(128),
    moduleId: z.string().trim().min(1, "Choose a module.").max(100),
    dueDate: z.string().trim().refine(isCalendarDate, "Use a date written YYYY-MM-DD."),
  })
  .strict();

interface CohortRef {
  id: string;
  name: string;
  targetRoleId: string;
  timeZone: string;
}

export async function addRule(
  cohortId: string,
  input: RuleInput,
): Promise<{ ok: true } | { ok: false; fieldErrors: Record<string, string> }> {
  const graph = getSkillsGraph();
  const fieldErrors: Record<string, string> = {};
  const skill = graph.skills.get(input.skillId);
  const chosen = graph.modules.get(input.moduleId);
  if (!skill) fieldErrors.skillId = "Choose a skill from the list.";
  if (!chosen) fieldErrors.moduleId = "Choose a module from the list.";
  else if (skill && !(graph.modulesBySkill.get(skill.id) ?? []).some((mod) => mod.id === chosen.id))
    fieldErrors.moduleId = `“${chosen.title}” does not teach ${skill.title}. Choose one of the modules listed for that skill.`;
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  await db.assignmentRule.create({
    data: {
      cohortId,
      skillId: input.skillId,
      moduleId: input.moduleId,
      dueDays: input.dueDays,
      belowLevel: input.condition === "belowLevel" ? input.threshold : null,
      pMeetsBelow: input.condition === "pMeetsBelow" ? input.threshold : null,
    },
  });
  return { ok: true };
}

export async function deleteRule(cohortId: string, ruleId: string): Promise<boolean> {
  const { count } = await db.assignmentRule.deleteMany({ where: { id: ruleId, cohortId } });
  return count === 1;
}

export async function listRules(cohortId: string) {
  return db.assignmentRule.findMany({
    where: { cohortId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      skillId: true,
      belowLevel: true,
      pMeetsBelow: true,
      moduleId: true,
      dueDays: true,
      appliedAt: true,
    },
  });
}

/** Each enrolled learner's latest finished cohort attempt, as the rules read it. */
export async function loadLearnerResults(
  cohort: CohortRef,
  userIds?: readonly string[],
): Promise<LearnerResult[]> {
  const learners = userIds
    ? await inChunks(userIds, (chunk) =>
        db.enrollment.findMany({
          where: { cohortId: cohort.id, role: "learner", userId: { in: chunk } },
          select: { userId: true },
        }),
      )
    : await db.enrollment.findMany({
        where: { cohortId: cohort.id, role: "learner", userId: { not: null } },
        select: { userId: true },
      });
  const ids = learners.flatMap((row) => (row.userId ? [row.userId] : []));
  if (ids.length === 0) return [];
  // Chunked by learner, so each learner's attempts stay newest first.
  const attempts = await inChunks(ids, (chunk) =>
    db.attempt.findMany({
      where: {
        userId: { in: chunk },
        status: "completed",
        cohortAssessment: { is: { cohortId: cohort.id } },
      },
      orderBy: [{ completedAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        userId: true,
        completedAt: true,
        skillEstimates: { select: { skillId: true, band: true, pMeets: true } },
      },
    }),
  );
  const latest = new Map<string, (typeof attempts)[number]>();
  for (const attempt of attempts)
    if (attempt.userId && !latest.has(attempt.userId)) latest.set(attempt.userId, attempt);
  return [...latest.entries()].map(([userId, attempt]) => ({
    userId,
    resultDate: localDate(attempt.completedAt ?? new Date(), cohort.timeZone),
    skills: new Map(
      attempt.skillEstimates.map((row) => [row.skillId, { band: row.band, pMeets: row.pMeets }]),
    ),
  }));
}

const toRule = (row: Awaited<ReturnType<typeof listRules>>[number]): Rule => ({
  id: row.id,
  skillId: row.skillId,
  belowLevel: row.belowLevel,
  pMeetsBelow: row.pMeetsBelow,
  moduleId: row.moduleId,
  dueDays: row.dueDays,
});

/** What applying the rules now would add (nothing is written). */
export async function pendingAssignments(
  cohort: CohortRef,
  options: { onlyApplied?: boolean; userIds?: readonly string[] } = {},
): Promise<WantedAssignment[]> {
  const rules = (await listRules(cohort.id))
    .filter((rule) => !options.onlyApplied || rule.appliedAt !== null)
    .map(toRule);
  if (rules.length === 0) return [];
  const results = await loadLearnerResults(cohort, options.userIds);
  const select = { userId: true, moduleId: true, waivedAt: true } as const;
  const existing = options.userIds
    ? await inChunks(options.userIds, (chunk) =>
        db.assignment.findMany({ where: { cohortId: cohort.id, userId: { in: chunk } }, select }),
      )
    : await db.assignment.findMany({ where: { cohortId: cohort.id }, select });
  return planApplication(
    evaluateRules(rules, results),
    existing.map((row) => ({ userId: row.userId, moduleId: row.moduleId, isWaived: row.waivedAt !== null })),
  );
}

export async function previewRules(cohort: CohortRef) {
  return previewCounts(await pendingAssignments(cohort));
}

/** Staff apply every rule to every learner with a result; rules become "applied" (late finishers get them too). */
export async function applyRules(cohort: CohortRef, now = new Date()) {
  const toAdd = await pendingAssignments(cohort);
  await writeAssignments(
    cohort,
    toAdd.map((row) => ({ ...row, source: "rule" as const })),
    now,
    [
      db.assignmentRule.updateMany({
        where: { cohortId: cohort.id, appliedAt: null },
        data: { appliedAt: now },
      }),
    ],
  );
  logEvent("info", "cohort.rules-applied", { cohortId: cohort.id, added: toAdd.length });
  return previewCounts(toAdd);
}

/** A learner finished a cohort attempt: the applied rules are evaluated for them alone. */
export async function applyRulesForLearner(
  cohortAssessmentId: string,
  userId: string,
  now = new Date(),
): Promise<number> {
  const window = await db.cohortAssessment.findUnique({
    where: { id: cohortAssessmentId },
    select: {
      cohort: { select: { id: true, name: true, targetRoleId: true, timeZone: true, closedAt: true } },
    },
  });
  if (!window || window.cohort.closedAt) return 0;
  const toAdd = await pendingAssignments(window.cohort, { onlyApplied: true, userIds: [userId] });
  await writeAssignments(
    window.cohort,
    toAdd.map((row) => ({ ...row, source: "rule" as const })),
    now,
  );
  return toAdd.length;
}

type NewAssignment = {
  userId: string;
  moduleId: string;
  dueDate: string;
  ruleId: string | null;
  source: "rule" | "manual";
};

/**
 * Assignments (upserts, so a concurrent duplicate is a no-op) and their items in the learners'
 * plans for the cohort's target role, written together with `also` in one batch transaction:
 * either all of it lands or none. Everything the writes depend on is read first, in four queries
 * whatever the number of rows. A plan is created when absent; a module already in the plan keeps
 * its row (and its done status) and is relabelled; a module done in another of the learner's plans
 * arrives already done; new items go to the end of the plan. Never a second row: (plan, module)
 * is unique.
 */
async function writeAssignments(
  cohort: CohortRef,
  rows: readonly NewAssignment[],
  now: Date,
  also: readonly Prisma.PrismaPromise<unknown>[] = [],
): Promise<void> {
  const graph = getSkillsGraph();
  const userIds = [...new Set(rows.map((row) => row.userId))];
  const moduleIds = [...new Set(rows.map((row) => row.moduleId))];
  const [users, plans, doneItems] =
    rows.length === 0
      ? [[], [], []]
      : await Promise.all([
          inChunks(userIds, (chunk) =>
            db.user.findMany({ where: { id: { in: chunk } }, select: { id: true, hoursPerWeek: true } }),
          ),
          inChunks(userIds, (chunk) =>
            db.learningPlan.findMany({
              where: { userId: { in: chunk }, targetRoleId: cohort.targetRoleId },
              select: { id: true, userId: true, _count: { select: { items: true } } },
            }),
          ),
          // Chunked by learner, so each learner's done items stay oldest first.
          inChunks(userIds, (chunk) =>
            db.planItem.findMany({
              where: {
                moduleId: { in: moduleIds },
                doneAt: { not: null },
                plan: { is: { userId: { in: chunk } } },
              },
              orderBy: { doneAt: "asc" },
              select: { moduleId: true, doneAt: true, plan: { select: { userId: true } } },
            }),
          ),
        ]);
  const planIds = plans.map((plan) => plan.id);
  const itemsInPlans =
    planIds.length === 0
      ? []
      : await inChunks(planIds, (chunk) =>
          db.planItem.findMany({
            where: { planId: { in: chunk }, moduleId: { in: moduleIds } },
            select: { planId: true, moduleId: true },
          }),
        );

  const hoursOf = new Map(users.map((user) => [user.id, user.hoursPerWeek]));
  const planOf = new Map(
    plans.map((plan) => [plan.userId, { id: plan.id, next: plan._count.items, isNew: false }]),
  );
  const inPlan = new Set(itemsInPlans.map((item) => `${item.planId} ${item.moduleId}`));
  const doneAt = new Map<string, Date>();
  for (const item of doneItems)
    if (item.plan.userId && item.doneAt && !doneAt.has(`${item.plan.userId} ${item.moduleId}`))
      doneAt.set(`${item.plan.userId} ${item.moduleId}`, item.doneAt);

  const writes: Prisma.PrismaPromise<unknown>[] = [];
  const startDate = localDate(now, cohort.timeZone);
  for (const row of rows) {
    writes.push(
      db.assignment.upsert({
        where: {
          cohortId_userId_moduleId: { cohortId: cohort.id, userId: row.userId, moduleId: row.moduleId },
        },
        create: {
          cohortId: cohort.id,
          userId: row.userId,
          moduleId: row.moduleId,
          ruleId: row.ruleId,
          source: row.source,
          dueDate: row.dueDate,
        },
        update:
          row.source === "manual"
            ? { waivedAt: null, source: "manual", ruleId: null, dueDate: row.dueDate }
            : {},
      }),
    );
    const learningModule = graph.modules.get(row.moduleId);
    const step = learningModule?.skills[0];
    if (!learningModule || !step || !hoursOf.has(row.userId)) continue;
    let plan = planOf.get(row.userId);
    const byOwner = { userId_targetRoleId: { userId: row.userId, targetRoleId: cohort.targetRoleId } };
    if (!plan) {
      plan = { id: createRowId("p"), next: 0, isNew: true };
      planOf.set(row.userId, plan);
      writes.push(
        db.learningPlan.upsert({
          where: byOwner,
          create: {
            id: plan.id,
            userId: row.userId,
            targetRoleId: cohort.targetRoleId,
            contentHash: graph.contentHash,
            hoursPerWeek: hoursOf.get(row.userId) ?? DEFAULT_HOURS_PER_WEEK,
            timeZone: cohort.timeZone,
            startDate,
          },
          update: {},
        }),
      );
    }
    const key = `${plan.id} ${row.moduleId}`;
    const known = inPlan.has(key);
    inPlan.add(key);
    const assigned = {
      source: "assigned",
      dueDate: new Date(`${row.dueDate}T00:00:00Z`),
      cohortId: cohort.id,
    };
    // Upserts, not a create or an update: the plan may have changed since it was read (a
    // regeneration, or another request creating it — hence the connect by owner for a new plan).
    writes.push(
      db.planItem.upsert({
        where: { planId_moduleId: { planId: plan.id, moduleId: row.moduleId } },
        create: {
          plan: { connect: plan.isNew ? byOwner : { id: plan.id } },
          moduleId: row.moduleId,
          skillId: step.skill,
          fromLevel: step.from,
          toLevel: step.to,
          hours: learningModule.hours,
          position: known ? plan.next : plan.next++,
          doneAt: doneAt.get(`${row.userId} ${row.moduleId}`) ?? null,
          source: assigned.source,
          dueDate: assigned.dueDate,
          cohort: { connect: { id: cohort.id } },
        },
        update: assigned,
      }),
    );
  }
  if (writes.length + also.length > 0) await db.$transaction([...writes, ...also]);
}

/** Staff assign a module to one learner by hand (also un-waives it). False when they are not a joined learner. */
export async function assignManually(
  cohort: CohortRef,
  input: z.infer<typeof ManualAssignSchema>,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; fieldErrors: Record<string, string> } | null> {
  const learner = await db.enrollment.findFirst({
    where: { cohortId: cohort.id, userId: input.userId, role: "learner" },
    select: { id: true },
  });
  if (!learner) return null;
  if (!getSkillsGraph().modules.has(input.moduleId))
    return { ok: false, fieldErrors: { moduleId: "Choose a module from the list." } };
  await writeAssignments(
    cohort,
    [
      {
        userId: input.userId,
        moduleId: input.moduleId,
        dueDate: input.dueDate,
        ruleId: null,
        source: "manual",
      },
    ],
    now,
  );
  return { ok: true };
}

/** Waives one learner's assignment: rules will not make it again; the plan item becomes an ordinary one. */
export async function waiveAssignment(
  cohort: CohortRef,
  assignmentId: string,
  now = new Date(),
): Promise<boolean> {
  const row = await db.assignment.findFirst({
    where: { id: assignmentId, cohortId: cohort.id, waivedAt: null },
    select: { userId: true, moduleId: true },
  });
  if (!row) return false;
  await db.$transaction([
    db.assignment.update({ where: { id: assignmentId }, data: { waivedAt: now } }),
    db.planItem.updateMany({
      where: { moduleId: row.moduleId, cohortId: cohort.id, plan: { is: { userId: row.userId } } },
      data: { source: "generated", dueDate: null, cohortId: null },
    }),
  ]);
  return true;
}
