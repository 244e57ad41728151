/**
 * What a team's managers may see in aggregate, computed from the latest finished team attempt of
 * each member who may count (see eligibility.ts: never owners or managers) and allows aggregation.
 * Pure: rows in, view model out.
 *
 * Privacy rule (k-anonymity, k = 5): with fewer than five contributors no aggregate is returned.
 * How many contribute is not secret (decision 007: every member sees it next to the member list),
 * but it is not part of the aggregate. A skill "meets" for a person by the engine's one rule
 * (`meetsTarget` in ../engine/verdict.ts), the same call the person's own results page makes.
 */
import { meetsTarget } from "../engine/verdict";
import { ratingGap } from "../self-rating";

export const MIN_CONTRIBUTORS = 5;
export const LEVELS = [0, 1, 2, 3, 4] as const;

export interface Requirement {
  skillId: string;
  level: number;
  weight: "core" | "supporting";
}

export interface SkillResult {
  band: number;
  pMeets: number | null;
  /** The 80 % band and the person's own rating (null: not sure; absent: not rated), for self-rating shares. */
  bandLow?: number;
  bandHigh?: number;
  selfRating?: number | null;
}

export interface Contribution {
  /** Per required skill; a skill missing here counts as "not measured" for that person. */
  skills: ReadonlyMap<string, SkillResult>;
}

export interface SkillCoverage {
  skillId: string;
  targetLevel: number;
  weight: "core" | "supporting";
  /** People per most-likely level 0–4 (the heatmap row). */
  levelCounts: number[];
  /** People who likely meet the target level. */
  meeting: number;
  /** People who likely do not: what a gap blocks. */
  blocked: number;
  /** Fewer than two people at target: one departure leaves nobody (or nobody yet). */
  isBusFactorRisk: boolean;
  /**
   * How the contributors who rated this skill compare with their measurement (src/domain/self-rating.ts):
   * how many rated it, how many over-rate it (blind spot) and under-rate it (hidden strength).
   * Null unless at least `minimum` contributors rated it: fewer raters could point at a person.
   */
  selfRating: { rated: number; over: number; under: number } | null;
}

export type TeamAggregate =
  | { kind: "suppressed"; minimum: number }
  | {
      kind: "shown";
      contributors: number;
      skills: SkillCoverage[];
      busFactorSkills: string[];
      /** Required skills with at least one person blocked, most people blocked first (core before supporting on ties). */
      gaps: { skillId: string; blocked: number; weight: "core" | "supporting" }[];
      /** People who likely meet every core requirement. */
      readyCount: number;
    };

export function aggregateTeam(
  requirements: readonly Requirement[],
  contributions: readonly Contribution[],
  minimum = MIN_CONTRIBUTORS,
): TeamAggregate {
  if (contributions.length < minimum) return { kind: "suppressed", minimum };
  const skills = requirements.map((requirement): SkillCoverage => {
    const levelCounts = LEVELS.map(() => 0);
    let meeting = 0;
    for (const contribution of contributions) {
      const result = contribution.skills.get(requirement.skillId);
      if (result) {
        const level = Math.max(0, Math.min(4, Math.round(result.band)));
        levelCounts[level] = (levelCounts[level] ?? 0) + 1;
      }
      if (meetsTarget(result?.pMeets)) meeting += 1;
    }
    let rated = 0;
    let over = 0;
    let under = 0;
    for (const contribution of contributions) {
      const result = contribution.skills.get(requirement.skillId);
      const rating = result?.selfRating;
      if (!result || rating === null || rating === undefined) continue;
      rated += 1;
      const gap = ratingGap(rating, {
        level: result.band,
        low: result.bandLow ?? result.band,
        high: result.bandHigh ?? result.band,
      });
      if (gap === "blindSpot") over += 1;
      else if (gap === "hiddenStrength") under += 1;
    }
    return {
      skillId: requirement.skillId,
      targetLevel: requirement.level,
      weight: requirement.weight,
      levelCounts,
      meeting,
      blocked: contributions.length - meeting,
      isBusFactorRisk: meeting < 2,
      selfRating: rated >= minimum ? { rated, over, under } : null,
    };
  });
  const weightRank = (weight: string) => (weight === "core" ? 0 : 1);
  const gaps = skills
    .filter((skill) => skill.blocked > 0)
    .map((skill) => ({ skillId: skill.skillId, blocked: skill.blocked, weight: skill.weight }))
    .sort(
      (a, b) =>
        b.blocked - a.blocked ||
        weightRank(a.weight) - weightRank(b.weight) ||
        a.skillId.localeCompare(b.skillId),
    );
  const core = requirements.filter((requirement) => requirement.weight === "core");
  const readyCount = contributions.filter((contribution) =>
    core.every((requirement) => meetsTarget(contribution.skills.get(requirement.skillId)?.pMeets)),
  ).length;
  return {
    kind: "shown",
    contributors: contributions.length,
    skills,
    busFactorSkills: skills.filter((skill) => skill.isBusFactorRisk).map((skill) => skill.skillId),
    gaps,
    readyCount,
  };
}

export interface RoundContributions {
  roundId: string;
  name: string;
  openedAt: Date;
  contributions: readonly Contribution[];
}

/** Coverage per round, oldest first; a round with fewer than `minimum` contributors shows nothing. */
export function teamTrend(
  requirements: readonly Requirement[],
  rounds: readonly RoundContributions[],
  minimum = MIN_CONTRIBUTORS,
) {
  return [...rounds]
    .sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime())
    .map((round) => ({
      roundId: round.roundId,
      name: round.name,
      openedAt: round.openedAt,
      aggregate: aggregateTeam(requirements, round.contributions, minimum),
    }));
}
