import type { Role } from "./content/types";
import { isCalendarDate } from "./plan/calendar";
import { scheduleWeeks, sumHours, type PlanWeek } from "./plan/schedule";
import { cheapestModulePath, compareIds, MAX_LEVEL, stepOf, type SkillsGraph } from "./skills-graph";

export { addDays, isCalendarDate } from "./plan/calendar";
export type { PlanWeek } from "./plan/schedule";
export { scheduleWeeks, sumHours } from "./plan/schedule";
export { DETAILED_WEEKS, outlineWeeks, type PlanMonth, type PlanOutline } from "./plan/outline";

export const HOURS_PER_WEEK = { min: 1, max: 40 } as const;

export interface PlanInput {
  graph: SkillsGraph;
  /** A live role id, or a retired one that `replaces` maps to a live role. */
  targetRoleId: string;
  /**
   * Estimated current level per skill id (0–4); skills missing count as 0. Fractions round down
   * (1.6 has not reached level 2 yet) and values are clamped to 0–4.
   */
  levels: ReadonlyMap<string, number>;
  /**
   * Skills the person answered at least one question on. Only these are planned: an estimate
   * without an answer is inferred from related skills, so its gap is offered as "check first".
   */
  evidence: ReadonlySet<string>;
  /** 1–40; fractions such as 7.5 are fine. */
  hoursPerWeek: number;
  /** First day of the plan as a calendar date in the person's time zone, "YYYY-MM-DD". */
  startDate: string;
  /**
   * Modules the person already completed, with the date they marked them done ("YYYY-MM-DD" or
   * ISO string); kept whatever the gaps now are. The date is passed through unchanged.
   */
  completed: ReadonlyMap<string, string>;
}

export interface PlanEntry {
  moduleId: string;
  title: string;
  /** The gap skill the module was chosen for; for kept history, its first step's skill ("" when gone). */
  skillId: string;
  fromLevel: number;
  toLevel: number;
  hours: number;
  /** 0-based order in the plan. */
  position: number;
  /** 1-based week the module starts in; null when already done. */
  week: number | null;
  doneAt: string | null;
  source: "generated";
}

export interface UncoveredGap {
  skillId: string;
  fromLevel: number;
  toLevel: number;
}

/** A required skill the quiz did not ask about whose inferred level is below the target. */
export interface SkillToCheck {
  skillId: string;
  /** The level inferred from related skills; not measured. */
  estimatedLevel: number;
  targetLevel: number;
}

export interface LearningPlan {
  items: PlanEntry[];
  /** Hours of every module in the plan, done or not, each module counted once. */
  totalHours: number;
  /** Hours of the modules not done yet; what the weeks schedule. */
  remainingHours: number;
  weeks: PlanWeek[];
  /** Gaps the catalogue has no module path for; nothing is planned for them. */
  uncovered: UncoveredGap[];
  /** Possible gaps without evidence: offered to check first, never scheduled. */
  checkFirst: SkillToCheck[];
}

type DraftEntry = Pick<PlanEntry, "moduleId" | "title" | "skillId" | "fromLevel" | "toLevel" | "hours">;

/**
 * Turns the gaps between someone's levels and a target role into an ordered, scheduled list of
 * modules. Only gaps with evidence (at least one answer on the skill) are planned; the others are
 * returned as `checkFirst`. Prerequisites come first (skills in topological order, then by level), each module
 * appears once, and completed modules are always kept so that regenerating never loses progress.
 * Pure and deterministic: "today" is `startDate`, never the clock.
 */
export function generateLearningPlan(input: PlanInput): LearningPlan {
  checkScheduleInput(input.hoursPerWeek, input.startDate);
  const role = resolveRole(input.graph, input.targetRoleId);
  const { drafts, uncovered } = chooseModules(input.graph, role, input.levels, input.evidence);

  const chosen = new Set(drafts.map((draft) => draft.moduleId));
  const history = [...input.completed]
    .filter(([moduleId]) => !chosen.has(moduleId))
    // Oldest first; "YYYY-MM-DD" and ISO timestamps both sort by date as plain text.
    .sort(([idA, doneA], [idB, doneB]) => compareIds(doneA, doneB) || compareIds(idA, idB))
    .map(([moduleId]) => draftHistoryEntry(input.graph, moduleId));

  const ordered = [...history, ...drafts];
  const pending = ordered.filter((draft) => !input.completed.has(draft.moduleId));
  const { startWeeks, weeks } = scheduleWeeks(pending, input.hoursPerWeek, input.startDate);

  const items = ordered.map((draft, position): PlanEntry => ({
    ...draft,
    position,
    week: startWeeks.get(draft.moduleId) ?? null,
    doneAt: input.completed.get(draft.moduleId) ?? null,
    source: "generated",
  }));
  return {
    items,
    totalHours: sumHours(ordered),
    remainingHours: sumHours(pending),
    weeks,
    uncovered,
    checkFirst: skillsToCheckFirst(input.graph, input.targetRoleId, input.levels, input.evidence),
  };
}

