import "server-only";
import { z } from "zod";
import { nominalParameters } from "@/domain/engine/model";
import {
  itemStatistics,
  median,
  typicalItemMs,
  type FlagCode,
  type ItemResponse,
  type ItemStatistics,
  type StatisticsItem,
} from "@/domain/item-statistics";
import type { Question } from "@/domain/content/types";
import { currentCalibrationStatus, type ItemCalibrationStatus } from "./calibration";
import { getSkillsGraph } from "./content-loader";
import { db } from "./db";
import { evidenceState, listItemEvidence } from "./response-records";

/**
 * Item statistics for the content maintainers: the evidence of each current question (the answers
 * of scored attempts still stored and the anonymised records of deleted ones, response-records.ts)
 * — only evidence of the question's current content hash, so an edited question starts afresh —
 * with its open problem reports, through the pure domain/item-statistics.ts. Live figures never
 * include demo evidence (`db:seed -- --demo`, demo teams and cohorts); `{ demo: true }` reads only
 * that, for a view labelled as demo data.
 */

export const FLAG_CODES = [
  "low-discrimination",
  "distractor-over-key",
  "level-mismatch",
  "fast-correct",
] as const satisfies readonly FlagCode[];

export const FLAG_LABELS: Record<FlagCode, string> = {
  "low-discrimination": "Low or negative discrimination",
  "distractor-over-key": "Distractor beats the key among high scorers",
  "level-mismatch": "Plays off its level",
  "fast-correct": "Unusually fast correct answers",
};

/** What the calibration set in force does with a question (the items table's "Parameters" filter). */
export const CALIBRATION_FILTERS = {
  calibrated: "Calibrated (in use)",
  nominal: "Nominal",
  drift: "Listed for drift",
} as const;
export type CalibrationFilter = keyof typeof CALIBRATION_FILTERS;

export interface ItemStatisticsFilter {
  skillId?: string;
  level?: number;
  flag?: FlagCode;
  calibration?: CalibrationFilter;
}

export interface StatisticsSource {
  /** Read the simulated demo records instead of the live ones. */
  demo?: boolean;
}

/** A filter as the admin page's query string carries it; empty strings mean "any". */
export const ItemStatisticsFilterSchema = z
  .object({
    skill: z.string().trim().max(100).default(""),
    level: z
      .string()
      .trim()
      .regex(/^[0-4]?$/, "Choose a level from 0 to 4.")
      .default(""),
    flag: z
      .string()
      .trim()
      .refine((value) => value === "" || (FLAG_CODES as readonly string[]).includes(value), {
        error: "Choose one of the listed flags.",
      })
      .default(""),
    calibration: z
      .string()
      .trim()
      .refine((value) => value === "" || Object.hasOwn(CALIBRATION_FILTERS, value), {
        error: "Choose one of the listed parameter states.",
      })
      .default(""),
  })
  .strict();

/** Parses the query-string filter: unknown flags and levels are field errors, an unknown skill matches nothing. */
export function parseItemStatisticsFilter(
  input: unknown,
): { ok: true; filter: ItemStatisticsFilter } | { ok: false; fieldErrors: Record<string, string> } {
  const parsed = ItemStatisticsFilterSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "filter")] ??= issue.message;
    return { ok: false, fieldErrors };
  }
  const { skill, level, flag, calibration } = parsed.data;
  return {
    ok: true,
    filter: {
      ...(skill === "" ? {} : { skillId: skill }),
      ...(level === "" ? {} : { level: Number(level) }),
      ...(flag === "" ? {} : { flag: flag as FlagCode }),
      ...(calibration === "" ? {} : { calibration: calibration as CalibrationFilter }),
    },
  };
}

export interface ItemStatisticsRow extends ItemStatistics {
  skillTitle: string;
  type: "single" | "multiple";
  /** The question's current content hash: the statistics cover only records made with it. */
  itemHash: string;
  /** Records of earlier versions of the question (before an edit), not counted above. */
  earlierResponses: number;
  /** The options as content has them now (id, key), in file order: the rows of `choices`. */
  options: { id: string; correct: boolean }[];
  /**
   * What the calibration set attempts start on now does with the question's current content (the
   * live set, whichever answers the statistics read): calibrated parameters in use or nominal, and
   * its drift listing.
   */
  calibration: ItemCalibrationStatus;
  /** That set's version; null when no set was ever written (every question nominal). */
  calibrationVersion: string | null;
}

