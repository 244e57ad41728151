import { parseArgs } from "node:util";
import { DEFAULT_USE_POLICY } from "@/domain/calibration";
import { rescoreFinished, runCalibration } from "@/server/calibration";
import { getSkillsGraph } from "@/server/content-loader";

/**
 * npm run calibrate [-- --dry-run] [--min-responses N] [--rescore] [--demo]
 * Estimates every question's difficulty and discrimination from the evidence — the anonymised
 * response record and the answers of scored attempts still stored (demo answers excluded) —
 * prints them with the drift list, and writes a new calibration set that attempts started from
 * now on use (docs/decisions/013-calibration.md). --dry-run writes nothing;
 * --min-responses sets how many responses an item needs before the engine uses it (default 200);
 * --rescore reports how finished attempts' verdicts would change under the new parameters and
 * changes nothing (finished results are never rescored). --demo calibrates the demo seed's
 * simulated answers (`npm run db:seed -- --demo`) instead, to show what calibration finds; it
 * writes nothing, and the engine never uses demo answers.
 */
const usage =
  "usage: npm run calibrate [-- --dry-run] [--min-responses <whole number ≥ 1>] [--rescore] [--demo]";
let values: { "dry-run"?: boolean; "min-responses"?: string; rescore?: boolean; demo?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      "dry-run": { type: "boolean", default: false },
      "min-responses": { type: "string", default: String(DEFAULT_USE_POLICY.minResponses) },
      rescore: { type: "boolean", default: false },
      demo: { type: "boolean", default: false },
    },
    allowPositionals: false,
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const minText = values["min-responses"] ?? "";
const minResponses = Number(minText);
if (!/^\d+$/.test(minText) || !Number.isInteger(minResponses) || minResponses < 1) {
  console.error(`--min-responses must be a whole number of at least 1 (got "${minText}").\n${usage}`);
  process.exit(2);
}

const demo = values.demo === true;
if (demo && values.rescore) {
  console.error(`--rescore replays real finished attempts; it does not go with --demo.\n${usage}`);
  process.exit(2);
}

const graph = getSkillsGraph();
const run = await runCalibration(graph, { minResponses, dryRun: demo || values["dry-run"] === true, demo });
const fixed = (value: number, digits = 2) => value.toFixed(digits).padStart(6);
console.log(
  `${run.responses} ${demo ? "demo responses (simulated by db:seed -- --demo, never used by the engine)" : "responses (demo answers excluded)"}${run.staleResponses ? `, ${run.staleResponses} to question versions content no longer has (not used)` : ""}; ${run.items.length} questions with evidence.`,
);
console.log(
  run.attempts === 0
    ? "No scored attempt is still stored: every response is an anonymised record, calibrated in one round."
    : `${run.attempts} scored attempts still stored: their abilities were refitted with the items, ${run.rounds} round${run.rounds === 1 ? "" : "s"}.`,
);
console.log(
  `The engine uses an item with n ≥ ${run.policy.minResponses}, difficulty SE ≤ ${run.policy.maxDifficultySe} and discrimination SE ≤ ${run.policy.maxRelativeDiscriminationSe} × its estimate, on the calibrated difficulty and its discrimination weighed against the whole bank's ("engine a").`,
);
console.log(
  "question                                      n  b nominal → calibrated ± SE    a nominal → calibrated ± SE   used  engine a  drift",
);
for (const item of run.items) {
  const { estimate, nominal } = item;
  console.log(
    `${item.questionId.padEnd(42)} ${String(estimate.n).padStart(4)}  ${fixed(nominal.difficulty)} → ${fixed(estimate.difficulty)} ± ${fixed(estimate.difficultySe)}   ${fixed(nominal.discrimination)} → ${fixed(estimate.discrimination)} ± ${fixed(estimate.discriminationSe)}   ${item.usable ? `yes   ${fixed(item.engineDiscrimination)}` : "no          "}    ${item.drift.join(", ")}`,
  );
}
const drifted = run.items.filter((item) => item.drift.length > 0);
console.log(
  drifted.length === 0
    ? "Drift: no item is listed for review."
    : `Drift: ${drifted.length} item(s) to review — ${drifted.map((item) => `${item.questionId} (${item.drift.join(" and ")})`).join("; ")}`,
);
if (values.rescore) {
  const rescore = await rescoreFinished(graph, run.items);
  console.log(
    `Rescore (nothing changed): of ${rescore.attempts} finished attempts, ${rescore.roleVerdictChanges} would get another role verdict${rescore.changes.length ? ` (${rescore.changes.map((change) => `${change.from} → ${change.to}: ${change.count}`).join(", ")})` : ""}; ${rescore.skillVerdictChanges} of ${rescore.requiredPairs} required-skill verdicts would flip.`,
  );
}
console.log(
  run.version === null
    ? demo
      ? "Demo data: nothing was written; calibration sets come from real answers only."
      : "Dry run: nothing was written."
    : `Wrote calibration set ${run.version}; attempts started from now on use it, finished and running attempts keep theirs.`,
);
