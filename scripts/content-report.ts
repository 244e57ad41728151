import path from "node:path";
import { parseArgs } from "node:util";
import { BANK_RULES, measureCoverage, measureKeySpread } from "@/domain/content/bank-rules";
import { parseContentFiles } from "@/domain/content/parse";
import { env } from "@/env";
import { readContentFiles } from "@/server/content-loader";

// npm run content:report [-- --dir <path>]: the bank at a glance, for authors and reviewers.
const { values } = parseArgs({ options: { dir: { type: "string" } } });
const root = path.resolve(values.dir ?? env.CONTENT_DIR);
const { content } = parseContentFiles(readContentFiles(root));
const pct = (share: number) => `${(share * 100).toFixed(1)} %`;

console.log(`Question bank in ${path.relative(process.cwd(), root) || "."}: ${content.questions.length} questions, ${content.modules.length} modules\n`);
console.log("skill                              L1  L2  L3  L4  total  needs     core in  module steps");
let short = 0;
for (const row of measureCoverage(content).sort((a, b) => a.skillId.localeCompare(b.skillId))) {
  const isShort = row.total < row.required.questions || row.counts.some((count) => count < row.required.perLevel) || row.uncoveredSteps.length > 0;
  if (isShort) short++;
  const steps = row.highestTarget === 0 ? "none required" : row.uncoveredSteps.length === 0 ? `0→${row.highestTarget} covered` : `missing ${row.uncoveredSteps.map((from) => `${from}→${from + 1}`).join(", ")}`;
  console.log(
    `${row.skillId.padEnd(34)} ${row.counts.map((count) => String(count).padStart(2)).join("  ")}  ${String(row.total).padStart(5)}  ${`${row.required.questions} (${row.required.perLevel}/lvl)`.padEnd(9)} ${String(row.coreRoles).padStart(7)}  ${steps}${isShort ? "  ← short" : ""}`,
  );
}

const spread = measureKeySpread(content.questions);
const ratios = [...spread.lengthRatios].sort((a, b) => a - b);
const quantile = (q: number) => ratios[Math.min(ratios.length - 1, Math.floor(q * ratios.length))] ?? 0;
console.log(`\nSingle-answer questions: ${spread.singleCount}; multiple-answer: ${content.questions.length - spread.singleCount}`);
console.log(`Key position spread: ${spread.positions.map((count, index) => `${index + 1}: ${count} (${pct(count / spread.singleCount)})`).join(", ")}  (at most ${pct(BANK_RULES.maxKeyPositionShare)} each)`);
console.log(
  `Key is the longest option: ${spread.longestKeyCount} (${pct(spread.longestKeyCount / spread.singleCount)}; between ${pct(BANK_RULES.minLongestKeyShare)} and ${pct(BANK_RULES.maxLongestKeyShare)}, chance 25 %)`,
);
console.log(`Key length / longest distractor: median ${quantile(0.5).toFixed(2)}, p90 ${quantile(0.9).toFixed(2)}, max ${quantile(1).toFixed(2)} (at most ${BANK_RULES.maxKeyLengthRatio})`);
console.log(short === 0 ? "\nEvery skill meets its question counts and module steps." : `\n${short} skill(s) fall short (marked above); npm run content:check lists each problem.`);
