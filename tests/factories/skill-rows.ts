import type { SkillRow } from "@/server/results";

/** One results row (a core Python skill, level 2 of a target 3, unrated) with `overrides` applied. */
export const skillRow = (overrides: Partial<SkillRow> = {}): SkillRow => ({
  skillId: "python",
  title: "Python",
  isCore: true,
  targetLevel: 3,
  level: 2,
  low: 1,
  high: 3,
  pMeets: 0.24,
  answerCount: 2,
  movedBy: [],
  inferredFrom: [],
  previous: null,
  selfRating: null,
  ...overrides,
});
