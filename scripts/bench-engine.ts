import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { invertSpd } from "@/domain/engine/math";
import { createRandom } from "@/domain/engine/random";
import { loadBenchEngine } from "./lib/engine-bench/load";
import {
  DEFAULT_ADAPTIVE,
  perturbModel,
  runAdaptive,
  runFixed,
  runPriorOnly,
  type ArmRun,
  type EngineView,
  type RatingInput,
} from "./lib/engine-bench/arms";
import { targetProfile } from "@/domain/engine/model";
import { SELF_RATING_DEFAULTS, type SelfRatingModel } from "@/domain/engine/self-rating";
import {
  isTrulyReady,
  RecallTally,
  roleReadiness,
  squaredErrors,
  vanTreesVariances,
  VerdictTally,
} from "./lib/engine-bench/metrics";
import {
  drawTrueItems,
  ISSUE_POPULATION,
  MISSPECIFIED_POPULATION,
  populationSampler,
  REPORTING_WORLDS,
  simulateSelfRatings,
  teachSelf,
  type Person,
  type ReportingWorld,
} from "./lib/engine-bench/world";

/**
 * npm run bench:engine -- [--seed N] [--people N] [--json]
 *   [--bias-mean B --bias-sd S --noise-sd E] [--part rated]
 * Simulates people on the real content graph and bank and checks the engine against
 * the prior alone, a fixed form scored with the same posterior, and the van Trees bound, and
 * self-rated quizzes in three reporting worlds against the same quiz without ratings. Exits 1
 * unless every bar holds. The rating flags try another self-rating model than the defaults;
 * `--part rated` runs only the self-rated comparison and prints its JSON (the full run starts it
 * as a second process). How to read the numbers: docs/decisions/004-assessment-engine.md.
 */
const { values } = parseArgs({
  options: {
    seed: { type: "string", default: "1" },
    people: { type: "string", default: "2000" },
    json: { type: "boolean", default: false },
    tau: { type: "string" },
    withheld: { type: "string" },
    readiness: { type: "string" },
    "bias-mean": { type: "string" },
    "bias-sd": { type: "string" },
    "noise-sd": { type: "string" },
    part: { type: "string" },
  },
});
const seed = Number(values.seed);
const transitionCount = Number(values.people);
if (!Number.isInteger(seed) || !Number.isInteger(transitionCount) || transitionCount < 100) {
  console.error("usage: npm run bench:engine -- [--seed <integer>] [--people <integer ≥ 100>] [--json]");
  process.exit(2);
}
// Tuning flags: try another exposure window or stopping threshold without editing the engine.
const adaptiveOptions = {
  ...DEFAULT_ADAPTIVE,
  ...(values.tau ? { stopRisk: Number(values.tau) } : {}),
  ...(values.withheld ? { withheldShare: Number(values.withheld) } : {}),
  ...(values.readiness ? { readinessRisk: Number(values.readiness) } : {}),
};
// Tuning flags for the self-rating model the engine assumes (decision 004, "Self-ratings"); defaults: SELF_RATING_DEFAULTS.
const ratingModel: SelfRatingModel = {
  biasMean: values["bias-mean"] ? Number(values["bias-mean"]) : SELF_RATING_DEFAULTS.biasMean,
  biasSd: values["bias-sd"] ? Number(values["bias-sd"]) : SELF_RATING_DEFAULTS.biasSd,
  noiseSd: values["noise-sd"] ? Number(values["noise-sd"]) : SELF_RATING_DEFAULTS.noiseSd,
};
const experiencedCount = Math.round(transitionCount / 2);
// As many as the main population: with half as many, the 10-bin ECE's own sampling bias added
// about 0.003 — a tenth of the bar — to the misspecified-population figure.
const misspecifiedCount = transitionCount;
// People changing roles who learned 2–4 of the target's skills on their own (decision 004, bar 10).
const selfTaughtCount = Math.round(transitionCount / 2);
const started = performance.now();

const engine = loadBenchEngine();
const view: EngineView = engine;
const { graph, model } = engine;
const shapes = new Map(
  [...graph.questions.values()].map((q) => [
    q.id,
    { single: q.type === "single", options: q.options.length },
  ]),
);
const world = drawTrueItems(model, shapes, createRandom(seed, 1));
const perturbed: EngineView = { graph, model: perturbModel(model, createRandom(seed, 2)) };
const priorPrecision = invertSpd(model.correlation, model.skillIds.length);
const roles = graph.roleList.map((role) => role.id);