function statisticsItem(question: Question): StatisticsItem {
  return {
    questionId: question.id,
    skillId: question.skill,
    level: question.level,
    type: question.type === "multiple" ? "multiple" : "single",
    options: question.options.map((option) => ({ id: option.id, correct: option.correct === true })),
    nominal: nominalParameters(question),
  };
}

/** Questions whose records one statement reads: memory stays bounded by the busiest questions, not the whole record. */
const QUESTIONS_PER_READ = 20;

function chunks<T>(values: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < values.length; start += size) out.push(values.slice(start, start + size));
  return out;
}

/**
 * The bank's typical time on an item (the median of the per-question medians), which the
 * fast-correct flag of every question compares with: a first pass reading only the timings,
 * some questions at a time.
 */
async function bankTypicalMs(questions: readonly Question[], demo: boolean): Promise<number | null> {
  const medians: (number | null)[] = [];
  for (const chunk of chunks(questions, QUESTIONS_PER_READ)) {
    const hashes = new Map(chunk.map((question) => [question.id, question.contentHash]));
    const rows = await listItemEvidence([...hashes.keys()], { demo, timedOnly: true });
    const timings = new Map<string, number[]>();
    for (const row of rows) {
      if (hashes.get(row.questionId) !== row.itemHash || row.msOnItem === null) continue;
      const list = timings.get(row.questionId) ?? [];
      list.push(row.msOnItem);
      timings.set(row.questionId, list);
    }
    for (const question of chunk) medians.push(median(timings.get(question.id) ?? []));
  }
  return typicalItemMs(medians);
}

/** One question's figures from the record, before its open reports are added. */
interface BankEntry {
  statistics: ItemStatistics;
  /** Records of earlier versions of the question (before an edit). */
  earlier: number;
}

/**
 * The figures of every current question for one state of the evidence, per process and source
 * (live or demo): computing them reads every response (measured ~0.9 s at 100,000 records), and the
 * admin views ask again on every filter, sort and item page. The state is the content hash with
 * the source's evidence fingerprint (response-records.ts evidenceState): any answer any instance
 * has scored or moved into the record since — or an edit of the content — recomputes, and nothing
 * is ever shown from evidence that has changed. Open problem reports and the calibration set are
 * read fresh on every view.
 */
const bankCache = ((
  globalThis as unknown as { waypointItemStatistics?: Map<boolean, BankFigures> }
).waypointItemStatistics ??= new Map());
interface BankFigures {
  state: string;
  byQuestion: Map<string, BankEntry>;
}

/** How often the figures were computed and served from the cache (tests). */
export const itemStatisticsCacheStats = { computed: 0, reused: 0 };

/** The figures of every current question, from the cache while the record and the content are unchanged. */
async function bankFigures(demo: boolean): Promise<Map<string, BankEntry>> {
  const graph = getSkillsGraph();
  const state = `${graph.contentHash}:${await evidenceState(demo)}`;
  const cached = bankCache.get(demo);
  if (cached?.state === state) {
    itemStatisticsCacheStats.reused++;
    return cached.byQuestion;
  }
  const questions = graph.topologicalOrder.flatMap((skillId) => graph.questionsBySkill.get(skillId) ?? []);
  const byQuestion = await computeBank(questions, demo);
  itemStatisticsCacheStats.computed++;
  bankCache.set(demo, { state, byQuestion });
  return byQuestion;
}

/**
 * The figures of `questions` from the records of each one's current content hash, read some
 * questions at a time; records of earlier versions are only counted.
 */
