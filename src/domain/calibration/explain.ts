import type { UsePolicy } from "./calibrate";
import { DRIFT, type DriftReason } from "./drift";
import type { ItemEstimate } from "./estimate";

/**
 * Why a set does not use an item, in the terms of its own thresholds (isUsable in calibrate.ts
 * says only whether): for the admin pages, which show a maintainer what an item still needs.
 * Pure; the same three conditions as isUsable, each named.
 */
export type NotUsedReason = "responses" | "difficulty-se" | "discrimination-se";

export function notUsedReasons(
  estimate: Pick<ItemEstimate, "n" | "difficultySe" | "discrimination" | "discriminationSe">,
  policy: UsePolicy,
): NotUsedReason[] {
  const reasons: NotUsedReason[] = [];
  if (estimate.n < policy.minResponses) reasons.push("responses");
  if (!(estimate.difficultySe <= policy.maxDifficultySe)) reasons.push("difficulty-se");
  if (!(estimate.discriminationSe <= policy.maxRelativeDiscriminationSe * estimate.discrimination))
    reasons.push("discrimination-se");
  return reasons;
}

const decimal = (value: number) => value.toFixed(2);

/** One reason in words, with the item's figure next to the set's bound. */
export function describeNotUsed(
  reason: NotUsedReason,
  estimate: Pick<ItemEstimate, "n" | "difficultySe" | "discrimination" | "discriminationSe">,
  policy: UsePolicy,
): string {
  switch (reason) {
    case "responses":
      return `too few responses (${estimate.n} of the ${policy.minResponses} the set requires)`;
    case "difficulty-se":
      return `difficulty standard error ${decimal(estimate.difficultySe)} is above the set's bound of ${decimal(policy.maxDifficultySe)}`;
    case "discrimination-se":
      return `discrimination standard error ${decimal(estimate.discriminationSe)} is above the set's bound of ${decimal(policy.maxRelativeDiscriminationSe * estimate.discrimination)} (${policy.maxRelativeDiscriminationSe} × the estimate)`;
  }
}

/** A drift reason in words: what the answers say against the level's claim (drift.ts). */
export const DRIFT_WORDS: Record<DriftReason, string> = {
  difficulty: `difficulty moved more than ${DRIFT.shift} logits from what its level claims`,
  discrimination: `discrimination below ${DRIFT.discrimination}: it measures less than half what its level assumes`,
};

/** Reads a stored drift column (a JSON array); anything else is no drift. */
export function parseDrift(text: string): DriftReason[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value)
      ? value.filter(
          (reason): reason is DriftReason => reason === "difficulty" || reason === "discrimination",
        )
      : [];
  } catch {
    return [];
  }
}