function drawPeople(
  count: number,
  stream: number,
  sample: ReturnType<typeof populationSampler>,
  experienced: boolean,
): Person[] {
  const random = createRandom(seed, stream);
  return Array.from({ length: count }, () => {
    const current = roles[Math.floor(random.next() * roles.length)] as string;
    let target = current;
    while (!experienced && target === current)
      target = roles[Math.floor(random.next() * roles.length)] as string;
    return sample(current, target, random);
  });
}
const issueWorld = populationSampler(model, graph, ISSUE_POPULATION);
const transition = drawPeople(transitionCount, 10, issueWorld, false);
const experienced = drawPeople(experiencedCount, 11, issueWorld, true);
const misspecifiedPeople = drawPeople(
  misspecifiedCount,
  12,
  populationSampler(model, graph, MISSPECIFIED_POPULATION),
  false,
);
const selfTaughtRandom = createRandom(seed, 14);
const selfTaught = drawPeople(selfTaughtCount, 13, issueWorld, false).map((person) =>
  teachSelf(person, targetProfile(model, graph, person.targetRoleId), selfTaughtRandom),
);

const stream = (arm: number, person: number) => createRandom(seed, 1000 + arm, person);
const tallies = {
  prior: new VerdictTally(),
  fixed: new VerdictTally(),
  adaptive: new VerdictTally(),
  fixed15: new VerdictTally(),
  adaptive15: new VerdictTally(),
  perturbed: new VerdictTally(),
  population: new VerdictTally(),
};
const byRole = new Map<string, VerdictTally>();
const exposure = new Map<string, number>();
let itemsTotal = 0,
  maxItems = 0,
  squared = 0,
  boundSum = 0,
  pairs = 0,
  nearCut = 0,
  readyTransition = 0;

/**
 * Self-rated quizzes: the transition and self-taught people again, each with the same
 * answer stream and attempt seed as in the adaptive arm without ratings, so each reporting world's
 * figures are a paired comparison with that arm. Ratings come from a stream of their own per world
 * and person. These 9,000 quizzes run in a second process (`--part rated`, the same seed and people)
 * while this one runs the other arms: on two cores the whole run takes little longer than before.
 */
interface RatedTally {
  main: VerdictTally;
  items: number;
  taught: VerdictTally;
  recall: RecallTally;
}
const ratedTally = (): RatedTally => ({
  main: new VerdictTally(),
  items: 0,
  taught: new VerdictTally(),
  recall: new RecallTally(),
});
interface RatedFigures {
  accuracy: number;
  balancedAccuracy: number;
  ece: number;
  meanItems: number;
  selfTaughtMetRecall: number;
  selfTaughtEce: number;
}
const round = (value: number, digits = 4) => Number(value.toFixed(digits));
function ratedFigures(tally: RatedTally): RatedFigures {
  return {
    accuracy: round(tally.main.accuracy()),
    balancedAccuracy: round(tally.main.balancedAccuracy()),
    ece: round(tally.main.ece()),
    meanItems: round(tally.items / transition.length, 2),
    selfTaughtMetRecall: round(tally.recall.recall()),
    selfTaughtEce: round(tally.taught.ece()),
  };
}
type SelfRatedFigures = Record<"withoutRatings" | ReportingWorld, RatedFigures>;
function runRatedWorlds(): SelfRatedFigures {
  const ratingsOf = (
    person: Person,
    reporting: ReportingWorld,
    from: number,
    index: number,
  ): RatingInput => ({
    ratings: simulateSelfRatings(
      person,
      targetProfile(model, graph, person.targetRoleId),
      model.skillIds,
      reporting,
      createRandom(seed, from, index),
    ),
    model: ratingModel,
  });
  return Object.fromEntries(
    [undefined, ...REPORTING_WORLDS].map((reporting, w) => {
      const tally = ratedTally();
      transition.forEach((person, index) => {
        const run = runAdaptive(
          view,
          person,
          world,
          stream(5, index),
          adaptiveOptions,
          reporting && ratingsOf(person, reporting, 3000 + w, index),
        );
        tally.main.addSkills(run, person);
        tally.items += run.items.length;
      });
      selfTaught.forEach(({ person, raised }, index) => {
        const run = runAdaptive(
          view,
          person,
          world,
          stream(9, index),
          adaptiveOptions,
          reporting && ratingsOf(person, reporting, 3100 + w, index),
        );
        tally.taught.addSkills(run, person);
        tally.recall.add(run, raised);
      });
      return [reporting ?? "withoutRatings", ratedFigures(tally)];
    }),
  ) as SelfRatedFigures;
}
if (values.part === "rated") {
  console.log(JSON.stringify(runRatedWorlds()));
  process.exit(0);
}
const ratedPart = ratedWorldsInChild();

