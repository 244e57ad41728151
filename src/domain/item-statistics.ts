import type { ItemParameters } from "./engine/model";

/**
 * Classical item statistics from the evidence of real answers (scored answers and the anonymised
 * records of deleted attempts): how an item actually plays, next to what its level label claims.
 * Pure: the server hands over the current content's items, their responses and their open problem
 * reports.
 *
 * Definitions (the README's "What answers teach" repeats them for content maintainers):
 * - discrimination: the Pearson (point-biserial) correlation between being right ("I don't know"
 *   counts as not right) and `abilityOther`, the engine's estimate of the skill from the person's
 *   OTHER answers — the answer cannot vouch for itself;
 * - ability groups: terciles of `abilityOther` among the item's respondents, by rank;
 * - expected share correct: at each respondent's ability (averaged over its uncertainty, probit
 *   approximation) the nominal 3PL's chance of knowing the answer, plus, for those who do not,
 *   the guessing floor times the share of them who guess rather than say "I don't know" (the
 *   engine reads that as not knowing, without a guess) — that share estimated from the item's
 *   own "I don't know" count, so an item many decline is not taken for a hard one;
 * - far from the level: |observed − expected| more than LEVEL_Z standard errors of the
 *   Poisson-binomial count under the nominal expectation;
 * - unusually fast correct answers: the median time of correct answers under FAST_FRACTION of the
 *   bank's typical time on item (the median of the items' median times) — how a leaked key shows.
 * Flags need at least `minResponses` responses: below that every statistic is still shown, but
 * sampling noise alone would raise them.
 */

export interface ItemResponse {
  /** Content option ids; empty for "I don't know". */
  chosenOptionIds: readonly string[];
  isDontKnow: boolean;
  isCorrect: boolean;
  abilityOther: number | null;
  abilitySdOther: number | null;
  msOnItem: number | null;
}

export interface StatisticsItem {
  questionId: string;
  skillId: string;
  level: number;
  type: "single" | "multiple";
  options: readonly { id: string; correct: boolean }[];
  /** The parameters the level label implies (nominalParameters). */
  nominal: ItemParameters;
}

export const DONT_KNOW_ROW = "dont-know";

export type FlagCode = "low-discrimination" | "distractor-over-key" | "level-mismatch" | "fast-correct";

export interface ItemFlag {
  code: FlagCode;
  /** One sentence for the content maintainer, with the figures behind it. */
  message: string;
}

export interface ChoiceGroup {
  /** low | middle | high, or lower | upper once merged into halves, or all. */
  id: "low" | "middle" | "high" | "lower" | "upper" | "all";
  label: string;
  responses: number;
  /** Range of abilityOther in the group (logits). */
  minAbility: number;
  maxAbility: number;
}

export interface ChoiceRow {
  /** A content option id, or DONT_KNOW_ROW. */
  id: string;
  isKey: boolean;
  /** Share of the group's responses that chose this option, one per group, in `groups` order. */
  shares: number[];
}

/**
 * The option × ability-group table. Every cell covers at least `minCell` responses: its group
 * has that many. Three tercile groups when each reaches it, otherwise halves, otherwise one group
 * of all respondents; `null` (nothing shown) below `minCell` respondents with an ability.
 */
export interface ChoiceTable {
  groups: ChoiceGroup[];
  rows: ChoiceRow[];
  /** True when terciles were merged (halves or one group) to respect the cell rule. */
  merged: boolean;
}

export interface ItemStatistics {
  questionId: string;
  skillId: string;
  level: number;
  responses: number;
  /** Share of all responses that were right; null without responses. */
  shareCorrect: number | null;
  dontKnowShare: number | null;
  /** Correlation between being right and abilityOther; null when it cannot be computed. */
  discrimination: number | null;
  /** Share correct the level's nominal parameters predict at the respondents' abilities. */
  expectedShareCorrect: number | null;
  /** (observed − expected) / SE over the responses with an ability; positive: easier than its level says. */
  levelZ: number | null;
  medianMs: number | null;
  medianCorrectMs: number | null;
  timedResponses: number;
  openReports: number;
  choices: ChoiceTable | null;
  flags: ItemFlag[];
}

export interface StatisticsSettings {
  /** Responses an item needs before any flag is raised. */
  minResponses: number;
  /** Responses every option × group cell must cover. */
  minCell: number;
  lowDiscrimination: number;
  /**
   * The least discrimination a working item shows: the low-discrimination flag needs the data to
   * rule it out (the correlation's upper bound, two standard errors on Fisher's z, below it), so
   * that 30–60 responses to a sound item, whose correlation wanders by ±0.15, do not raise it.
   */
  workingDiscrimination: number;
  levelZ: number;
  fastFraction: number;
  /** Timed correct answers an item needs before the fast-correct flag is considered. */
  minTimedCorrect: number;
}

