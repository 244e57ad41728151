import type { ItemParameters } from "../engine/model";
import type { ItemEstimate } from "./estimate";

/**
 * Drift (docs/decisions/013-calibration.md): an item is listed for review when the data's own
 * estimate puts its difficulty more than 0.5 logits from nominal (calibrate.ts,
 * DIFFICULTY_EVIDENCE_PRIOR: flat on difficulty, the engine's prior on the slope) or its
 * discrimination below 0.3 (EVIDENCE_PRIOR, flat on both) — judged with the standard error, so that an item is not listed on
 * noise: the move must exceed 0.5 and lie `z` standard errors beyond `DRIFT.credibleShift`, a move
 * that matters. For discrimination the data's estimate leans high (the abilities it is fitted
 * against are posteriors from a short quiz; bench:calibration measured +5 to +17 % on log a even
 * with the true parameters behind them), so a weak item rarely estimates below 0.3: it is listed
 * when 0.3 lies within z standard errors of the estimate or above it (estimate − z · SE < 0.3) and
 * its upper bound (estimate + z · SE) is below half the nominal discrimination — an item that
 * measures less than half what its level assumes and may measure almost nothing. Measured on
 * bench:calibration seeds 1–3 against "estimate below 0.3": drift recall 0.95 / 0.83 / 0.81
 * instead of 0.95 / 0.75 / 0.81, precision 0.94 / 0.98 / 1.00 (decision 013).
 */
export const DRIFT = {
  /** The thresholds. */
  shift: 0.5,
  discrimination: 0.3,
  /** What the data must show beyond doubt before a flag: a real move (logits)… */
  credibleShift: 0.3,
  /** …or an item measuring less than this share of its nominal discrimination. */
  credibleDiscriminationShare: 0.5,
  /** One standard error: the move is at least one SE past what matters. */
  z: 1,
} as const;

export type DriftReason = "difficulty" | "discrimination";

export function driftReasons(
  nominal: Pick<ItemParameters, "difficulty" | "discrimination">,
  estimate: Pick<ItemEstimate, "difficulty" | "discrimination" | "difficultySe" | "discriminationSe">,
): DriftReason[] {
  const reasons: DriftReason[] = [];
  const moved = Math.abs(estimate.difficulty - nominal.difficulty);
  if (moved > DRIFT.shift && moved - DRIFT.z * estimate.difficultySe > DRIFT.credibleShift)
    reasons.push("difficulty");
  if (
    estimate.discrimination - DRIFT.z * estimate.discriminationSe < DRIFT.discrimination &&
    estimate.discrimination + DRIFT.z * estimate.discriminationSe <
      DRIFT.credibleDiscriminationShare * nominal.discrimination
  )
    reasons.push("discrimination");
  return reasons;
}
