import type { ItemParameters } from "../engine/model";
import { driftReasons, type DriftReason } from "./drift";
import { calibrateItem, CALIBRATION_PRIOR, type CalibrationResponse, type ItemEstimate } from "./estimate";

/**
 * The prior for judging drift: practically flat (σ = 3 logits on b and on log a), only keeping the
 * Newton steps finite for an item everyone got right. Drift asks whether the data contradict the
 * label, so it must not start by believing the label; the engine's estimate (CALIBRATION_PRIOR)
 * does, because a score should move only as far as the evidence carries it.
 */
export const EVIDENCE_PRIOR = { difficultySd: 3, logDiscriminationSd: 3 } as const;

export interface ItemCalibration {
  /** Marginal MAP with the prior centred on the nominal values: what the engine uses. */
  estimate: ItemEstimate;
  /** The data's own estimate (EVIDENCE_PRIOR): what drift is judged on. */
  evidence: ItemEstimate;
  drift: DriftReason[];
}

export function calibrateResponses(
  responses: readonly CalibrationResponse[],
  nominal: ItemParameters,
): ItemCalibration {
  const estimate = calibrateItem(responses, nominal, CALIBRATION_PRIOR);
  const evidence = calibrateItem(responses, nominal, EVIDENCE_PRIOR);
  return { estimate, evidence, drift: driftReasons(nominal, evidence) };
}

/** When the engine uses a calibrated item instead of its nominal parameters (decision 013). */
export interface UsePolicy {
  minResponses: number;
  /** Largest difficulty standard error (logits). */
  maxDifficultySe: number;
  /** Largest discrimination standard error relative to the estimate. */
  maxRelativeDiscriminationSe: number;
}

export const DEFAULT_USE_POLICY: UsePolicy = {
  minResponses: 200,
  maxDifficultySe: 0.35,
  maxRelativeDiscriminationSe: 0.5,
};

export function isUsable(
  estimate: Pick<ItemEstimate, "n" | "difficultySe" | "discrimination" | "discriminationSe">,
  policy: UsePolicy = DEFAULT_USE_POLICY,
): boolean {
  return (
    estimate.n >= policy.minResponses &&
    estimate.difficultySe <= policy.maxDifficultySe &&
    estimate.discriminationSe <= policy.maxRelativeDiscriminationSe * estimate.discrimination
  );
}

/**
 * The parameters the engine runs a usable item on: the calibrated difficulty, and the calibrated
 * discrimination at its lower one-SE bound on the log scale, a · exp(−SE(a) / a). Adaptive
 * selection picks the items that look most informative, so it favours exactly those whose
 * discrimination came out too high, and then trusts their answers too much ("capitalization on
 * chance", van der Linden & Glas 2000, Applied Measurement in Education 13); the estimates lean
 * high besides (decision 013). Discounting by the estimate's own uncertainty costs a precise item
 * little and an uncertain one much. Measured in bench:calibration (decision 013).
 */
export function engineParameters(
  estimate: Pick<ItemEstimate, "difficulty" | "discrimination" | "discriminationSe">,
): { difficulty: number; discrimination: number } {
  return {
    difficulty: estimate.difficulty,
    discrimination: estimate.discrimination * Math.exp(-estimate.discriminationSe / estimate.discrimination),
  };
}