export const STATISTICS_DEFAULTS: StatisticsSettings = {
  minResponses: 30,
  minCell: 5,
  lowDiscrimination: 0.1,
  workingDiscrimination: 0.3,
  levelZ: 3,
  fastFraction: 0.4,
  minTimedCorrect: 10,
};

/** The correlation `r` of `n` pairs plus two standard errors on Fisher's z (1/√(n − 3)), back on r's scale. */
export function correlationUpperBound(r: number, n: number): number {
  if (n <= 3) return 1;
  const z = Math.atanh(Math.max(-0.999999, Math.min(0.999999, r)));
  return Math.tanh(z + 2 / Math.sqrt(n - 3));
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Pearson correlation; null with fewer than three pairs or when either side does not vary. */
export function correlation(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 3 || ys.length !== n) return null;
  const mx = xs.reduce((sum, x) => sum + x, 0) / n;
  const my = ys.reduce((sum, y) => sum + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let index = 0; index < n; index++) {
    const dx = (xs[index] as number) - mx;
    const dy = (ys[index] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx <= 1e-12 || syy <= 1e-12) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * P(knows the answer) — the 3PL's logistic part — for an ability known as N(mean, sd²), averaged
 * over the ability by the probit approximation σ(a(μ − b) / √(1 + π a² s² / 8)).
 */
export function knowingProbability(parameters: ItemParameters, mean: number, sd: number): number {
  const { difficulty, discrimination } = parameters;
  const scale = Math.sqrt(1 + (Math.PI * discrimination ** 2 * sd ** 2) / 8);
  return 1 / (1 + Math.exp((-discrimination * (mean - difficulty)) / scale));
}

/** P(correct) under the 3PL for an ability known as N(mean, sd²), everyone guessing who does not know. */
export function expectedCorrect(parameters: ItemParameters, mean: number, sd: number): number {
  return parameters.guessing + (1 - parameters.guessing) * knowingProbability(parameters, mean, sd);
}

const GROUP_LABELS = {
  low: "Low scorers",
  middle: "Middle scorers",
  high: "High scorers",
  lower: "Lower half",
  upper: "Upper half",
  all: "All respondents",
} as const;

/** Splits responses (sorted by ability) into `k` groups by rank. */
function splitByRank<T>(sorted: readonly T[], k: number): T[][] {
  return Array.from({ length: k }, (_, group) =>
    sorted.slice(Math.floor((group * sorted.length) / k), Math.floor(((group + 1) * sorted.length) / k)),
  );
}

type WithAbility = ItemResponse & { abilityOther: number };

function withAbility(responses: readonly ItemResponse[]): WithAbility[] {
  return responses
    .filter((response): response is WithAbility => response.abilityOther !== null)
    .sort((a, b) => a.abilityOther - b.abilityOther);
}

/** The option × ability-group table under the cell rule (see ChoiceTable). */
export function choiceTable(
  item: Pick<StatisticsItem, "options">,
  responses: readonly ItemResponse[],
  minCell = STATISTICS_DEFAULTS.minCell,
): ChoiceTable | null {
  const sorted = withAbility(responses);
  const layouts = [["low", "middle", "high"], ["lower", "upper"], ["all"]] as const;
  for (const ids of layouts) {
    const parts = splitByRank(sorted, ids.length);
    if (parts.some((part) => part.length < minCell)) continue;
    const groups: ChoiceGroup[] = parts.map((part, index) => ({
      id: ids[index] as ChoiceGroup["id"],
      label: GROUP_LABELS[ids[index] as ChoiceGroup["id"]],
      responses: part.length,
      minAbility: (part[0] as WithAbility).abilityOther,
      maxAbility: (part[part.length - 1] as WithAbility).abilityOther,
    }));
    const share = (part: readonly ItemResponse[], chose: (response: ItemResponse) => boolean) =>
      part.filter(chose).length / part.length;
    const rows: ChoiceRow[] = [
      ...item.options.map((option) => ({
        id: option.id,
        isKey: option.correct,
        shares: parts.map((part) => share(part, (response) => response.chosenOptionIds.includes(option.id))),
      })),
      {
        id: DONT_KNOW_ROW,
        isKey: false,
        shares: parts.map((part) => share(part, (response) => response.isDontKnow)),
      },
    ];
    return { groups, rows, merged: ids.length < 3 };
  }
  return null;
}

/** The bank's typical time on item: the median of the items' median times (items with any timing). */
export function typicalItemMs(medians: readonly (number | null)[]): number | null {
  return median(medians.filter((value): value is number => value !== null));
}

const percent = (share: number) => `${Math.round(share * 100)} %`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Statistics and flags of one item. `bankTypicalMs`: typicalItemMs over the bank (null when untimed). */
export function itemStatistics(
  item: StatisticsItem,
  responses: readonly ItemResponse[],
  context: { openReports: number; bankTypicalMs: number | null },
  settings: StatisticsSettings = STATISTICS_DEFAULTS,
): ItemStatistics {
  const n = responses.length;
  const correct = responses.filter((response) => response.isCorrect).length;
  const dontKnow = responses.filter((response) => response.isDontKnow).length;
  const ranked = withAbility(responses);
  const discrimination = correlation(
    ranked.map((response) => (response.isCorrect ? 1 : 0)),
    ranked.map((response) => response.abilityOther),
  );

  // Share correct against the level's nominal expectation, over the responses with an ability.
  let expectedShareCorrect: number | null = null;
  let comparedShareCorrect: number | null = null;
  let levelZ: number | null = null;
  if (ranked.length > 0) {
    const m = ranked.length;
    const knows = ranked.map((response) =>
      knowingProbability(item.nominal, response.abilityOther, response.abilitySdOther ?? 0),
    );
    // Those who do not know either guess (right with the guessing floor) or say "I don't know";
    // the share who decline is estimated from the item's own "I don't know" count.
    const notKnowing = knows.reduce((sum, p) => sum + (1 - p), 0);
    const declined = ranked.filter((response) => response.isDontKnow).length;
    const guessRate = notKnowing > 0 ? Math.max(0, 1 - declined / notKnowing) : 0;
    const expected = knows.map((p) => p + (1 - p) * guessRate * item.nominal.guessing);
    expectedShareCorrect = expected.reduce((sum, p) => sum + p, 0) / m;
    comparedShareCorrect = ranked.filter((response) => response.isCorrect).length / m;
    const se = Math.sqrt(expected.reduce((sum, p) => sum + p * (1 - p), 0)) / m;
    levelZ = se > 0 ? (comparedShareCorrect - expectedShareCorrect) / se : null;
  }

  const timed = responses.filter((response) => response.msOnItem !== null);
  const timedCorrect = timed
    .filter((response) => response.isCorrect)
    .map((response) => response.msOnItem as number);
  const medianMs = median(timed.map((response) => response.msOnItem as number));
  const medianCorrectMs = median(timedCorrect);

  const flags: ItemFlag[] = [];
  if (n >= settings.minResponses) {
    if (
      discrimination !== null &&
      discrimination < settings.lowDiscrimination &&
      correlationUpperBound(discrimination, ranked.length) < settings.workingDiscrimination
    )
      flags.push({
        code: "low-discrimination",
        message:
          discrimination < 0
            ? `Negative discrimination (${discrimination.toFixed(2)}): stronger people get it wrong more often than weaker ones.`
            : `Discrimination ${discrimination.toFixed(2)} is below ${settings.lowDiscrimination}: being right barely depends on ability.`,
      });
    const high = splitByRank(ranked, 3)[2] ?? [];
    if (high.length >= settings.minCell) {
      const chosenBy = (id: string) =>
        high.filter((response) => response.chosenOptionIds.includes(id)).length;
      const keyCount = Math.min(
        ...item.options.filter((option) => option.correct).map((option) => chosenBy(option.id)),
      );
      const rival = item.options
        .filter((option) => !option.correct)
        .map((option) => ({ id: option.id, count: chosenBy(option.id) }))
        .sort((a, b) => b.count - a.count)[0];
      if (rival && rival.count > keyCount)
        flags.push({
          code: "distractor-over-key",
          message: `High scorers chose “${rival.id}” (${percent(rival.count / high.length)}) more often than the key (${percent(keyCount / high.length)}): check the key and that option.`,
        });
    }
    if (
      levelZ !== null &&
      Math.abs(levelZ) > settings.levelZ &&
      expectedShareCorrect !== null &&
      comparedShareCorrect !== null
    )
      flags.push({
        code: "level-mismatch",
        message: `${percent(comparedShareCorrect)} were right where level ${item.level} predicts ${percent(expectedShareCorrect)} at their abilities (${Math.abs(levelZ).toFixed(1)} standard errors): it plays ${levelZ > 0 ? "easier" : "harder"} than its level.`,
      });
    if (
      context.bankTypicalMs !== null &&
      medianCorrectMs !== null &&
      timedCorrect.length >= settings.minTimedCorrect &&
      medianCorrectMs < settings.fastFraction * context.bankTypicalMs
    )
      flags.push({
        code: "fast-correct",
        message: `Correct answers take ${seconds(medianCorrectMs)} (median) against ${seconds(context.bankTypicalMs)} typical for the bank: the key may have leaked.`,
      });
  }

  return {
    questionId: item.questionId,
    skillId: item.skillId,
    level: item.level,
    responses: n,
    shareCorrect: n === 0 ? null : correct / n,
    dontKnowShare: n === 0 ? null : dontKnow / n,
    discrimination,
    expectedShareCorrect,
    levelZ,
    medianMs,
    medianCorrectMs,
    timedResponses: timed.length,
    openReports: context.openReports,
    choices: choiceTable(item, responses, settings.minCell),
    flags,
  };
}
