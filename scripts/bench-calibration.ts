import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { calibrateEvidence, isUsable, DEFAULT_USE_POLICY, type ResponsePattern } from "@/domain/calibration";
import { loadBenchEngine } from "./lib/engine-bench/load";
import { Confusion, VerdictTally } from "./lib/engine-bench/metrics";
import type { Arm, FreshVerdicts } from "./lib/calibration-bench/simulate";
import { drawCalibrationWorld } from "./lib/calibration-bench/world";

/**
 * npm run bench:calibration -- [--seed N] [--json] [--attempts N] [--examinees N] [--workers N]
 * Simulates attempts through the real selection on a world whose true item parameters differ from
 * nominal, calibrates from the anonymised responses, and checks the calibration against the truth
 * and against fresh examinees scored three ways. Exits 1 unless every bar holds. How to read it:
 * docs/decisions/013-calibration.md; seeds measured: README, "Measured".
 */
const { values } = parseArgs({
  options: {
    seed: { type: "string", default: "1" },
    json: { type: "boolean", default: false },
    attempts: { type: "string", default: "5000" },
    examinees: { type: "string", default: "5000" },
    workers: { type: "string", default: String(Math.min(2, availableParallelism())) },
  },
});
const seed = Number(values.seed);
const attempts = Number(values.attempts);
const examinees = Number(values.examinees);
const workerCount = Number(values.workers);
if (
  !Number.isInteger(seed) ||
  !Number.isInteger(attempts) ||
  attempts < 100 ||
  !Number.isInteger(examinees) ||
  examinees < 100 ||
  !Number.isInteger(workerCount) ||
  workerCount < 1
) {
  console.error(
    "usage: npm run bench:calibration -- [--seed <integer>] [--json] [--attempts <integer ≥ 100>] [--examinees <integer ≥ 100>] [--workers <integer ≥ 1>]",
  );
  process.exit(2);
}
const started = performance.now();
const engine = loadBenchEngine();
const { model } = engine;
const world = drawCalibrationWorld(model, seed);

