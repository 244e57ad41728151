import path from "node:path";
import { parseArgs } from "node:util";
import { BANK_RULES, measureCoverage, measureKeySpread } from "@/domain/content/bank-rules";
import {
  contentWords,
  formSplit,
  GUESSING_BOUNDS,
  hasAbsoluteWord,
  hasHedgeWord,
  JUSTIFIED as JUSTIFIED_TEXT,
  measureGuessing,
  measureMultipleKeyLength,
  toGuessingItem,
  visibleText,
  wordsOf,
} from "@/domain/content/guessing";
import { parseContentFiles } from "@/domain/content/parse";
import { env } from "@/env";
import { readContentFiles } from "@/server/content-loader";

// npm run content:report [-- --dir <path>] [--skill <id> …]: the bank at a glance, for authors and
// reviewers — counts, every guessing strategy against chance, and with --skill each question's cues.
const { values } = parseArgs({
  options: { dir: { type: "string" }, skill: { type: "string", multiple: true } },
});
const root = path.resolve(values.dir ?? env.CONTENT_DIR);
const { content } = parseContentFiles(readContentFiles(root));
const pct = (share: number) => `${(share * 100).toFixed(1)} %`;
const points = (excess: number) => `${excess >= 0 ? "+" : "−"}${Math.abs(excess * 100).toFixed(1)}`;

console.log(
  `Question bank in ${path.relative(process.cwd(), root) || "."}: ${content.questions.length} questions, ${content.modules.length} modules\n`,
);
console.log("skill                              L1  L2  L3  L4  total  needs     core in  module steps");
let short = 0;
for (const row of measureCoverage(content).sort((a, b) => a.skillId.localeCompare(b.skillId))) {
  const isShort =
    row.total < row.required.questions ||
    row.counts.some((count) => count < row.required.perLevel) ||
    row.uncoveredSteps.length > 0;
  if (isShort) short++;
  const steps =
    row.highestTarget === 0
      ? "none required"
      : row.uncoveredSteps.length === 0
        ? `0→${row.highestTarget} covered`
        : `missing ${row.uncoveredSteps.map((from) => `${from}→${from + 1}`).join(", ")}`;
  console.log(
    `${row.skillId.padEnd(34)} ${row.counts.map((count) => String(count).padStart(2)).join("  ")}  ${String(row.total).padStart(5)}  ${`${row.required.questions} (${row.required.perLevel}/lvl)`.padEnd(9)} ${String(row.coreRoles).padStart(7)}  ${steps}${isShort ? "  ← short" : ""}`,
  );
}

const spread = measureKeySpread(content.questions);
const ratios = [...spread.lengthRatios].sort((a, b) => a - b);
const quantile = (q: number) => ratios[Math.min(ratios.length - 1, Math.floor(q * ratios.length))] ?? 0;
console.log(
  `\nSingle-answer questions: ${spread.singleCount}; multiple-answer: ${content.questions.length - spread.singleCount}`,
);
console.log(
  `Key position (file order): ${spread.positions.map((count, index) => `${index + 1}: ${count} (${pct(count / spread.singleCount)})`).join(", ")}`,
);
console.log(
  `Key length rank (1 = longest, ties split): ${spread.lengthRanks.map((count, index) => `${index + 1}: ${count.toFixed(1)} (${pct(count / spread.singleCount)})`).join(", ")}`,
);
console.log(
  `Key length / longest distractor: median ${quantile(0.5).toFixed(2)}, p90 ${quantile(0.9).toFixed(2)}, max ${quantile(1).toFixed(2)} (at most ${BANK_RULES.maxKeyLengthRatio})`,
);

const singles = content.questions.filter(
  (question) => question.type === "single" && question.options.some((option) => option.correct === true),
);
const bank = measureGuessing(singles.map(toGuessingItem));
console.log(
  `\nGuessing strategies over the bank: expected score against chance ${pct(bank.chance)} (at most ${points(GUESSING_BOUNDS.bank)} points)`,
);
for (const strategy of [...bank.strategies].sort((a, b) => b.excess - a.excess)) {
  console.log(
    `  ${strategy.excess > GUESSING_BOUNDS.bank + 1e-9 ? "FAIL" : "ok  "} ${pct(strategy.score).padStart(7)} ${points(strategy.excess).padStart(6)}  ${strategy.label}`,
  );
}

