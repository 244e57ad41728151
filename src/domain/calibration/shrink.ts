import { CALIBRATION_PRIOR, type ItemEstimate } from "./estimate";

/**
 * The discrimination the engine runs a calibrated item on (docs/decisions/013-calibration.md,
 * "Empirical Bayes"). Adaptive selection picks the items that look most informative, so it
 * favours exactly those whose discrimination came out too high and then trusts their answers too
 * much ("capitalization on chance", van der Linden & Glas 2000, Applied Measurement in Education
 * 13). The remedy is to judge each item's estimate against how far the bank's labels are off in
 * general — learnt from the bank itself: the distribution g of log(a / a_nominal) over items is
 * estimated by nonparametric maximum likelihood on a grid (Kiefer & Wolfowitz 1956; the EM of
 * Laird 1978), each item's own evidence is weighed against g (its posterior mean and SD of log a,
 * Efron 2011, "Tweedie's formula and selection bias", JASA 106), and the engine takes the
 * posterior mean less SHRINKAGE.lowerSd posterior SDs. An item like most of the bank's is pulled
 * towards them, one whose answers say it barely measures anything keeps that verdict when the
 * bank has more such items, and nothing here is tied to a particular world: g is whatever the
 * evidence says it is.
 */
export const SHRINKAGE = {
  /** Items with fewer responses do not shape g (their likelihood is not near a normal one). */
  minResponses: 50,
  /** With fewer such items, g is the calibration prior itself (N(0, σ²) on log(a / a_nominal)). */
  minItems: 20,
  /** The grid of log(a / a_nominal): −4 … 2 (a factor 55 down, 7.4 up) in steps of 0.05. */
  gridFrom: -4,
  gridTo: 2,
  gridStep: 0.05,
  /** EM rounds for g (from uniform weights). */
  rounds: 500,
  /** The engine's discrimination: posterior mean of log a less this many posterior SDs. */
  lowerSd: 0.5,
} as const;

/** An item's calibrated estimate with its nominal discrimination. */
export interface ShrinkInput {
  nominalDiscrimination: number;
  estimate: Pick<ItemEstimate, "discrimination" | "discriminationSe" | "n">;
}

/** The data's own evidence on log(a / a_nominal), as a normal likelihood: mean and variance. */
interface Evidence {
  mean: number;
  variance: number;
}

/**
 * The estimate is a posterior under the calibration prior N(0, σ²) on log(a / a_nominal), with
 * SD SE(a)/a from its curvature; dividing that prior out leaves the likelihood's normal
 * approximation (precisions subtract, means scale back).
 */
function evidenceOf({ nominalDiscrimination, estimate }: ShrinkInput): Evidence {
  const priorPrecision = 1 / CALIBRATION_PRIOR.logDiscriminationSd ** 2;
  const relativeSe = estimate.discriminationSe / estimate.discrimination;
  const posteriorPrecision = 1 / (relativeSe * relativeSe);
  const precision = Math.max(posteriorPrecision - priorPrecision, 1e-3);
  const posteriorMean = Math.log(estimate.discrimination / nominalDiscrimination);
  return { mean: (posteriorMean * posteriorPrecision) / precision, variance: 1 / precision };
}

const GRID = Array.from(
  { length: Math.round((SHRINKAGE.gridTo - SHRINKAGE.gridFrom) / SHRINKAGE.gridStep) + 1 },
  (_, k) => SHRINKAGE.gridFrom + k * SHRINKAGE.gridStep,
);

/** Each grid point's likelihood for `evidence` (normal density up to a constant). */
function likelihoodRow({ mean, variance }: Evidence): Float64Array {
  return Float64Array.from(GRID, (x) => Math.exp((-0.5 * (mean - x) ** 2) / variance) / Math.sqrt(variance));
}

/** The weights of g on the grid. */
export function fitPopulation(inputs: readonly ShrinkInput[]): Float64Array {
  const rows = inputs
    .filter((input) => input.estimate.n >= SHRINKAGE.minResponses)
    .map((input) => likelihoodRow(evidenceOf(input)));
  if (rows.length < SHRINKAGE.minItems) {
    const sd = CALIBRATION_PRIOR.logDiscriminationSd;
    const raw = Float64Array.from(GRID, (x) => Math.exp(-0.5 * (x / sd) ** 2));
    const total = raw.reduce((sum, w) => sum + w, 0);
    return raw.map((w) => w / total);
  }
  let weights = new Float64Array(GRID.length).fill(1 / GRID.length);
  for (let round = 0; round < SHRINKAGE.rounds; round++) {
    const next = new Float64Array(GRID.length);
    for (const row of rows) {
      let total = 0;
      for (let k = 0; k < GRID.length; k++) total += (row[k] as number) * (weights[k] as number);
      if (!(total > 0)) continue;
      for (let k = 0; k < GRID.length; k++)
        next[k] = (next[k] as number) + ((row[k] as number) * (weights[k] as number)) / total / rows.length;
    }
    const sum = next.reduce((acc, w) => acc + w, 0);
    weights = sum > 0 ? next.map((w) => w / sum) : weights;
  }
  return weights;
}

/** The item's posterior mean and SD of log(a / a_nominal) under g. */
export function shrunkLogRatio(input: ShrinkInput, population: Float64Array): { mean: number; sd: number } {
  const row = likelihoodRow(evidenceOf(input));
  let total = 0,
    first = 0,
    second = 0;
  for (let k = 0; k < GRID.length; k++) {
    const w = (row[k] as number) * (population[k] as number);
    const x = GRID[k] as number;
    total += w;
    first += w * x;
    second += w * x * x;
  }
  if (!(total > 0))
    return { mean: Math.log(input.estimate.discrimination / input.nominalDiscrimination), sd: 0 };
  const mean = first / total;
  return { mean, sd: Math.sqrt(Math.max(second / total - mean * mean, 0)) };
}

/** The discrimination the engine runs each item on, from the bank's g. */
export function engineDiscriminations<K>(inputs: ReadonlyMap<K, ShrinkInput>): Map<K, number> {
  const population = fitPopulation([...inputs.values()]);
  const out = new Map<K, number>();
  for (const [key, input] of inputs) {
    const { mean, sd } = shrunkLogRatio(input, population);
    out.set(key, input.nominalDiscrimination * Math.exp(mean - SHRINKAGE.lowerSd * sd));
  }
  return out;
}
