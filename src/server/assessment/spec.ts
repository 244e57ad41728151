import "server-only";
import type { AttemptSpec } from "@/domain/engine/assess";
import { isSelfRatingLevel, type SelfRating } from "@/domain/engine/self-rating";
import type { AttemptRow } from "../attempts";
import type { StoredSelfRating } from "../self-ratings";

/** The attempt columns a replay reads (AttemptRow has them all; the rescore reads only these). */
export type SpecSource = Pick<
  AttemptRow,
  | "currentRoleId"
  | "targetRoleId"
  | "engineSeed"
  | "budget"
  | "seenQuestionIds"
  | "selfRatingStep"
  | "selfRatingBiasMean"
  | "selfRatingBiasSd"
  | "selfRatingNoiseSd"
>;

/** The Attempt columns (and self-ratings) a replay's prior reads, as a Prisma select. */
export const specSourceSelect = {
  currentRoleId: true,
  targetRoleId: true,
  engineSeed: true,
  budget: true,
  seenQuestionIds: true,
  selfRatingStep: true,
  selfRatingBiasMean: true,
  selfRatingBiasSd: true,
  selfRatingNoiseSd: true,
  selfRatings: { select: { skillId: true, level: true }, orderBy: { skillId: "asc" } },
} as const;

/**
 * What the engine replays an attempt from, besides its answers: with the self-ratings the person
 * gave ("not sure" carries no evidence, so it is left out) and the model values the attempt recorded.
 * Attempts from before self-ratings have neither and replay exactly as they always did.
 */
export function specOf(attempt: SpecSource, selfRatings: readonly StoredSelfRating[] = []): AttemptSpec {
  const spec: AttemptSpec = {
    currentRoleId: attempt.currentRoleId,
    targetRoleId: attempt.targetRoleId,
    seed: attempt.engineSeed,
    budget: attempt.budget,
    seenBefore: new Set(JSON.parse(attempt.seenQuestionIds) as string[]),
  };
  const ratings = attempt.selfRatingStep === "done" ? ratedLevels(selfRatings) : [];
  if (
    ratings.length === 0 ||
    attempt.selfRatingBiasMean === null ||
    attempt.selfRatingBiasSd === null ||
    attempt.selfRatingNoiseSd === null
  )
    return spec;
  return {
    ...spec,
    selfRatings: ratings,
    selfRatingModel: {
      biasMean: attempt.selfRatingBiasMean,
      biasSd: attempt.selfRatingBiasSd,
      noiseSd: attempt.selfRatingNoiseSd,
    },
  };
}

function ratedLevels(rows: readonly StoredSelfRating[]): SelfRating[] {
  return rows.flatMap((row) =>
    isSelfRatingLevel(row.level) ? [{ skillId: row.skillId, level: row.level }] : [],
  );
}
