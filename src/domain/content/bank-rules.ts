import { GUESSING_BOUNDS, GUESSING_STRATEGIES, measureGuessing, measureMultipleKeyLength, nonNeutralToken, toGuessingItem, visibleText, type GuessingItem } from "./guessing";
import { errorAt } from "./locate";
import type { ContentError, ParsedContent, Question, SourceLocation } from "./types";

/**
 * Item-writing rules that keep the question bank honest (Haladyna–Downing style guidelines for
 * multiple-choice items): a test-taker must not be able to pass by option length, wording or a
 * favourite position (the strategies in ./guessing), and every skill needs enough items at every
 * level that the most-asked ones are not memorised. Thresholds are named here so the report and
 * the checks share them.
 */
export const BANK_RULES = {
  singleOptions: { min: 3, max: 5 },
  multipleOptions: { min: 4, max: 6, minKeys: 2 },
  /** A single-answer key may be at most this much longer than its longest distractor. */
  maxKeyLengthRatio: 1.25,
  /** Bank-wide shares are only meaningful over enough questions. */
  minQuestionsForShares: 20,
  perSkill: { questions: 8, perLevel: 2 },
  /** Skills that are core in this many roles or more are asked most and need a deeper bank. */
  heavilyUsedCoreRoles: 3,
  perHeavySkill: { questions: 12, perLevel: 3 },
} as const;

const CATCH_ALL = /\b(all|none|both|neither) of the (above|options above|other options)\b/i;

/** Rules on one question that a machine can check. */
export function checkQuestionItem(question: Question): ContentError[] {
  const errors: ContentError[] = [];
  const keys = question.options.filter((option) => option.correct === true);
  const distractors = question.options.filter((option) => option.correct !== true);
  const count = question.options.length;

  if (question.type === "single") {
    const { min, max } = BANK_RULES.singleOptions;
    if (count < min || count > max) {
      errors.push(errorAt(question.source, ["options"], `a single-answer question has ${min}–${max} options, 4 preferred (found ${count})`));
    }
    const key = keys[0];
    const longestDistractor = Math.max(0, ...distractors.map((option) => visibleText(option.text).length));
    const keyLength = key ? visibleText(key.text).length : 0;
    if (keys.length === 1 && key && longestDistractor > 0 && keyLength > longestDistractor * BANK_RULES.maxKeyLengthRatio) {
      const index = question.options.indexOf(key);
      const percent = Math.round((keyLength / longestDistractor - 1) * 100);
      errors.push(
        errorAt(question.source, ["options", index, "text"], `the key is ${percent} % longer than the longest distractor (at most 25 %): length gives it away; trim it or make the distractors as specific`),
      );
    }
  } else {
    const { min, max, minKeys } = BANK_RULES.multipleOptions;
    if (count < min || count > max) {
      errors.push(errorAt(question.source, ["options"], `a multiple-answer question has ${min}–${max} options (found ${count})`));
    }
    if (keys.length > 0 && keys.length < minKeys) {
      errors.push(errorAt(question.source, ["options"], `a multiple-answer question has at least ${minKeys} correct options (found ${keys.length}); with one, make it single-answer`));
    }
  }

  question.options.forEach((option, index) => {
    const token = nonNeutralToken(option.id);
    if (token) {
      errors.push(
        errorAt(question.source, ["options", index, "id"], `option id \`${option.id}\` says \`${token}\`: ids must not name an option's correctness; rename it to what the option says and keep the old id in the option's \`replaces\` so stored answers still resolve`),
      );
    }
    if (CATCH_ALL.test(option.text)) {
      errors.push(errorAt(question.source, ["options", index, "text"], "no \"all/none of the above\" options: they test option logic, not the skill"));
    }
  });
  return errors;
}

/** Fenced code blocks must name their language (```python), for reading and for highlighting. */
export function checkCodeFences(markdown: string, source: SourceLocation, firstLine: number): ContentError[] {
  const errors: ContentError[] = [];
  let open: string | undefined;
  markdown.split("\n").forEach((line, index) => {
    const fence = /^\s*(`{3,}|~{3,})(.*)$/.exec(line);
    if (!fence) return;
    const marker = fence[1] ?? "";
    if (open) {
      if (marker.startsWith(open) && (fence[2] ?? "").trim() === "") open = undefined;
      return;
    }
    open = marker;
    if ((fence[2] ?? "").trim() === "") {
      errors.push({ file: source.file, line: firstLine + index, message: "a fenced code block needs a language, e.g. ```python, ```yaml or ```text" });
    }
  });
  return errors;
}

