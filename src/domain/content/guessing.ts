import type { Question } from "./types";

/**
 * Test-wise guessing strategies: rules a person who knows nothing of the skill could follow to beat
 * chance on a multiple-choice bank (Millman, Bishop & Ebel 1965, "An analysis of test-wiseness";
 * Haladyna, Downing & Rodriguez 2002 on the item-writing rules that defeat them). Each strategy
 * returns its *expected* score on one single-answer question, so a tie — two options of equal
 * length, say — is split evenly rather than settled by file order. A bank without a shortcut keeps
 * every strategy near chance, over the whole bank and within each skill.
 */

export const GUESSING_BOUNDS = {
  /** Over every single-answer question: no strategy may beat chance by more than this. */
  bank: 0.04,
  /** Within one skill's single-answer questions (fewer items, so a wider bound). */
  skill: 0.2,
  /** Multiple-answer keys may be at most this much longer on average than the other options. */
  multipleKeyLength: 1.05,
} as const;

/** What a reader sees of an option: inline-code backticks do not count towards its length. */
export function visibleText(markdown: string): string {
  return markdown.replace(/`/g, "").replace(/\s+/g, " ").trim();
}

const WORD = /[a-z0-9]+(?:'[a-z]+)?/g;

export function wordsOf(text: string): string[] {
  return visibleText(text).toLowerCase().match(WORD) ?? [];
}

/**
 * Words that make a statement sweeping ("specific determiners"): test-wise people learn that
 * options using them are usually wrong. Multi-word phrases are matched as phrases.
 */
export const ABSOLUTE_WORDS = [
  "always",
  "never",
  "all",
  "none",
  "every",
  "everything",
  "nothing",
  "only",
  "must",
  "cannot",
  "can't",
  "impossible",
  "guarantee",
  "guarantees",
  "guaranteed",
  "certainly",
  "completely",
  "entirely",
  "totally",
  "absolutely",
  "whatever",
  "without exception",
  "under no circumstances",
] as const;

/** Words that hedge a statement: test-wise people learn that qualified options are often right. */
export const HEDGE_WORDS = ["usually", "often", "typically", "generally", "likely", "may", "might", "sometimes", "tends", "mostly", "probably"] as const;

function phrasePattern(words: readonly string[]): RegExp {
  return new RegExp(`\\b(?:${words.map((word) => word.replace(/'/g, "'").replace(/ /g, "\\s+")).join("|")})\\b`, "i");
}
const ABSOLUTE = phrasePattern(ABSOLUTE_WORDS);
const HEDGE = phrasePattern(HEDGE_WORDS);

export function hasAbsoluteWord(text: string): boolean {
  return ABSOLUTE.test(visibleText(text));
}

export function hasHedgeWord(text: string): boolean {
  return HEDGE.test(visibleText(text));
}

/** Function words that say nothing about the topic; sharing them with the stem is no cue. */
const STOPWORDS = new Set(
  "a an and are as at be been but by can could do does did for from had has have how if in into is it its may might more most no not of on or our should so than that the their them then there these they this those to too under up use used uses using was we were what when where which while who why will with would you your".split(" "),
);

/** The topical words of a text: lower-cased, longer than two letters, no function words. */
export function contentWords(text: string): Set<string> {
  return new Set(wordsOf(text).filter((word) => word.length > 2 && !STOPWORDS.has(word)));
}

/** A single-answer question reduced to what the strategies look at. */
export interface GuessingItem {
  id: string;
  skill: string;
  stem: string;
  options: readonly { text: string; isKey: boolean }[];
}

export function toGuessingItem(question: Question): GuessingItem {
  return { id: question.id, skill: question.skill, stem: question.stem, options: question.options.map((option) => ({ text: option.text, isKey: option.correct === true })) };
}

/** Expected score when the guesser picks uniformly among the options `picked` marks (all when none). */
function pickAmong(item: GuessingItem, picked: readonly boolean[]): number {
  const count = picked.filter(Boolean).length;
  if (count === 0) return 1 / item.options.length;
  const keyIndex = item.options.findIndex((option) => option.isKey);
  return picked[keyIndex] ? 1 / count : 0;
}

/**
 * Expected score of picking the option at rank `rank` (1 = highest) by `value`. Options with equal
 * values share the ranks they span, and a guesser aiming at one of those ranks picks among them
 * uniformly. A question with fewer options than `rank` is guessed uniformly.
 */
function pickRank(item: GuessingItem, rank: number, value: (text: string) => number): number {
  const k = item.options.length;
  if (rank > k) return 1 / k;
  const values = item.options.map((option) => value(option.text));
  const sorted = [...values].sort((a, b) => b - a);
  const target = sorted[rank - 1] as number;
  return pickAmong(item, values.map((v) => v === target));
}

/** Expected score of dropping the option ranked first by `value` (a random one among ties), then guessing among the rest. */
function dropHighestThenGuess(item: GuessingItem, value: (text: string, index: number) => number): number {
  const k = item.options.length;
  const values = item.options.map((option, index) => value(option.text, index));
  const top = Math.max(...values);
  const tied = values.filter((v) => v === top).length;
  const keyIndex = item.options.findIndex((option) => option.isKey);
  const keyDropped = values[keyIndex] === top ? 1 / tied : 0;
  return (1 - keyDropped) / (k - 1);
}

const characters = (text: string) => visibleText(text).length;
const wordCount = (text: string) => wordsOf(text).length;

export interface GuessingStrategy {
  id: string;
  label: string;
  /** Expected score on one single-answer question, in [0, 1]. */
  score(item: GuessingItem): number;
}

const MAX_OPTIONS = 5;
const ORDINALS = ["", "longest", "2nd-longest", "3rd-longest", "4th-longest", "5th-longest"];
const FROM_SHORT = ["", "shortest", "2nd-shortest", "3rd-shortest", "4th-shortest", "5th-shortest"];

function rankStrategies(): GuessingStrategy[] {
  const ranks = Array.from({ length: MAX_OPTIONS }, (_, i) => i + 1);
  return [
    ...ranks.map((rank) => ({ id: `length-rank-${rank}`, label: `always the ${ORDINALS[rank]} option (characters)`, score: (item: GuessingItem) => pickRank(item, rank, characters) })),
    ...ranks.map((rank) => ({ id: `short-rank-${rank}`, label: `always the ${FROM_SHORT[rank]} option (characters)`, score: (item: GuessingItem) => pickRank(item, rank, (text) => -characters(text)) })),
    ...ranks.map((rank) => ({ id: `word-rank-${rank}`, label: `always the ${ORDINALS[rank]} option (words)`, score: (item: GuessingItem) => pickRank(item, rank, wordCount) })),
    ...ranks.map((rank) => ({ id: `word-short-rank-${rank}`, label: `always the ${FROM_SHORT[rank]} option (words)`, score: (item: GuessingItem) => pickRank(item, rank, (text) => -wordCount(text)) })),
  ];
}

/** Options with a feature: a guesser may prefer them or avoid them (uniform among the chosen side). */
function binaryStrategies(id: string, feature: string, has: (text: string) => boolean): GuessingStrategy[] {
  return [
    { id: `prefer-${id}`, label: `prefer options with ${feature}`, score: (item) => pickAmong(item, item.options.map((option) => has(option.text))) },
    { id: `avoid-${id}`, label: `avoid options with ${feature}`, score: (item) => pickAmong(item, item.options.map((option) => !has(option.text))) },
  ];
}
const NEGATION = /\b(?:not|no|never|without|don't|doesn't|isn't|aren't|won't|can't|cannot|neither|nor)\b/i;
export const JUSTIFIED = /\b(?:because|so that|since|which means|otherwise)\b/i;

/**
 * A cue read both ways: picking the option with the most (or least) of a feature, and dropping
 * that option before guessing. A bank that over-corrects a cue — keys that never repeat the stem —
 * teaches the opposite shortcut, which the "drop" strategies catch.
 */
function featureStrategies(id: string, feature: string, values: (item: GuessingItem) => number[]): GuessingStrategy[] {
  const pickExtreme = (item: GuessingItem, sign: number) => {
    const scores = values(item).map((value) => sign * value);
    const top = Math.max(...scores);
    return pickAmong(item, scores.map((value) => value === top));
  };
  const dropExtreme = (item: GuessingItem, sign: number) => {
    const scores = values(item).map((value) => sign * value);
    return dropHighestThenGuess(item, (_, index) => scores[index] as number);
  };
  return [
    { id: `${id}-most`, label: `the option with the most ${feature}`, score: (item) => pickExtreme(item, 1) },
    { id: `${id}-least`, label: `the option with the fewest ${feature}`, score: (item) => pickExtreme(item, -1) },
    { id: `${id}-drop-most`, label: `drop the option with the most ${feature}, then guess`, score: (item) => dropExtreme(item, 1) },
    { id: `${id}-drop-least`, label: `drop the option with the fewest ${feature}, then guess`, score: (item) => dropExtreme(item, -1) },
  ];
}

/** Every strategy `content:check` bounds. */
export const GUESSING_STRATEGIES: readonly GuessingStrategy[] = [
  ...rankStrategies(),
  { id: "drop-shortest", label: "drop the shortest option, then guess", score: (item) => dropHighestThenGuess(item, (text) => -characters(text)) },
  { id: "drop-longest", label: "drop the longest option, then guess", score: (item) => dropHighestThenGuess(item, characters) },
  ...binaryStrategies("absolute", "absolute words (always, never, only, cannot…)", hasAbsoluteWord),
  ...binaryStrategies("hedged", "hedged wording (usually, often, may…)", hasHedgeWord),
  ...binaryStrategies("negation", "a negation (not, no, without…)", (text) => NEGATION.test(visibleText(text))),
  ...binaryStrategies("code", "inline code", (text) => text.includes("`")),
  ...binaryStrategies("number", "a number", (text) => /\d/.test(visibleText(text))),
  ...binaryStrategies("justified", "a stated reason (because, so that, since…)", (text) => JUSTIFIED.test(visibleText(text))),
  ...featureStrategies("stem-overlap", "words shared with the stem", (item) => {
    const stem = contentWords(item.stem);
    return item.options.map((option) => [...contentWords(option.text)].filter((word) => stem.has(word)).length);
  }),
  ...featureStrategies("convergence", "words shared with the other options", (item) => {
    const sets = item.options.map((option) => contentWords(option.text));
    return sets.map((own, index) => sets.reduce((sum, other, j) => (j === index ? sum : sum + [...own].filter((word) => other.has(word)).length), 0));
  }),
  ...Array.from({ length: MAX_OPTIONS }, (_, i) => ({
    id: `position-${i + 1}`,
    label: `always option ${i + 1} in file order`,
    score: (item: GuessingItem) => (i >= item.options.length ? 1 / item.options.length : item.options[i]?.isKey ? 1 : 0),
  })),
];

export interface StrategyScore {
  id: string;
  label: string;
  score: number;
  /** How far above chance, in points of the share of questions (0.04 = 4 points). */
  excess: number;
}

export interface GuessingReport {
  questions: number;
  /** Expected score of a blind guess: the mean of 1/k. */
  chance: number;
  strategies: StrategyScore[];
}

/** Expected score of every strategy over a set of single-answer questions, against chance. */
export function measureGuessing(items: readonly GuessingItem[]): GuessingReport {
  const n = items.length;
  const chance = n === 0 ? 0 : items.reduce((sum, item) => sum + 1 / item.options.length, 0) / n;
  const strategies = GUESSING_STRATEGIES.map((strategy) => {
    const score = n === 0 ? 0 : items.reduce((sum, item) => sum + strategy.score(item), 0) / n;
    return { id: strategy.id, label: strategy.label, score, excess: score - chance };
  });
  return { questions: n, chance, strategies };
}

/** Mean visible length of multiple-answer keys against the other options, over a set of questions. */
export function measureMultipleKeyLength(questions: readonly Question[]): { questions: number; keyMean: number; otherMean: number; ratio: number } {
  let keyTotal = 0, keyCount = 0, otherTotal = 0, otherCount = 0, count = 0;
  for (const question of questions) {
    if (question.type !== "multiple") continue;
    count++;
    for (const option of question.options) {
      if (option.correct === true) {
        keyTotal += characters(option.text);
        keyCount++;
      } else {
        otherTotal += characters(option.text);
        otherCount++;
      }
    }
  }
  const keyMean = keyCount === 0 ? 0 : keyTotal / keyCount;
  const otherMean = otherCount === 0 ? 0 : otherTotal / otherCount;
  return { questions: count, keyMean, otherMean, ratio: otherMean === 0 ? 1 : keyMean / otherMean };
}

export type OptionForm = "code" | "sentence" | "phrase";

/** A rough reading of an option's form: inline code, a full sentence, or a phrase. */
export function optionForm(text: string): OptionForm {
  const trimmed = text.trim();
  if (/^`[^`]+`$/.test(trimmed) || (trimmed.match(/`[^`]+`/g) ?? []).join("").length > trimmed.length / 2) return "code";
  return SENTENCE_VERB.test(visibleText(trimmed)) ? "sentence" : "phrase";
}
const SENTENCE_VERB =
  /\b(is|are|was|were|be|been|has|have|had|will|would|can|could|should|does|do|did|makes?|uses?|returns?|runs?|means?|gives?|needs?|keeps?|stays?|stops?|fails?|shows?|lets?|becomes?|goes|gets?|takes?|holds?|changes?|breaks?|leaks?|causes?|depends?|reads?|writes?|sends?|loses?|stores?)\b/i;

/**
 * A question whose keys share a form that none of its distractors has (or the other way round):
 * a reader can spot the key by its shape — the only code option, the only full sentence — without
 * knowing the skill. Returned for a human to fix; form is too rough to fail the build on.
 */
export function formSplit(question: Question): { keyForm: OptionForm; otherForm: OptionForm } | undefined {
  const keys = question.options.filter((option) => option.correct === true).map((option) => optionForm(option.text));
  const others = question.options.filter((option) => option.correct !== true).map((option) => optionForm(option.text));
  const keyForms = new Set(keys);
  const otherForms = new Set(others);
  if (keyForms.size !== 1 || otherForms.size !== 1) return undefined;
  const [keyForm] = keyForms;
  const [otherForm] = otherForms;
  return keyForm && otherForm && keyForm !== otherForm ? { keyForm, otherForm } : undefined;
}

/** Tokens that name an option's correctness; an option id must not carry one. */
export const NON_NEUTRAL_ID_TOKENS = ["correct", "incorrect", "wrong", "right", "answer", "distractor", "mistake", "true", "false", "good", "bad", "best", "worst"] as const;

/** The token of `id` that names correctness, if any. */
export function nonNeutralToken(id: string): string | undefined {
  const tokens = id.split("-");
  return NON_NEUTRAL_ID_TOKENS.find((token) => tokens.includes(token));
}