/**
 * The role's required skills the person was not asked about and whose inferred level is below the
 * target, prerequisites first: what the plan would have scheduled without evidence.
 */
export function skillsToCheckFirst(
  graph: SkillsGraph,
  targetRoleId: string,
  levels: ReadonlyMap<string, number>,
  evidence: ReadonlySet<string>,
): SkillToCheck[] {
  return requirementsInOrder(graph, resolveRole(graph, targetRoleId))
    .filter(({ skill }) => !evidence.has(skill))
    .map(({ skill, level }) => ({
      skillId: skill,
      estimatedLevel: readLevel(levels, skill),
      targetLevel: level,
    }))
    .filter((entry) => entry.estimatedLevel < entry.targetLevel);
}

/** The role's requirements, skills in topological order (unknown skills last), ties by id. */
function requirementsInOrder(graph: SkillsGraph, role: Role) {
  const rank = new Map(graph.topologicalOrder.map((skillId, index) => [skillId, index]));
  // A skill missing from the graph (unvalidated content) sorts last and ends up uncovered.
  return [...role.requires].sort(
    (a, b) =>
      (rank.get(a.skill) ?? Infinity) - (rank.get(b.skill) ?? Infinity) || compareIds(a.skill, b.skill),
  );
}

function checkScheduleInput(hoursPerWeek: number, startDate: string): void {
  const { min, max } = HOURS_PER_WEEK;
  if (
    typeof hoursPerWeek !== "number" ||
    !Number.isFinite(hoursPerWeek) ||
    hoursPerWeek < min ||
    hoursPerWeek > max
  ) {
    throw new RangeError(
      `hoursPerWeek must be a number of hours from ${min} to ${max}, got ${String(hoursPerWeek)}`,
    );
  }
  if (!isCalendarDate(startDate)) {
    throw new RangeError(
      `startDate must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(startDate)}`,
    );
  }
}

function resolveRole(graph: SkillsGraph, roleId: string): Role {
  const role = graph.roles.get(roleId) ?? graph.roles.get(graph.retiredIds.roles.get(roleId) ?? "");
  if (!role) throw new RangeError(`unknown target role ${JSON.stringify(roleId)}`);
  return role;
}

/**
 * The cheapest module path for every gap with evidence, gap skills in topological order so a prerequisite's
 * modules come before its dependants' whatever their weight. A module on two paths stays at its
 * first place. Paths are chosen per skill; a module lifting two gap skills is not preferred for it.
 */
function chooseModules(
  graph: SkillsGraph,
  role: Role,
  levels: ReadonlyMap<string, number>,
  evidence: ReadonlySet<string>,
) {
  const requirements = requirementsInOrder(graph, role).filter(({ skill }) => evidence.has(skill));
  const drafts: DraftEntry[] = [];
  const uncovered: UncoveredGap[] = [];
  const seen = new Set<string>();
  for (const { skill: skillId, level: target } of requirements) {
    const current = readLevel(levels, skillId);
    if (current >= target) continue;
    const path = cheapestModulePath(graph, skillId, current, target);
    if (!path) {
      uncovered.push({ skillId, fromLevel: current, toLevel: target });
      continue;
    }
    // The path climbs level by level, so each module starts where the previous one ended.
    let level = current;
    for (const mod of path.modules) {
      const reach = Math.min(stepOf(mod, skillId)?.to ?? target, target);
      if (!seen.has(mod.id)) {
        seen.add(mod.id);
        drafts.push({
          moduleId: mod.id,
          title: mod.title,
          skillId,
          fromLevel: level,
          toLevel: reach,
          hours: mod.hours,
        });
      }
      level = reach;
    }
  }
  return { drafts, uncovered };
}

function readLevel(levels: ReadonlyMap<string, number>, skillId: string): number {
  const level = levels.get(skillId) ?? 0;
  // cheapestModulePath indexes levels, so it needs a whole number within 0–4.
  return Number.isFinite(level) ? Math.min(MAX_LEVEL, Math.max(0, Math.floor(level))) : 0;
}

/** A completed module the plan no longer needs: history, shown done at the start. */
function draftHistoryEntry(graph: SkillsGraph, moduleId: string): DraftEntry {
  const mod = graph.modules.get(moduleId);
  // Content no longer has the module (deleted or renamed). The person's record is kept with the
  // only thing still known, its id; 0 hours and no skill so it neither inflates totals nor
  // claims a gap it no longer describes.
  if (!mod) return { moduleId, title: moduleId, skillId: "", fromLevel: 0, toLevel: 0, hours: 0 };
  const step = mod.skills[0];
  return {
    moduleId,
    title: mod.title,
    skillId: step?.skill ?? "",
    fromLevel: step?.from ?? 0,
    toLevel: step?.to ?? 0,
    hours: mod.hours,
  };
}
