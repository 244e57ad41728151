import "server-only";
import { levelsForPlanning } from "@/domain/engine/result";
import { generateLearningPlan, isCalendarDate, scheduleWeeks, sumHours } from "@/domain/plan";
import type { SkillsGraph } from "@/domain/skills-graph";
import { localDate } from "./assessment/time";
import { db } from "./db";
import { renderMarkdown } from "./markdown";

/** Hours a week when the person did not say: a realistic evening-and-weekend pace. */
export const DEFAULT_HOURS_PER_WEEK = 5;

interface PlanSource {
  ownerHash: string;
  attemptId: string;
  targetRoleId: string;
  hoursPerWeek: number | null;
  timeZone: string;
  skills: readonly { skillId: string; band: number; targetLevel: number | null; pMeets: number | null }[];
}

/**
 * Creates or regenerates the owner's plan for a target role from a scored attempt. The plan is
 * per owner and role, so a reassessment updates the same plan; modules already done stay done
 * with their dates, and the rest is rescheduled from today in the owner's time zone.
 */
export async function refreshPlan(graph: SkillsGraph, source: PlanSource, now = new Date()): Promise<string> {
  const existing = await db.learningPlan.findUnique({
    where: { anonymousTokenHash_targetRoleId: { anonymousTokenHash: source.ownerHash, targetRoleId: source.targetRoleId } },
    select: { id: true, hoursPerWeek: true, items: { where: { doneAt: { not: null } }, select: { moduleId: true, doneAt: true } } },
  });
  const hoursPerWeek = source.hoursPerWeek ?? existing?.hoursPerWeek ?? DEFAULT_HOURS_PER_WEEK;
  const startDate = localDate(now, source.timeZone);
  const completed = new Map((existing?.items ?? []).map((item) => [item.moduleId, (item.doneAt ?? now).toISOString()]));
  const plan = generateLearningPlan({ graph, targetRoleId: source.targetRoleId, levels: levelsForPlanning(source.skills), hoursPerWeek, startDate, completed });

  const data = { sourceAttemptId: source.attemptId, contentHash: graph.contentHash, hoursPerWeek, timeZone: source.timeZone, startDate };
  const { id: planId } = await db.learningPlan.upsert({
    where: { anonymousTokenHash_targetRoleId: { anonymousTokenHash: source.ownerHash, targetRoleId: source.targetRoleId } },
    create: { ...data, anonymousTokenHash: source.ownerHash, targetRoleId: source.targetRoleId },
    update: data,
    select: { id: true },
  });
  await db.$transaction([
    db.planItem.deleteMany({ where: { planId, doneAt: null } }),
    ...plan.items.map((entry) => {
      const fields = { skillId: entry.skillId, fromLevel: entry.fromLevel, toLevel: entry.toLevel, hours: entry.hours, position: entry.position, week: entry.week };
      return db.planItem.upsert({
        where: { planId_moduleId: { planId, moduleId: entry.moduleId } },
        create: { ...fields, planId, moduleId: entry.moduleId, source: entry.source },
        update: fields,
      });
    }),
  ]);
  return planId;
}

export async function findOwnedPlan(planId: string, ownerHash: string | null) {
  if (!ownerHash) return null;
  return db.learningPlan.findFirst({
    where: { id: planId, anonymousTokenHash: ownerHash },
    select: {
      id: true,
      targetRoleId: true,
      sourceAttemptId: true,
      hoursPerWeek: true,
      timeZone: true,
      startDate: true,
      updatedAt: true,
      contentHash: true,
      items: { orderBy: { position: "asc" }, select: { moduleId: true, skillId: true, fromLevel: true, toLevel: true, hours: true, position: true, week: true, source: true, dueDate: true, doneAt: true } },
    },
  });
}

export async function findPlanIdFor(ownerHash: string, targetRoleId: string): Promise<string | null> {
  const plan = await db.learningPlan.findUnique({
    where: { anonymousTokenHash_targetRoleId: { anonymousTokenHash: ownerHash, targetRoleId } },
    select: { id: true },
  });
  return plan?.id ?? null;
}

/** Marks one module done or not done; false when the plan is not the owner's (or has no such module). */
export async function setPlanItemDone(planId: string, moduleId: string, ownerHash: string, isDone: boolean, now = new Date()): Promise<boolean> {
  const { count } = await db.planItem.updateMany({
    where: { planId, moduleId, plan: { anonymousTokenHash: ownerHash } },
    data: { doneAt: isDone ? now : null },
  });
  return count === 1;
}

/** Changes the study pace; the schedule is recomputed from it on the next render. */
export async function setPlanHours(planId: string, ownerHash: string, hoursPerWeek: number): Promise<boolean> {
  const { count } = await db.learningPlan.updateMany({ where: { id: planId, anonymousTokenHash: ownerHash }, data: { hoursPerWeek } });
  return count === 1;
}

/**
 * The plan as the plan page shows it: modules in order with their content details, and the
 * week-by-week schedule of what is not done yet, recomputed from today's state of the items.
 */
export async function loadPlan(planId: string, ownerHash: string | null, graph: SkillsGraph) {
  const plan = await findOwnedPlan(planId, ownerHash);
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
    };
  });
  const pending = items.filter((item) => !item.isDone);
  const startDate = isCalendarDate(plan.startDate) ? plan.startDate : localDate(plan.updatedAt, plan.timeZone);
  const { weeks, startWeeks } = scheduleWeeks(pending, plan.hoursPerWeek, startDate);
  return {
    ...plan,
    startDate,
    targetTitle: graph.roles.get(plan.targetRoleId)?.title ?? plan.targetRoleId,
    items: items.map((item) => ({ ...item, week: startWeeks.get(item.moduleId) ?? null })),
    weeks,
    totalHours: sumHours(items),
    remainingHours: sumHours(pending),
    doneCount: items.length - pending.length,
  };
}

export type PlanView = NonNullable<Awaited<ReturnType<typeof loadPlan>>>;