console.log(`\nWorst strategies per skill (at most ${points(GUESSING_BOUNDS.skill)} points within a skill):`);
for (const skillId of [...new Set(singles.map((question) => question.skill))].sort()) {
  const report = measureGuessing(
    singles.filter((question) => question.skill === skillId).map(toGuessingItem),
  );
  const worst = [...report.strategies].sort((a, b) => b.excess - a.excess).slice(0, 3);
  const fails = report.strategies.some((strategy) => strategy.excess > GUESSING_BOUNDS.skill + 1e-9);
  console.log(
    `  ${fails ? "FAIL" : "ok  "} ${skillId.padEnd(32)} ${String(report.questions).padStart(2)} q  ${worst.map((strategy) => `${strategy.id} ${points(strategy.excess)}`).join(", ")}`,
  );
}

const multiple = measureMultipleKeyLength(content.questions);
console.log(
  `\nMultiple-answer keys: ${multiple.keyMean.toFixed(1)} characters on average against ${multiple.otherMean.toFixed(1)} for the other options (ratio ${multiple.ratio.toFixed(3)}, at most ${GUESSING_BOUNDS.multipleKeyLength})`,
);

const splits = content.questions.flatMap((question) => {
  const split = formSplit(question);
  return split
    ? [`  ${question.source.file}: keys are ${split.keyForm}, distractors ${split.otherForm}`]
    : [];
});
console.log(
  `\nQuestions whose keys and distractors split by form (for a human to judge and fix): ${splits.length}`,
);
for (const line of splits) console.log(line);

if ((values.skill ?? []).length > 0) {
  const chosen = new Set(values.skill);
  const group = measureGuessing(singles.filter((question) => chosen.has(question.skill)).map(toGuessingItem));
  console.log(
    `\nStrategies over the ${group.questions} single-answer questions of ${[...chosen].join(", ")} (FAIL marks what would fail at the bank's bound, +${(GUESSING_BOUNDS.bank * 100).toFixed(0)} points):`,
  );
  for (const strategy of [...group.strategies].sort((a, b) => b.excess - a.excess).slice(0, 12)) {
    console.log(
      `  ${strategy.excess > GUESSING_BOUNDS.bank + 1e-9 ? "FAIL" : "ok  "} ${pct(strategy.score).padStart(7)} ${points(strategy.excess).padStart(6)}  ${strategy.label}`,
    );
  }
}

for (const skillId of values.skill ?? []) {
  const questions = content.questions.filter((question) => question.skill === skillId);
  console.log(`\n${skillId}: ${questions.length} questions`);
  for (const question of questions) {
    const stem = contentWords(question.stem);
    const others = (index: number) =>
      question.options.filter((_, other) => other !== index).map((option) => contentWords(option.text));
    const cues = (text: string) =>
      [
        hasAbsoluteWord(text) ? " abs" : "",
        hasHedgeWord(text) ? " hedge" : "",
        JUSTIFIED_TEXT.test(text) ? " reason" : "",
      ].join("");
    const lengths = question.options.map((option) => visibleText(option.text).length);
    const described = question.options.map((option, index) => {
      const own = [...contentWords(option.text)];
      const overlap = own.filter((word) => stem.has(word)).length;
      const shared = others(index).reduce((sum, set) => sum + own.filter((word) => set.has(word)).length, 0);
      return `${option.correct ? "KEY " : ""}${lengths[index]}c/${wordsOf(option.text).length}w${cues(option.text)} stem${overlap} conv${shared}`;
    });
    const keyIndex = question.options.findIndex((option) => option.correct === true);
    const keyLength = lengths[keyIndex] ?? 0;
    const rank =
      question.type === "single"
        ? ` key rank ${1 + lengths.filter((length) => length > keyLength).length}${lengths.filter((length) => length === keyLength).length > 1 ? " (tied)" : ""} of ${lengths.length}`
        : " multiple";
    console.log(`  L${question.level} ${question.id}:${rank}  [${described.join(" | ")}]`);
  }
}

console.log(
  short === 0
    ? "\nEvery skill meets its question counts and module steps."
    : `\n${short} skill(s) fall short (marked above); npm run content:check lists each problem.`,
);
