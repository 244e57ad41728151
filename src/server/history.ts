import "server-only";
import { sumHours } from "@/domain/plan";
import { summariseRatingGaps, type RatingGapSummary } from "@/domain/self-rating";
import { getSkillsGraph } from "./content-loader";
import { db } from "./db";

/**
 * A signed-in user's history for /me: every attempt and plan, and how each required skill moved
 * across reassessments for the same target role. Titles come from today's content; an id that
 * content no longer has is shown as the id.
 */
export async function listHistory(userId: string) {
  const graph = getSkillsGraph();
  const roleTitle = (id: string) => graph.roles.get(id)?.title ?? id;
  const [attempts, plans] = await Promise.all([
    db.attempt.findMany({
      where: { userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        currentRoleId: true,
        targetRoleId: true,
        status: true,
        readiness: true,
        createdAt: true,
        completedAt: true,
        _count: { select: { answers: true } },
      },
    }),
    db.learningPlan.findMany({
      where: { userId },
      // A reassessment regenerates the role's plan in place: the plan touched last is the newest.
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        targetRoleId: true,
        updatedAt: true,
        items: { select: { moduleId: true, hours: true, doneAt: true } },
      },
    }),
  ]);
  return {
    attempts: attempts.map(({ _count, ...attempt }) => ({
      ...attempt,
      from: attempt.currentRoleId
        ? { id: attempt.currentRoleId, title: roleTitle(attempt.currentRoleId) }
        : null,
      to: { id: attempt.targetRoleId, title: roleTitle(attempt.targetRoleId) },
      answered: _count.answers,
    })),
    plans: plans.map((plan) => {
      const pending = plan.items.filter((item) => item.doneAt === null);
      return {
        id: plan.id,
        targetRoleId: plan.targetRoleId,
        targetTitle: roleTitle(plan.targetRoleId),
        updatedAt: plan.updatedAt,
        doneCount: plan.items.length - pending.length,
        totalCount: plan.items.length,
        remainingHours: sumHours(pending),
      };
    }),
  };
}

export type History = Awaited<ReturnType<typeof listHistory>>;
export type HistoryAttempt = History["attempts"][number];
export type HistoryPlan = History["plans"][number];

export interface ProgressPoint {
  band: number;
  bandLow: number;
  bandHigh: number;
  pMeets: number | null;
  targetLevel: number | null;
  isAssessed: boolean;
}

export interface RoleProgress {
  roleId: string;
  title: string;
  /** The zone of the latest attempt (the person's browser then): the chart's dates and times are read in it. */
  timeZone: string;
  /** Completed attempts for this role, oldest first (the x axis). */
  attempts: { id: string; completedAt: Date; readiness: number | null }[];
  /** Skills any of those attempts scored against a target level; `points[i]` belongs to `attempts[i]`. */
  skills: { skillId: string; title: string; isCore: boolean; points: (ProgressPoint | null)[] }[];
  /**
   * Per attempt (as `attempts`), how the person's own ratings compared with what was measured
   * (src/domain/self-rating.ts); null for an attempt without ratings (skipped, or from before them).
   */
  selfRatingGaps: (RatingGapSummary | null)[];
}

/**
 * Per target role with at least one completed attempt: each required skill's estimate at every
 * completed attempt. A skill's point is null for an attempt that did not score it (content
 * changed between the two), never a made-up zero. Roles are ordered by their latest attempt.
 */
export async function progressByRole(userId: string): Promise<RoleProgress[]> {
  const graph = getSkillsGraph();
  const attempts = await db.attempt.findMany({
    where: { userId, status: "completed", completedAt: { not: null } },
    orderBy: [{ completedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      targetRoleId: true,
      completedAt: true,
      readiness: true,
      timeZone: true,
      selfRatingStep: true,
      selfRatings: { select: { skillId: true, level: true } },
      skillEstimates: {
        where: { targetLevel: { not: null } },
        select: {
          skillId: true,
          band: true,
          bandLow: true,
          bandHigh: true,
          pMeets: true,
          targetLevel: true,
          isAssessed: true,
        },
      },
    },
  });
  const byRole = new Map<string, typeof attempts>();
  for (const attempt of attempts)
    byRole.set(attempt.targetRoleId, [...(byRole.get(attempt.targetRoleId) ?? []), attempt]);

  const topological = new Map(graph.topologicalOrder.map((id, index) => [id, index]));
  const progress = [...byRole].map(([roleId, series]): RoleProgress & { latest: number } => {
    const role = graph.roles.get(roleId);
    const core = new Set(
      (role?.requires ?? [])
        .filter((requirement) => requirement.weight === "core")
        .map((requirement) => requirement.skill),
    );
    const skillIds = [
      ...new Set(series.flatMap((attempt) => attempt.skillEstimates.map((estimate) => estimate.skillId))),
    ].sort(
      (a, b) =>
        Number(core.has(b)) - Number(core.has(a)) ||
        (topological.get(a) ?? Infinity) - (topological.get(b) ?? Infinity) ||
        a.localeCompare(b),
    );
    const estimates = series.map(
      (attempt) => new Map(attempt.skillEstimates.map(({ skillId, ...point }) => [skillId, point])),
    );
    return {
      roleId,
      title: role?.title ?? roleId,
      timeZone: series.at(-1)?.timeZone ?? "UTC",
      // completedAt is filtered to non-null in the query above.
      attempts: series.map((attempt) => ({
        id: attempt.id,
        completedAt: attempt.completedAt ?? new Date(0),
        readiness: attempt.readiness,
      })),
      skills: skillIds.map((skillId) => ({
        skillId,
        title: graph.skills.get(skillId)?.title ?? skillId,
        isCore: core.has(skillId),
        points: estimates.map((bySkill) => bySkill.get(skillId) ?? null),
      })),
      selfRatingGaps: series.map((attempt, index) => ratingGapsOf(attempt, estimates[index])),
      latest: series.at(-1)?.completedAt?.getTime() ?? 0,
    };
  });
  return progress.sort((a, b) => b.latest - a.latest).map(({ latest: _latest, ...role }) => role);
}

function ratingGapsOf(
  attempt: { selfRatingStep: string; selfRatings: { skillId: string; level: number | null }[] },
  estimates: ReadonlyMap<string, { band: number; bandLow: number; bandHigh: number }> | undefined,
): RatingGapSummary | null {
  if (attempt.selfRatingStep !== "done") return null;
  const rated = attempt.selfRatings.flatMap((rating) => {
    const estimate = estimates?.get(rating.skillId);
    return estimate
      ? [
          {
            rating: rating.level,
            band: { level: estimate.band, low: estimate.bandLow, high: estimate.bandHigh },
          },
        ]
      : [];
  });
  const summary = summariseRatingGaps(rated);
  return summary.rated === 0 ? null : summary;
}
