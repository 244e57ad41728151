import { describe, expect, it } from "vitest";
import {
  CALIBRATION_PRIOR,
  engineDiscriminations,
  fitPopulation,
  SHRINKAGE,
  shrunkLogRatio,
  type ShrinkInput,
} from "@/domain/calibration";
import { createRandom } from "@/domain/engine/random";

/**
 * An item whose data say log(a / a_nominal) = `seen` ± `se` (the likelihood alone), reported as
 * calibration reports it: the posterior under the calibration prior N(0, σ²), with its SE.
 */
function calibrated(seen: number, se: number, n = 300, nominal = 1.2): ShrinkInput {
  const priorPrecision = 1 / CALIBRATION_PRIOR.logDiscriminationSd ** 2;
  const precision = 1 / (se * se) + priorPrecision;
  const mean = seen / (se * se) / precision;
  const discrimination = nominal * Math.exp(mean);
  return {
    nominalDiscrimination: nominal,
    estimate: { discrimination, discriminationSe: discrimination / Math.sqrt(precision), n },
  };
}

/** A bank whose labels are right to ±10 % for most items, and 10 % of items that measure a fifth as much. */
function bank(seed: number, size = 300, se = 0.25) {
  const random = createRandom(seed);
  return Array.from({ length: size }, (_, index) => {
    const truth = index % 10 === 0 ? Math.log(0.2) + 0.1 * random.normal() : 0.1 * random.normal();
    return { truth, input: calibrated(truth + se * random.normal(), se) };
  });
}

const rms = (errors: number[]) => Math.sqrt(errors.reduce((sum, e) => sum + e * e, 0) / errors.length);

describe("engineDiscriminations: each item's discrimination weighed against the whole bank's", () => {
  it("learns how far the labels are off from the bank itself, and lands nearer the truth than each estimate alone", () => {
    const items = bank(1);
    const population = fitPopulation(items.map((item) => item.input));
    const shrunk = items.map((item) => shrunkLogRatio(item.input, population).mean);
    const alone = items.map((item) =>
      Math.log(item.input.estimate.discrimination / item.input.nominalDiscrimination),
    );
    const errorShrunk = rms(shrunk.map((value, i) => value - items[i]!.truth));
    const errorAlone = rms(alone.map((value, i) => value - items[i]!.truth));
    expect(errorShrunk).toBeLessThan(0.7 * errorAlone);
    // The weak items are recognised as such: far below nominal, and further than the normal prior
    // around nominal would let them go.
    const weak = items.flatMap((item, i) => (i % 10 === 0 ? [{ item, shrunk: shrunk[i]! }] : []));
    const meanOf = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
    expect(meanOf(weak.map(({ shrunk }) => shrunk))).toBeLessThan(Math.log(0.35));
    expect(meanOf(weak.map(({ shrunk }) => shrunk))).toBeLessThan(
      meanOf(weak.map(({ item }) => Math.log(item.input.estimate.discrimination / 1.2))),
    );
  });

  it("gives the engine less than the posterior mean, by half a posterior SD, and a positive value", () => {
    const items = bank(2).map((item) => item.input);
    const population = fitPopulation(items);
    const engine = engineDiscriminations(new Map(items.map((input, index) => [index, input])));
    items.forEach((input, index) => {
      const { mean, sd } = shrunkLogRatio(input, population);
      expect(sd).toBeGreaterThan(0);
      expect(engine.get(index)).toBeCloseTo(
        input.nominalDiscrimination * Math.exp(mean - SHRINKAGE.lowerSd * sd),
        12,
      );
      expect(engine.get(index)).toBeGreaterThan(0);
    });
  });

  it("an item with hardly any evidence of its own gets what the bank's items get in general", () => {
    const items = bank(3).map((item) => item.input);
    const population = fitPopulation(items);
    const vague = shrunkLogRatio(calibrated(1.5, 20, 400), population);
    const bankMean = population.reduce(
      (sum, w, k) => sum + w * (SHRINKAGE.gridFrom + k * SHRINKAGE.gridStep),
      0,
    );
    expect(vague.mean).toBeCloseTo(bankMean, 1);
  });

  it("with too few well-answered items to learn from, weighs each against the calibration prior instead", () => {
    // 19 items with 300 responses and many with 49: the bank is not learnt (SHRINKAGE.minItems).
    const few = [
      ...Array.from({ length: SHRINKAGE.minItems - 1 }, () => calibrated(Math.log(0.2), 0.2)),
      ...Array.from({ length: 100 }, () => calibrated(Math.log(0.2), 0.2, SHRINKAGE.minResponses - 1)),
    ];
    const population = fitPopulation(few);
    // Then the posterior is the estimate's own (normal prior, normal likelihood): mean and SD agree.
    const item = few[0]!;
    const { mean, sd } = shrunkLogRatio(item, population);
    expect(mean).toBeCloseTo(Math.log(item.estimate.discrimination / item.nominalDiscrimination), 2);
    expect(sd).toBeCloseTo(item.estimate.discriminationSe / item.estimate.discrimination, 2);
  });

  it("depends on the evidence only, not on the order of the items", () => {
    const items = bank(4).map((item) => item.input);
    const forward = engineDiscriminations(new Map(items.map((input, index) => [index, input])));
    const backward = engineDiscriminations(
      new Map(items.map((input, index) => [index, input] as const).reverse()),
    );
    for (const [index, value] of forward) expect(backward.get(index)).toBeCloseTo(value, 9);
  });

  it("keeps an estimate without a standard error as it is rather than failing", () => {
    const population = fitPopulation(bank(5).map((item) => item.input));
    const exact: ShrinkInput = {
      nominalDiscrimination: 1.2,
      estimate: { discrimination: 0.6, discriminationSe: 0, n: 300 },
    };
    const { mean } = shrunkLogRatio(exact, population);
    expect(mean).toBeCloseTo(Math.log(0.5), 1);
    expect(engineDiscriminations(new Map([["exact", exact]])).get("exact")).toBeGreaterThan(0);
  });
});