transition.forEach((person, index) => {
  tallies.prior.addSkills(runPriorOnly(view, person), person);
  tallies.fixed.addSkills(runFixed(view, person, world, stream(1, index), 30), person);
  tallies.fixed15.addSkills(runFixed(view, person, world, stream(2, index), 15), person);
  tallies.adaptive15.addSkills(
    runAdaptive(view, person, world, stream(3, index), { ...adaptiveOptions, budget: 15, stopRisk: -1 }),
    person,
  );
  tallies.perturbed.addSkills(
    runAdaptive(perturbed, person, world, stream(4, index), adaptiveOptions),
    person,
  );
  const run = runAdaptive(view, person, world, stream(5, index), adaptiveOptions);
  tallies.adaptive.addSkills(run, person);
  let roleTally = byRole.get(person.targetRoleId);
  if (!roleTally) byRole.set(person.targetRoleId, (roleTally = new VerdictTally()));
  roleTally.addSkills(run, person);
  itemsTotal += run.items.length;
  maxItems = Math.max(maxItems, run.items.length);
  for (const item of run.items) exposure.set(item.id, (exposure.get(item.id) ?? 0) + 1);
  for (const error of squaredErrors(run.posterior, run, person)) squared += error;
  for (const bound of vanTreesVariances(run, person, world, priorPrecision)) boundSum += bound;
  run.target.skillIndexes.forEach((skill, k) => {
    pairs++;
    if (Math.abs((person.theta[skill] as number) - (run.target.cuts[k] as number)) <= 0.5) nearCut++;
  });
  if (isTrulyReady(run, person)) readyTransition++;
});

misspecifiedPeople.forEach((person, index) =>
  tallies.population.addSkills(runAdaptive(view, person, world, stream(6, index), adaptiveOptions), person),
);

const taught = { adaptive: new VerdictTally(), fixed: new VerdictTally() };
const recall = { adaptive: new RecallTally(), fixed: new RecallTally(), prior: new RecallTally() };
selfTaught.forEach(({ person, raised }, index) => {
  const adaptive = runAdaptive(view, person, world, stream(9, index), adaptiveOptions);
  const fixed = runFixed(view, person, world, stream(10, index), 30);
  taught.adaptive.addSkills(adaptive, person);
  taught.fixed.addSkills(fixed, person);
  recall.adaptive.add(adaptive, raised);
  recall.fixed.add(fixed, raised);
  recall.prior.add(runPriorOnly(view, person), raised);
});

const verdicts = { adaptive: new VerdictTally(), fixed: new VerdictTally() };
let readyExperienced = 0;
experienced.forEach((person, index) => {
  const adaptive = runAdaptive(view, person, world, stream(7, index), adaptiveOptions);
  const fixed: ArmRun = runFixed(view, person, world, stream(8, index), 30);
  const truth = isTrulyReady(adaptive, person);
  if (truth) readyExperienced++;
  verdicts.adaptive.add(roleReadiness(adaptive, seed + index), truth);
  verdicts.fixed.add(roleReadiness(fixed, seed + index), truth);
});