// Workers run the simulations; each rebuilds the engine and world from the seed.
const workerSource = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(
  new URL("./lib/calibration-bench/worker.ts", import.meta.url).href,
)}); });`;
const workers = await Promise.all(
  Array.from(
    { length: workerCount },
    () =>
      new Promise<Worker>((resolve, reject) => {
        const worker = new Worker(workerSource, { eval: true, workerData: { seed } });
        worker.once("message", () => resolve(worker));
        worker.once("error", reject);
      }),
  ),
);
function slices(total: number): [number, number][] {
  // Small slices handed out as workers free up, so a slow worker does not hold the rest back.
  const size = Math.max(25, Math.ceil(total / (workerCount * 8)));
  const out: [number, number][] = [];
  for (let from = 0; from < total; from += size) out.push([from, Math.min(total, from + size)]);
  return out;
}
async function runAll<T>(total: number, job: (from: number, to: number) => object): Promise<T[]> {
  const queue = slices(total);
  const results: T[] = new Array<T>(queue.length);
  let next = 0;
  await Promise.all(
    workers.map(async (worker) => {
      while (next < queue.length) {
        const index = next++;
        const [from, to] = queue[index] as [number, number];
        results[index] = await new Promise<T>((resolve, reject) => {
          worker.once("message", resolve);
          worker.once("error", reject);
          worker.postMessage(job(from, to));
        });
        worker.removeAllListeners("error");
      }
    }),
  );
  return results;
}

// 1. Attempts with the nominal parameters, kept as the app keeps live attempts.
const patterns = (
  await runAll<ResponsePattern[]>(attempts, (from, to) => ({ kind: "attempts", from, to }))
).flat();
const simulatedAt = performance.now();

// 2. Calibration from those attempts alone, as `npm run calibrate` does it.
const { items: calibrations, rounds } = calibrateEvidence(engine, patterns, new Map());
const calibratedAt = performance.now();
const responseCount = patterns.reduce((sum, pattern) => sum + pattern.answers.length, 0);

// 3. Against the truth, on items with ≥ 200 responses.
const measured = model.items.flatMap((item) => {
  const calibration = calibrations.get(item.id);
  const truth = world.get(item.id);
  return calibration && truth && calibration.estimate.n >= DEFAULT_USE_POLICY.minResponses
    ? [{ item, truth, calibration }]
    : [];
});
const rmse = (errors: number[]) =>
  Math.sqrt(errors.reduce((sum, e) => sum + e * e, 0) / Math.max(1, errors.length));
let shouldFlag = 0,
  found = 0,
  flagged = 0,
  rightFlags = 0;
for (const { truth, calibration } of measured) {
  const isFlagged = calibration.drift.length > 0;
  if (Math.abs(truth.shift) >= 0.7 || truth.discrimination < 0.3) {
    shouldFlag++;
    if (isFlagged) found++;
  }
  if (isFlagged) {
    flagged++;
    if (Math.abs(truth.shift) >= 0.3 || truth.discrimination < 0.5) rightFlags++;
  }
}

// 4. Fresh examinees through the engine with nominal, calibrated (usable items only) and true parameters.
const overrides = [...calibrations]
  .filter(([, calibration]) => isUsable(calibration.estimate))
  .map(([id, { estimate, engineDiscrimination }]) => [
    id,
    { difficulty: estimate.difficulty, discrimination: engineDiscrimination },
  ]);
const fresh = await runAll<FreshVerdicts>(examinees, (from, to) => ({
  kind: "fresh",
  from,
  to,
  calibrated: overrides,
}));
await Promise.all(workers.map((worker) => worker.terminate()));
const ARMS = ["nominal", "calibrated", "true"] as const;
const tallies: Record<Arm, VerdictTally> = {
  nominal: new VerdictTally(),
  calibrated: new VerdictTally(),
  true: new VerdictTally(),
};
// The same pairs again, counted per group of people (person index mod JACKKNIFE_GROUPS), for the
// figure's standard error: leave one group out, recompute, and take the spread (jackknife).
const JACKKNIFE_GROUPS = 10;
const groups = Array.from({ length: JACKKNIFE_GROUPS }, () => ({
  nominal: new Confusion(),
  calibrated: new Confusion(),
  true: new Confusion(),
}));
for (const slice of fresh)
  for (const arm of ARMS) {
    const { probabilities, truths } = slice.arms[arm];
    if (probabilities.length !== slice.people.length)
      throw new Error(`${arm}: verdicts and people differ in number`);
    probabilities.forEach((p, i) => {
      tallies[arm].add(p, truths[i] === true);
      groups[(slice.people[i] as number) % JACKKNIFE_GROUPS]?.[arm].add(p, truths[i] === true);
    });
  }

const seconds = (performance.now() - started) / 1000;
const round = (value: number, digits = 4) => Number(value.toFixed(digits));
const balanced = {
  nominal: tallies.nominal.balancedAccuracy(),
  calibrated: tallies.calibrated.balancedAccuracy(),
  true: tallies.true.balancedAccuracy(),
};
const closed = (ba: Record<Arm, number>) => {
  const gap = ba.true - ba.nominal;
  return gap > 0 ? (ba.calibrated - ba.nominal) / gap : 1;
};
const gapClosed = closed(balanced);
const leaveOneOut = groups.map((_, left) => {
  const pooled = (arm: Arm) => Confusion.sum(groups.flatMap((group, g) => (g === left ? [] : [group[arm]])));
  return closed({
    nominal: pooled("nominal").balancedAccuracy(),
    calibrated: pooled("calibrated").balancedAccuracy(),
    true: pooled("true").balancedAccuracy(),
  });
});
const jackknifeMean = leaveOneOut.reduce((sum, value) => sum + value, 0) / JACKKNIFE_GROUPS;
const gapClosedSe = Math.sqrt(
  ((JACKKNIFE_GROUPS - 1) / JACKKNIFE_GROUPS) *
    leaveOneOut.reduce((sum, value) => sum + (value - jackknifeMean) ** 2, 0),
);
const report = {
  seed,
  attempts,
  responses: responseCount,
  calibrationRounds: rounds,
  items: model.items.length,
  itemsWith200: measured.length,
  usedByEngine: overrides.length,
  seconds: round(seconds, 1),
  phases: {
    simulate: round((simulatedAt - started) / 1000, 1),
    calibrate: round((calibratedAt - simulatedAt) / 1000, 1),
    examinees: round((performance.now() - calibratedAt) / 1000, 1),
  },
  difficultyRmse: {
    nominal: round(rmse(measured.map(({ item, truth }) => item.difficulty - truth.difficulty))),
    calibrated: round(
      rmse(measured.map(({ truth, calibration }) => calibration.estimate.difficulty - truth.difficulty)),
    ),
  },
  discriminationRmse: {
    nominal: round(rmse(measured.map(({ item, truth }) => item.discrimination - truth.discrimination))),
    calibrated: round(
      rmse(
        measured.map(({ truth, calibration }) => calibration.estimate.discrimination - truth.discrimination),
      ),
    ),
  },
  drift: {
    truePositives: shouldFlag,
    flagged,
    recall: round(shouldFlag === 0 ? 1 : found / shouldFlag),
    precision: round(flagged === 0 ? 1 : rightFlags / flagged),
  },
  examinees: {
    people: examinees,
    pairs: tallies.nominal.probabilities.length,
    balancedAccuracy: {
      nominal: round(balanced.nominal),
      calibrated: round(balanced.calibrated),
      true: round(balanced.true),
    },
    gapClosed: round(gapClosed),
    /** Jackknife standard error of gapClosed over ten groups of examinees: how far another draw of people could move it. */
    gapClosedSe: round(gapClosedSe),
    ece: {
      nominal: round(tallies.nominal.ece()),
      calibrated: round(tallies.calibrated.ece()),
      true: round(tallies.true.ece()),
    },
  },
  pass: false,
};
const bars: [string, boolean][] = [
  [
    "1. calibrated difficulty RMSE ≤ 60 % of nominal's (items with ≥ 200 responses)",
    report.difficultyRmse.calibrated <= 0.6 * report.difficultyRmse.nominal,
  ],
  ["2. drift precision ≥ 0.8 and recall ≥ 0.8", report.drift.precision >= 0.8 && report.drift.recall >= 0.8],
  [
    "3. calibrated closes ≥ 50 % of the balanced-accuracy gap nominal → true, with ECE ≤ 0.03",
    gapClosed >= 0.5 && report.examinees.ece.calibrated <= 0.03,
  ],
  ["4. whole run under 120 s", seconds < 120],
];
report.pass = bars.every(([, ok]) => ok);

console.log(
  `calibration benchmark, seed ${seed}: ${attempts} attempts, ${responseCount} responses on ${model.items.length} items (${measured.length} with ≥ 200, ${overrides.length} used by the engine)`,
);
console.log(
  `difficulty RMSE      nominal ${report.difficultyRmse.nominal}  calibrated ${report.difficultyRmse.calibrated}`,
);
console.log(
  `discrimination RMSE  nominal ${report.discriminationRmse.nominal}  calibrated ${report.discriminationRmse.calibrated}`,
);
console.log(
  `drift flags          ${flagged} flagged, ${shouldFlag} to find: precision ${report.drift.precision} recall ${report.drift.recall}`,
);
console.log(
  `fresh examinees      balanced accuracy nominal ${report.examinees.balancedAccuracy.nominal} calibrated ${report.examinees.balancedAccuracy.calibrated} true ${report.examinees.balancedAccuracy.true} (gap closed ${report.examinees.gapClosed} ± ${report.examinees.gapClosedSe} SE)`,
);
console.log(
  `                     ECE nominal ${report.examinees.ece.nominal} calibrated ${report.examinees.ece.calibrated} true ${report.examinees.ece.true}`,
);
for (const [name, ok] of bars) console.log(`${ok ? "PASS" : "FAIL"}  ${name}`);
console.log(
  `${seconds.toFixed(1)} s (simulate ${report.phases.simulate}, calibrate ${report.phases.calibrate}, examinees ${report.phases.examinees})`,
);
if (values.json) console.log(JSON.stringify(report));
process.exit(report.pass ? 0 : 1);
