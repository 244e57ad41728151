import { cholesky } from "./math";
import type { TargetProfile } from "./model";
import type { Posterior } from "./posterior";
import { createRandom } from "./random";

/** Monte Carlo draws for readiness: standard error ≤ 1.1 points, a few ms for all seven roles. */
export const READINESS_DRAWS = 2000;

/**
 * Readiness for several roles from one set of joint draws (the all-roles fit needs seven; drawing
 * once keeps a result's scoring to a few milliseconds).
 */
export function readinessForRoles(
  posterior: Posterior,
  targets: readonly TargetProfile[],
  seed: number,
  draws = READINESS_DRAWS,
): number[] {
  const checks = targets.map((target) => {
    const picked = target.skillIndexes.map((skill, k) => ({
      skill,
      cut: target.cuts[k] as number,
      core: target.isCore[k] === true,
    }));
    return picked.some((entry) => entry.core) ? picked.filter((entry) => entry.core) : picked;
  });
  // Sample only the skills some check needs, from their joint marginal.
  const skills = [...new Set(checks.flatMap((check) => check.map((entry) => entry.skill)))].sort(
    (a, b) => a - b,
  );
  const m = skills.length;
  if (m === 0) return targets.map(() => 1);
  const slot = new Map(skills.map((skill, index) => [skill, index]));
  const sub = new Float64Array(m * m);
  skills.forEach((a, i) =>
    skills.forEach((b, j) => (sub[i * m + j] = posterior.covariance[a * posterior.n + b] as number)),
  );
  const lower = cholesky(sub, m, 0) ?? diagonalRoot(sub, m);
  const mean = Float64Array.from(skills, (skill) => posterior.mean[skill] as number);
  const slots = checks.map((check) => Int32Array.from(check, (entry) => slot.get(entry.skill) ?? 0));
  const cuts = checks.map((check) => Float64Array.from(check, (entry) => entry.cut));
  const random = createRandom(seed, 0x5eed);
  const z = new Float64Array(m);
  const theta = new Float64Array(m);
  const ready = new Float64Array(targets.length);
  for (let draw = 0; draw < draws; draw++) {
    for (let i = 0; i < m; i++) {
      z[i] = random.normal();
      let value = mean[i] as number;
      for (let j = 0; j <= i; j++) value += (lower[i * m + j] as number) * (z[j] as number);
      theta[i] = value;
    }
    for (let r = 0; r < slots.length; r++) {
      const roleSlots = slots[r] as Int32Array;
      const roleCuts = cuts[r] as Float64Array;
      let all = true;
      for (let k = 0; k < roleSlots.length && all; k++)
        if ((theta[roleSlots[k] as number] as number) < (roleCuts[k] as number)) all = false;
      if (all) ready[r] = (ready[r] as number) + 1;
    }
  }
  return Array.from(ready, (count) => count / draws);
}

function diagonalRoot(matrix: Float64Array, m: number): Float64Array {
  const lower = new Float64Array(m * m);
  for (let i = 0; i < m; i++) lower[i * m + i] = Math.sqrt(Math.max(matrix[i * m + i] as number, 0));
  return lower;
}