const ratedWorlds = await ratedPart;
const meanItems = itemsTotal / transition.length;
const rmse = Math.sqrt(squared / pairs);
const vanTreesBound = Math.sqrt(boundSum / pairs);
const eceWorstRole = Math.max(...[...byRole.values()].map((tally) => tally.ece()));
const maxExposure = Math.max(...exposure.values()) / transition.length;
const seconds = (performance.now() - started) / 1000;
const report = {
  seed,
  examinees: transition.length + experienced.length + misspecifiedPeople.length + selfTaught.length,
  seconds: round(seconds, 1),
  readyBaseRate: {
    transition: round(readyTransition / transition.length),
    experienced: round(readyExperienced / experienced.length),
  },
  nearCutShare: round(nearCut / pairs),
  priorOnly: { accuracy: round(tallies.prior.accuracy()) },
  fixedForm: {
    items: 30,
    accuracy: round(tallies.fixed.accuracy()),
    balancedAccuracy: round(tallies.fixed.balancedAccuracy()),
  },
  adaptive: {
    meanItems: round(meanItems, 2),
    maxItems,
    accuracy: round(tallies.adaptive.accuracy()),
    balancedAccuracy: round(tallies.adaptive.balancedAccuracy()),
    ece: round(tallies.adaptive.ece()),
    eceWorstRole: round(eceWorstRole),
    maxExposure: round(maxExposure),
    exposureFloor: round(meanItems / model.items.length),
    rmse: round(rmse),
    vanTreesBound: round(vanTreesBound),
  },
  budget15: {
    adaptiveBalancedAccuracy: round(tallies.adaptive15.balancedAccuracy()),
    fixedBalancedAccuracy: round(tallies.fixed15.balancedAccuracy()),
  },
  roleVerdict: {
    adaptiveBalancedAccuracy: round(verdicts.adaptive.balancedAccuracy()),
    fixedBalancedAccuracy: round(verdicts.fixed.balancedAccuracy()),
  },
  misspecifiedItems: { accuracy: round(tallies.perturbed.accuracy()), ece: round(tallies.perturbed.ece()) },
  misspecifiedPopulation: { ece: round(tallies.population.ece()) },
  selfTaught: {
    people: selfTaught.length,
    raisedPairs: recall.adaptive.pairs,
    metRecall: round(recall.adaptive.recall()),
    fixedMetRecall: round(recall.fixed.recall()),
    priorMetRecall: round(recall.prior.recall()),
    balancedAccuracy: round(taught.adaptive.balancedAccuracy()),
    fixedBalancedAccuracy: round(taught.fixed.balancedAccuracy()),
    ece: round(taught.adaptive.ece()),
    fixedEce: round(taught.fixed.ece()),
  },
  selfRated: {
    model: ratingModel,
    ...ratedWorlds,
  },
  pass: false,
};

const { withoutRatings: without, honest, overconfident, dunningKruger } = report.selfRated;

const bars: [string, boolean][] = [
  [
    "1. adaptive accuracy ≥ fixed − 0.01 with mean items ≤ 21 (every required skill asked)",
    report.adaptive.accuracy >= report.fixedForm.accuracy - 0.01 && meanItems <= 21,
  ],
  [
    "2. at 15 items adaptive balanced accuracy ≥ fixed + 0.01",
    report.budget15.adaptiveBalancedAccuracy >= report.budget15.fixedBalancedAccuracy + 0.01,
  ],
  ["3. adaptive accuracy ≥ prior only + 0.05", report.adaptive.accuracy >= report.priorOnly.accuracy + 0.05],
  [
    "4. ECE ≤ 0.03 overall, ≤ 0.05 worst role, ≤ 0.03 misspecified population",
    report.adaptive.ece <= 0.03 &&
      report.adaptive.eceWorstRole <= 0.05 &&
      report.misspecifiedPopulation.ece <= 0.03,
  ],
  [
    "5. role verdict ≥ 0.75 and ≥ fixed − 0.03, max items ≤ 30",
    report.roleVerdict.adaptiveBalancedAccuracy >= 0.75 &&
      report.roleVerdict.adaptiveBalancedAccuracy >= report.roleVerdict.fixedBalancedAccuracy - 0.03 &&
      maxItems <= 30,
  ],
  ["6. max exposure ≤ 0.50", maxExposure <= 0.5],
  [
    "7. misspecified items: accuracy drop ≤ 0.01, ECE ≤ 0.03",
    report.adaptive.accuracy - report.misspecifiedItems.accuracy <= 0.01 &&
      report.misspecifiedItems.ece <= 0.03,
  ],
  ["8. RMSE within 10 % of the van Trees bound", Math.abs(rmse - vanTreesBound) <= 0.1 * vanTreesBound],
  ["9. whole run under 120 s", seconds < 120],
  [
    "10. self-taught: met recall ≥ fixed − 0.03, balanced accuracy ≥ fixed − 0.02, ECE ≤ fixed + 0.03",
    report.selfTaught.metRecall >= report.selfTaught.fixedMetRecall - 0.03 &&
      report.selfTaught.balancedAccuracy >= report.selfTaught.fixedBalancedAccuracy - 0.02 &&
      report.selfTaught.ece <= report.selfTaught.fixedEce + 0.03,
  ],
  [
    "11. self-rated, honest: accuracy ≥ without ratings + 0.015, mean items ≤ without",
    honest.accuracy >= without.accuracy + 0.015 && honest.meanItems <= without.meanItems,
  ],
  [
    "12. self-rated, overconfident and Dunning–Kruger: accuracy ≥ without − 0.005, ECE ≤ 0.05",
    [overconfident, dunningKruger].every(
      (figures) => figures.accuracy >= without.accuracy - 0.005 && figures.ece <= 0.05,
    ),
  ],
  [
    "13. self-rated, honest, self-taught: met recall ≥ without ratings + 0.10",
    honest.selfTaughtMetRecall >= without.selfTaughtMetRecall + 0.1,
  ],
];
report.pass = bars.every(([, ok]) => ok);

