import { errorAt } from "./locate";
import type { ContentError, ParsedContent, Question, SourceLocation } from "./types";

/**
 * Item-writing rules that keep the question bank honest (Haladyna–Downing style guidelines for
 * multiple-choice items): a test-taker must not be able to pass by picking the longest option or a
 * favourite position, and every skill needs enough items at every level that the most-asked ones
 * are not memorised. Thresholds are named here so the report and the checks share them.
 */
export const BANK_RULES = {
  singleOptions: { min: 3, max: 5 },
  multipleOptions: { min: 4, max: 6, minKeys: 2 },
  /** A single-answer key may be at most this much longer than its longest distractor. */
  maxKeyLengthRatio: 1.25,
  /**
   * Across single-answer questions: share where the key is strictly the longest option (chance is
   * 25 % with four). Both ways are a tell: too high and "pick the longest" pays, too low and
   * "never pick the longest" does.
   */
  minLongestKeyShare: 0.15,
  maxLongestKeyShare: 0.3,
  /** Across single-answer questions: share of keys at any one position. */
  maxKeyPositionShare: 0.35,
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
    const longestDistractor = Math.max(0, ...distractors.map((option) => option.text.length));
    if (keys.length === 1 && key && longestDistractor > 0 && key.text.length > longestDistractor * BANK_RULES.maxKeyLengthRatio) {
      const index = question.options.indexOf(key);
      const percent = Math.round((key.text.length / longestDistractor - 1) * 100);
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
  /** Keys at position 1, 2, … across single-answer questions. */
  positions: number[];
  longestKeyCount: number;
  /** Key length divided by the longest distractor's, per single-answer question. */
  lengthRatios: number[];
}

export function measureKeySpread(questions: readonly Question[]): KeySpread {
  const spread: KeySpread = { singleCount: 0, positions: [], longestKeyCount: 0, lengthRatios: [] };
  for (const question of questions) {
    if (question.type !== "single") continue;
    const index = question.options.findIndex((option) => option.correct === true);
    const key = question.options[index];
    if (!key) continue;
    spread.singleCount++;
    spread.positions[index] = (spread.positions[index] ?? 0) + 1;
    const longestDistractor = Math.max(0, ...question.options.filter((option) => option !== key).map((option) => option.text.length));
    if (key.text.length > longestDistractor) spread.longestKeyCount++;
    if (longestDistractor > 0) spread.lengthRatios.push(key.text.length / longestDistractor);
  }
  for (let index = 0; index < spread.positions.length; index++) spread.positions[index] ??= 0;
  return spread;
}

/** Bank-wide tells: keys too often or too rarely the longest option, or bunched at one position. */
export function checkKeySpread(questions: readonly Question[]): ContentError[] {
  const spread = measureKeySpread(questions);
  if (spread.singleCount < BANK_RULES.minQuestionsForShares) return [];
  const errors: ContentError[] = [];
  const share = spread.longestKeyCount / spread.singleCount;
  if (share > BANK_RULES.maxLongestKeyShare) {
    errors.push({
      file: "questions",
      line: 1,
      message: `the key is the longest option in ${pct(share)} of single-answer questions (at most ${pct(BANK_RULES.maxLongestKeyShare)}); run npm run content:report to find them`,
    });
  }
  if (share < BANK_RULES.minLongestKeyShare) {
    errors.push({
      file: "questions",
      line: 1,
      message: `the key is the longest option in only ${pct(share)} of single-answer questions (at least ${pct(BANK_RULES.minLongestKeyShare)}): keys are almost never the longest option, so "avoid the longest" is a tell; make some keys more complete or trim over-long distractors (npm run content:report shows the ratios)`,
    });
  }
  spread.positions.forEach((count, index) => {
    const positionShare = count / spread.singleCount;
    if (positionShare > BANK_RULES.maxKeyPositionShare) {
      errors.push({
        file: "questions",
        line: 1,
        message: `${pct(positionShare)} of single-answer keys are option ${index + 1} (at most ${pct(BANK_RULES.maxKeyPositionShare)}); move some keys to other positions`,
      });
    }
  });
  return errors;
}

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