export interface KeySpread {
  singleCount: number;
  /** Keys at position 1, 2, … (file order) across single-answer questions. */
  positions: number[];
  /** Keys whose visible length ranks 1 (longest), 2, … among their question's options, ties split evenly. */
  lengthRanks: number[];
  /** Key length divided by the longest distractor's, per single-answer question. */
  lengthRatios: number[];
}

export function measureKeySpread(questions: readonly Question[]): KeySpread {
  const spread: KeySpread = { singleCount: 0, positions: [], lengthRanks: [], lengthRatios: [] };
  for (const question of questions) {
    if (question.type !== "single") continue;
    const index = question.options.findIndex((option) => option.correct === true);
    const key = question.options[index];
    if (!key) continue;
    spread.singleCount++;
    spread.positions[index] = (spread.positions[index] ?? 0) + 1;
    const keyLength = visibleText(key.text).length;
    const lengths = question.options.map((option) => visibleText(option.text).length);
    const longer = lengths.filter((length) => length > keyLength).length;
    const tied = lengths.filter((length) => length === keyLength).length;
    for (let rank = longer; rank < longer + tied; rank++) spread.lengthRanks[rank] = (spread.lengthRanks[rank] ?? 0) + 1 / tied;
    const longestDistractor = Math.max(0, ...question.options.filter((option) => option !== key).map((option) => visibleText(option.text).length));
    if (longestDistractor > 0) spread.lengthRatios.push(keyLength / longestDistractor);
  }
  for (let index = 0; index < spread.positions.length; index++) spread.positions[index] ??= 0;
  for (let index = 0; index < spread.lengthRanks.length; index++) spread.lengthRanks[index] ??= 0;
  return spread;
}

/** Single-answer questions grouped by skill, as the guessing strategies read them. */
function singleItemsBySkill(questions: readonly Question[]): Map<string, GuessingItem[]> {
  const bySkill = new Map<string, GuessingItem[]>();
  for (const question of questions) {
    if (question.type !== "single" || !question.options.some((option) => option.correct === true)) continue;
    const list = bySkill.get(question.skill) ?? [];
    list.push(toGuessingItem(question));
    bySkill.set(question.skill, list);
  }
  return bySkill;
}

/**
 * No test-wise shortcut: over the bank, every guessing strategy (length ranks, dropping the
 * shortest or longest, absolute words, stem overlap, positions, …) stays within
 * GUESSING_BOUNDS.bank of chance; within each skill, within GUESSING_BOUNDS.skill. Multiple-answer
 * keys are not longer on average than the other options.
 */