async function computeBank(questions: readonly Question[], demo: boolean): Promise<Map<string, BankEntry>> {
  const typicalMs = await bankTypicalMs(questions, demo);
  const byQuestion = new Map<string, BankEntry>();
  for (const chunk of chunks(questions, QUESTIONS_PER_READ)) {
    const current = new Map(chunk.map((question) => [question.id, question.contentHash]));
    const records = await listItemEvidence([...current.keys()], { demo });
    const responses = new Map<string, ItemResponse[]>();
    const earlier = new Map<string, number>();
    for (const record of records) {
      if (record.itemHash !== current.get(record.questionId)) {
        earlier.set(record.questionId, (earlier.get(record.questionId) ?? 0) + 1);
        continue;
      }
      const list = responses.get(record.questionId) ?? [];
      list.push({
        chosenOptionIds: parseChosen(record.chosenOptionIds),
        isDontKnow: record.isDontKnow,
        isCorrect: record.isCorrect,
        abilityOther: record.abilityOther,
        abilitySdOther: record.abilitySdOther,
        msOnItem: record.msOnItem,
      });
      responses.set(record.questionId, list);
    }
    for (const question of chunk)
      byQuestion.set(question.id, {
        statistics: itemStatistics(statisticsItem(question), responses.get(question.id) ?? [], {
          openReports: 0,
          bankTypicalMs: typicalMs,
        }),
        earlier: earlier.get(question.id) ?? 0,
      });
  }
  return byQuestion;
}

/** Statistics of `questions` (in their order), with their open problem reports and calibration status now. */
async function compute(
  questions: readonly Question[],
  source: StatisticsSource,
): Promise<ItemStatisticsRow[]> {
  const graph = getSkillsGraph();
  const [bank, reports, calibration] = await Promise.all([
    bankFigures(source.demo === true),
    db.questionReport.groupBy({ by: ["questionId"], where: { resolvedAt: null }, _count: { _all: true } }),
    currentCalibrationStatus(graph),
  ]);
  const openReports = new Map(reports.map((row) => [row.questionId, row._count._all]));
  const rows: ItemStatisticsRow[] = [];
  for (const question of questions) {
    const entry = bank.get(question.id);
    if (!entry) continue;
    rows.push({
      ...entry.statistics,
      openReports: openReports.get(question.id) ?? 0,
      skillTitle: graph.skills.get(question.skill)?.title ?? question.skill,
      type: question.type === "multiple" ? "multiple" : "single",
      itemHash: question.contentHash,
      earlierResponses: entry.earlier,
      options: question.options.map((option) => ({ id: option.id, correct: option.correct === true })),
      calibration: calibration.byQuestion.get(question.id) ?? { inUse: false, drift: [] },
      calibrationVersion: calibration.version,
    });
  }
  return rows;
}

function parseChosen(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === "string") : [];
  } catch {
    return [];
  }
}

/** Statistics of every current question matching the filter (all of them without one). */
export async function listItemStatistics(
  filter: ItemStatisticsFilter = {},
  source: StatisticsSource = {},
): Promise<ItemStatisticsRow[]> {
  const graph = getSkillsGraph();
  const questions = graph.topologicalOrder
    .flatMap((skillId) => graph.questionsBySkill.get(skillId) ?? [])
    .filter(
      (question) =>
        (filter.skillId === undefined || question.skill === filter.skillId) &&
        (filter.level === undefined || question.level === filter.level),
    );
  const rows = await compute(questions, source);
  return rows.filter(
    (row) =>
      (filter.flag === undefined || row.flags.some((flag) => flag.code === filter.flag)) &&
      (filter.calibration === undefined ||
        (filter.calibration === "calibrated" && row.calibration.inUse) ||
        (filter.calibration === "nominal" && !row.calibration.inUse) ||
        (filter.calibration === "drift" && row.calibration.drift.length > 0)),
  );
}

/** One question's statistics; null when the current content has no such question. */
export async function itemStatisticsFor(
  questionId: string,
  source: StatisticsSource = {},
): Promise<ItemStatisticsRow | null> {
  const question = getSkillsGraph().questions.get(questionId);
  if (!question) return null;
  const [row] = await compute([question], source);
  return row ?? null;
}
