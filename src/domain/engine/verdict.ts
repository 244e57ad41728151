/**
 * How a probability becomes words and calls: one definition for the results page, the plan, team
 * and cohort dashboards and the benchmarks (docs/decisions/004-assessment-engine.md, "Verdicts").
 */

/** A required skill "meets" its target when P(meets target) is at least this; below it, it is a gap. */
export const MEETS_THRESHOLD = 0.5;

/**
 * The bands of a probability — P(meets) for one skill, readiness (P(all core skills meet)) for a
 * role. At or above LIKELY the call is decisive for yes, at or below UNLIKELY decisive for no, and
 * in between it is honestly undecided. VERY_LIKELY / VERY_UNLIKELY are the same cut-offs as the
 * 80 % level band (≥ 0.9 and > 0.1), so "very likely" means what the band means.
 */
export const CHANCE_BANDS = { veryLikely: 0.9, likely: 0.7, unlikely: 0.3, veryUnlikely: 0.1 } as const;

export type Chance = "very-likely" | "likely" | "undecided" | "unlikely" | "very-unlikely";

/** The band of a probability: ≥ 0.9, ≥ 0.7, above 0.3, above 0.1, and the rest. */
export function chanceOf(p: number): Chance {
  if (p >= CHANCE_BANDS.veryLikely) return "very-likely";
  if (p >= CHANCE_BANDS.likely) return "likely";
  if (p > CHANCE_BANDS.unlikely) return "undecided";
  if (p > CHANCE_BANDS.veryUnlikely) return "unlikely";
  return "very-unlikely";
}

/**
 * A missing probability (a skill with no estimate: content changed since the attempt, or a row
 * that is not a requirement) is neither "meets" nor "below": no call is made without an estimate,
 * so it is never counted as met — nor listed as a gap the result cannot locate.
 */
type Probability = number | null | undefined;

/** The skill likely meets its target (P ≥ MEETS_THRESHOLD); false without an estimate. */
export function meetsTarget(p: Probability): boolean {
  return p !== null && p !== undefined && p >= MEETS_THRESHOLD;
}

/** The skill likely falls short of its target (P < MEETS_THRESHOLD); false without an estimate. */
export function belowTarget(p: Probability): boolean {
  return p !== null && p !== undefined && p < MEETS_THRESHOLD;
}

export type Verdict = "ready" | "uncertain" | "not-yet";

/** The role verdict from readiness: decisive either way, or honestly undecided in between. */
export function verdictOf(readiness: number): Verdict {
  const chance = chanceOf(readiness);
  if (chance === "very-likely" || chance === "likely") return "ready";
  if (chance === "undecided") return "uncertain";
  return "not-yet";
}