export function checkGuessing(content: ParsedContent): ContentError[] {
  const errors: ContentError[] = [];
  const bySkill = singleItemsBySkill(content.questions);
  const all = [...bySkill.values()].flat();
  if (all.length >= BANK_RULES.minQuestionsForShares) {
    const report = measureGuessing(all);
    for (const strategy of report.strategies) {
      if (strategy.excess <= GUESSING_BOUNDS.bank + EPSILON) continue;
      errors.push({
        file: "questions",
        line: 1,
        message: `a guesser who picks "${strategy.label}" scores ${pct(strategy.score)} over the ${report.questions} single-answer questions (chance ${pct(report.chance)}, at most ${pct(report.chance + GUESSING_BOUNDS.bank)}); rewrite options so it stops paying (npm run content:report lists each question's key rank)`,
      });
    }
  }
  const skills = new Map(content.skills.map((skill) => [skill.id, skill]));
  for (const [skillId, items] of bySkill) {
    const skill = skills.get(skillId);
    if (!skill) continue;
    const report = measureGuessing(items);
    for (const strategy of report.strategies) {
      if (strategy.excess <= GUESSING_BOUNDS.skill + EPSILON) continue;
      const hits = items.filter((item) => (strategyById.get(strategy.id)?.score(item) ?? 0) > 1 / item.options.length).map((item) => item.id);
      errors.push(
        errorAt(
          skill.source,
          ["id"],
          `a guesser who picks "${strategy.label}" scores ${pct(strategy.score)} on this skill's ${items.length} single-answer questions (chance ${pct(report.chance)}, at most ${pct(report.chance + GUESSING_BOUNDS.skill)})${hits.length > 0 ? `; it finds the key in ${hits.join(", ")}` : ""}`,
        ),
      );
    }
  }
  const multiple = measureMultipleKeyLength(content.questions);
  if (multiple.questions >= MIN_MULTIPLE_FOR_SHARES && multiple.ratio > GUESSING_BOUNDS.multipleKeyLength + EPSILON) {
    errors.push({
      file: "questions",
      line: 1,
      message: `multiple-answer keys average ${multiple.keyMean.toFixed(0)} characters against ${multiple.otherMean.toFixed(0)} for the other options (${pct(multiple.ratio - 1)} longer, at most ${pct(GUESSING_BOUNDS.multipleKeyLength - 1)}): "pick the long ones" pays; make distractors as specific or keys shorter`,
    });
  }
  return errors;
}
const strategyById = new Map(GUESSING_STRATEGIES.map((strategy) => [strategy.id, strategy]));
/** Shares are sums of thirds and quarters: a bound met exactly must not fail on rounding. */
const EPSILON = 1e-9;
const MIN_MULTIPLE_FOR_SHARES = 10;

export interface SkillCoverage {
  skillId: string;
  counts: number[];
  total: number;
  coreRoles: number;
  required: { questions: number; perLevel: number };
  highestTarget: number;
  /** `from` levels of one-level steps some role needs that no module lifts. */
  uncoveredSteps: number[];
}

/** Per skill: questions per level against the bank minimums, and module steps up to the highest target. */
export function measureCoverage(content: ParsedContent): SkillCoverage[] {
  return content.skills.map((skill) => {
    const questions = content.questions.filter((question) => question.skill === skill.id);
    const counts = [1, 2, 3, 4].map((level) => questions.filter((question) => question.level === level).length);
    const requirements = content.roles.flatMap((role) => role.requires.filter((requirement) => requirement.skill === skill.id));
    const coreRoles = requirements.filter((requirement) => requirement.weight === "core").length;
    const highestTarget = Math.max(0, ...requirements.map((requirement) => requirement.level));
    const uncoveredSteps: number[] = [];
    for (let from = 0; from < highestTarget; from++) {
      const covered = content.modules.some((mod) => mod.skills.some((step) => step.skill === skill.id && step.from <= from && from < step.to));
      if (!covered) uncoveredSteps.push(from);
    }
    const required = coreRoles >= BANK_RULES.heavilyUsedCoreRoles ? BANK_RULES.perHeavySkill : BANK_RULES.perSkill;
    return { skillId: skill.id, counts, total: questions.length, coreRoles, required, highestTarget, uncoveredSteps };
  });
}

export function checkCoverage(content: ParsedContent): ContentError[] {
  const skills = new Map(content.skills.map((skill) => [skill.id, skill]));
  return measureCoverage(content).flatMap((coverage) => {
    const skill = skills.get(coverage.skillId);
    if (!skill) return [];
    const errors: ContentError[] = [];
    const { questions, perLevel } = coverage.required;
    const short = coverage.counts.map((count, index) => (count < perLevel ? `level ${index + 1}: ${count}` : "")).filter(Boolean);
    if (coverage.total < questions || short.length > 0) {
      const why = coverage.coreRoles >= BANK_RULES.heavilyUsedCoreRoles ? ` (core in ${coverage.coreRoles} roles)` : "";
      errors.push(
        errorAt(skill.source, ["id"], `needs at least ${questions} questions with ${perLevel} at each level 1–4${why}; has ${coverage.total}${short.length > 0 ? ` (${short.join(", ")})` : ""}`),
      );
    }
    for (const from of coverage.uncoveredSteps) {
      errors.push(errorAt(skill.source, ["levels", from + 1], `no module lifts this skill from level ${from} to ${from + 1}, which a role requires; add one under content/modules/`));
    }
    return errors;
  });
}

function pct(share: number): string {
  return `${Math.round(share * 100)} %`;
}
