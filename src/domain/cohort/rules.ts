import { addDays } from "../plan/calendar";

/**
 * Assignment rules, pure: "if `skill` is below level N (or P(meets) < x) then assign module M,
 * due D days after the result". Evaluating the rules against each learner's latest cohort result
 * gives the wanted assignments; applying is a diff against what exists, so re-applying is a no-op
 * and a waived assignment is never made again.
 */
export interface Rule {
  id: string;
  skillId: string;
  /** Fires when the most likely level band is below this (1–4). */
  belowLevel: number | null;
  /** Fires when P(meets target) is below this (0–1); never for a skill the role does not require. */
  pMeetsBelow: number | null;
  moduleId: string;
  dueDays: number;
}

export interface LearnerResult {
  userId: string;
  /** The result's own calendar date in the cohort's time zone (due dates count from it). */
  resultDate: string;
  skills: ReadonlyMap<string, { band: number; pMeets: number | null }>;
}

export interface ExistingAssignment {
  userId: string;
  moduleId: string;
  isWaived: boolean;
}

export interface WantedAssignment {
  userId: string;
  moduleId: string;
  ruleId: string;
  dueDate: string;
}

export function ruleFires(rule: Rule, skill: { band: number; pMeets: number | null } | undefined): boolean {
  if (!skill) return false;
  if (rule.belowLevel !== null) return skill.band < rule.belowLevel;
  if (rule.pMeetsBelow !== null) return skill.pMeets !== null && skill.pMeets < rule.pMeetsBelow;
  return false;
}

/** Every (learner, module) the rules ask for; when two rules want one module, the earlier due date wins. */
export function evaluateRules(
  rules: readonly Rule[],
  learners: readonly LearnerResult[],
): WantedAssignment[] {
  const wanted = new Map<string, WantedAssignment>();
  for (const learner of learners) {
    for (const rule of rules) {
      if (!ruleFires(rule, learner.skills.get(rule.skillId))) continue;
      const candidate = {
        userId: learner.userId,
        moduleId: rule.moduleId,
        ruleId: rule.id,
        dueDate: addDays(learner.resultDate, rule.dueDays),
      };
      const key = `${learner.userId}\u0000${rule.moduleId}`;
      const current = wanted.get(key);
      if (!current || candidate.dueDate < current.dueDate) wanted.set(key, candidate);
    }
  }
  return [...wanted.values()];
}

/** What applying adds: wanted assignments that do not exist yet (waived ones count as existing). */
export function planApplication(
  wanted: readonly WantedAssignment[],
  existing: readonly ExistingAssignment[],
): WantedAssignment[] {
  const taken = new Set(existing.map((row) => `${row.userId}\u0000${row.moduleId}`));
  return wanted.filter((row) => !taken.has(`${row.userId}\u0000${row.moduleId}`));
}

export interface RulePreview {
  modules: number;
  learners: number;
}

export function previewCounts(toAdd: readonly WantedAssignment[]): RulePreview {
  return { modules: toAdd.length, learners: new Set(toAdd.map((row) => row.userId)).size };
}

/**
 * Applying changes something when it assigns a module now, or when a rule not applied yet would
 * start reaching learners who finish later (only applied rules do). The preview says which.
 */
export function hasSomethingToApply({ modules }: RulePreview, newRules: number): boolean {
  return modules > 0 || newRules > 0;
}

export function describePreview({ modules, learners }: RulePreview, newRules = 0): string {
  const rules = newRules === 1 ? "the new rule" : `the ${newRules} new rules`;
  if (modules === 0)
    return newRules === 0
      ? "Applying the rules now would assign nothing new."
      : `Applying the rules now would assign no module yet, and would start ${rules} for learners who finish later.`;
  const now = `This will assign ${modules} ${modules === 1 ? "module" : "modules"} to ${learners} ${learners === 1 ? "learner" : "learners"}.`;
  return newRules === 0 ? now : `${now} Learners who finish later get ${rules} too.`;
}
