import { probabilityMeets } from "@/domain/engine/decision";
import { invertSpd } from "@/domain/engine/math";
import type { Posterior } from "@/domain/engine/posterior";
import { readiness } from "@/domain/engine/result";
import { belowTarget, meetsTarget } from "@/domain/engine/verdict";
import type { ArmRun } from "./arms";
import { fisherInformation, type Person, type TrueItem } from "./world";

/** Counts of right verdicts per true class; counts add up, so groups of pairs can be pooled. */
export class Confusion {
  truePositives = 0;
  positives = 0;
  trueNegatives = 0;
  negatives = 0;

  add(probability: number, truth: boolean): void {
    if (truth) {
      this.positives++;
      if (meetsTarget(probability)) this.truePositives++;
    } else {
      this.negatives++;
      if (belowTarget(probability)) this.trueNegatives++;
    }
  }

  static sum(parts: readonly Confusion[]): Confusion {
    const total = new Confusion();
    for (const part of parts) {
      total.truePositives += part.truePositives;
      total.positives += part.positives;
      total.trueNegatives += part.trueNegatives;
      total.negatives += part.negatives;
    }
    return total;
  }

  /** Mean of the hit rate on truly-meets and on truly-below pairs, so the larger class cannot carry it. */
  balancedAccuracy(): number {
    const hitRate = (hits: number, of: number) => (of ? hits / of : 1);
    return (hitRate(this.truePositives, this.positives) + hitRate(this.trueNegatives, this.negatives)) / 2;
  }
}

/** Verdicts on (person, required skill) pairs: predicted P(meets) and the truth. */
export class VerdictTally {
  readonly probabilities: number[] = [];
  readonly truths: boolean[] = [];

  addSkills(run: ArmRun, person: Person): void {
    run.target.skillIndexes.forEach((skill, k) => {
      this.add(
        probabilityMeets(run.posterior, skill, run.target.cuts[k] as number),
        (person.theta[skill] as number) >= (run.target.cuts[k] as number),
      );
    });
  }

  add(probability: number, truth: boolean): void {
    this.probabilities.push(probability);
    this.truths.push(truth);
  }

  accuracy(): number {
    let right = 0;
    this.probabilities.forEach((p, i) => (right += meetsTarget(p) === this.truths[i] ? 1 : 0));
    return right / Math.max(1, this.probabilities.length);
  }

  /** Mean of the hit rate on truly-meets and on truly-below pairs, so the larger class cannot carry it. */
  balancedAccuracy(): number {
    const confusion = new Confusion();
    this.probabilities.forEach((p, i) => confusion.add(p, this.truths[i] === true));
    return confusion.balancedAccuracy();
  }

  /** Expected calibration error over 10 equal-width bins of the predicted probability. */
  ece(): number {
    const bins = Array.from({ length: 10 }, () => ({ n: 0, p: 0, y: 0 }));
    this.probabilities.forEach((p, i) => {
      const bin = bins[Math.min(9, Math.floor(p * 10))];
      if (!bin) return;
      bin.n++;
      bin.p += p;
      bin.y += this.truths[i] ? 1 : 0;
    });
    const total = Math.max(1, this.probabilities.length);
    return bins.reduce(
      (sum, bin) => sum + (bin.n === 0 ? 0 : (bin.n / total) * Math.abs(bin.p / bin.n - bin.y / bin.n)),
      0,
    );
  }
}

/** Share of the self-taught (person, skill) pairs the result calls "meets" (`meetsTarget`). */
export class RecallTally {
  private hits = 0;
  private total = 0;

  add(run: ArmRun, raised: readonly number[]): void {
    for (const skill of raised) {
      const k = run.target.skillIndexes.indexOf(skill);
      if (k < 0) continue;
      this.total++;
      if (meetsTarget(probabilityMeets(run.posterior, skill, run.target.cuts[k] as number))) this.hits++;
    }
  }

  recall(): number {
    return this.total === 0 ? 0 : this.hits / this.total;
  }

  get pairs(): number {
    return this.total;
  }
}

export function isTrulyReady(run: ArmRun, person: Person): boolean {
  const core = run.target.skillIndexes
    .map((skill, k) => ({ skill, k }))
    .filter(({ k }) => run.target.isCore[k]);
  const pool = core.length > 0 ? core : run.target.skillIndexes.map((skill, k) => ({ skill, k }));
  return pool.every(({ skill, k }) => (person.theta[skill] as number) >= (run.target.cuts[k] as number));
}

export function roleReadiness(run: ArmRun, seed: number): number {
  return readiness(run.posterior, run.target, seed, 2000);
}

/** Squared error of the posterior mean on the required skills. */
export function squaredErrors(posterior: Posterior, run: ArmRun, person: Person): number[] {
  return run.target.skillIndexes.map(
    (skill) => ((posterior.mean[skill] as number) - (person.theta[skill] as number)) ** 2,
  );
}

/**
 * Van Trees (Bayesian Cramér–Rao) bound: the error covariance of any estimator is at least
 * (Σ₀⁻¹ + J)⁻¹, where J adds each given item's Fisher information on its skill's diagonal. Evaluated
 * at the person's true ability and averaged over people, it approximates the expectation over the
 * prior that the bound takes.
 */
export function vanTreesVariances(
  run: ArmRun,
  person: Person,
  world: ReadonlyMap<string, TrueItem>,
  priorPrecision: Float64Array,
): number[] {
  const n = run.prior.n;
  const information = Float64Array.from(priorPrecision);
  for (const item of run.items) {
    const truth = world.get(item.id);
    const at = item.skillIndex * n + item.skillIndex;
    if (truth)
      information[at] =
        (information[at] as number) + fisherInformation(person.theta[item.skillIndex] as number, truth);
  }
  const bound = invertSpd(information, n);
  return run.target.skillIndexes.map((skill) => bound[skill * n + skill] as number);
}