console.log(
  `engine benchmark, seed ${seed}: ${report.examinees} simulated people on ${model.skillIds.length} skills, ${model.items.length} items, ${roles.length} roles`,
);
console.log(
  `ready base rate: transition ${report.readyBaseRate.transition}, experienced ${report.readyBaseRate.experienced}; pairs within ±0.5 of their cut: ${report.nearCutShare}`,
);
console.log(`prior only     accuracy ${report.priorOnly.accuracy}`);
console.log(
  `fixed form 30  accuracy ${report.fixedForm.accuracy}  balanced ${report.fixedForm.balancedAccuracy}`,
);
console.log(
  `adaptive       accuracy ${report.adaptive.accuracy}  balanced ${report.adaptive.balancedAccuracy}  items mean ${report.adaptive.meanItems} max ${maxItems}`,
);
console.log(
  `               ECE ${report.adaptive.ece} (worst role ${report.adaptive.eceWorstRole})  exposure max ${report.adaptive.maxExposure} (even spread ${report.adaptive.exposureFloor})`,
);
console.log(
  `               RMSE ${report.adaptive.rmse} vs van Trees bound ${report.adaptive.vanTreesBound}`,
);
console.log(
  `15 items       adaptive balanced ${report.budget15.adaptiveBalancedAccuracy}  fixed balanced ${report.budget15.fixedBalancedAccuracy}`,
);
console.log(
  `role verdict   adaptive balanced ${report.roleVerdict.adaptiveBalancedAccuracy}  fixed balanced ${report.roleVerdict.fixedBalancedAccuracy}`,
);
console.log(
  `self-taught    met recall adaptive ${report.selfTaught.metRecall} fixed ${report.selfTaught.fixedMetRecall} prior ${report.selfTaught.priorMetRecall} (${report.selfTaught.raisedPairs} raised pairs)`,
);
console.log(
  `               balanced adaptive ${report.selfTaught.balancedAccuracy} fixed ${report.selfTaught.fixedBalancedAccuracy}; ECE adaptive ${report.selfTaught.ece} fixed ${report.selfTaught.fixedEce}`,
);
console.log(
  `misspecified   items: accuracy ${report.misspecifiedItems.accuracy} ECE ${report.misspecifiedItems.ece}; population: ECE ${report.misspecifiedPopulation.ece}`,
);
for (const [name, figures] of Object.entries({ without, honest, overconfident, dunningKruger }))
  console.log(
    `self-rated     ${name.padEnd(14)} accuracy ${figures.accuracy}  balanced ${figures.balancedAccuracy}  ECE ${figures.ece}  items ${figures.meanItems}; self-taught recall ${figures.selfTaughtMetRecall} ECE ${figures.selfTaughtEce}`,
  );
for (const [name, ok] of bars) console.log(`${ok ? "PASS" : "FAIL"}  ${name}`);
const topExposed = [...exposure]
  .sort((a, b) => b[1] - a[1])
  .slice(0, 5)
  .map(([id, count]) => `${id} ${(count / transition.length).toFixed(2)}`);
console.log(`most shown: ${topExposed.join(", ")}`);
console.log(`${seconds.toFixed(1)} s`);
if (values.json) console.log(JSON.stringify(report));
process.exit(report.pass ? 0 : 1);

/** The self-rated quizzes in a second process: this script with the same flags and `--part rated`. */
function ratedWorldsInChild(): Promise<SelfRatedFigures> {
  const args = process.argv.slice(2).filter((arg) => arg !== "--json");
  const child = spawn(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), ...args, "--part", "rated"],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(JSON.parse(output) as SelfRatedFigures);
      else reject(new Error(`the self-rated part exited with ${code}`));
    });
  });
}
