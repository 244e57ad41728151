import "server-only";
import {
  calibrateEvidence,
  DEFAULT_USE_POLICY,
  isUsable,
  type DriftReason,
  type ItemEstimate,
  type CalibrationResponse,
  type ResponsePattern,
  type UsePolicy,
} from "@/domain/calibration";
import { notUsedReasons, parseDrift, type NotUsedReason } from "@/domain/calibration/explain";
import { fitForEveryRole, summariseSkills } from "@/domain/engine/result";
import { answerTerms, attemptPrior, createEngine, type Engine } from "@/domain/engine/assess";
import { fitPosterior } from "@/domain/engine/expectation-propagation";
import {
  buildEngineModel,
  nominalParameters,
  targetProfile,
  type ItemParameters,
  type ParameterOverrides,
} from "@/domain/engine/model";
import type { Posterior } from "@/domain/engine/posterior";
import { meetsTarget, verdictOf } from "@/domain/engine/verdict";
import type { SkillsGraph } from "@/domain/skills-graph";
import { db } from "./db";
import { listCalibrationEvidence, listLiveAttemptEvidence } from "./response-records";
import { toRecordedAnswers } from "./assessment/scoring";
import { specOf, specSourceSelect } from "./assessment/spec";

/**
 * Calibration sets (docs/decisions/013-calibration.md): `npm run calibrate` estimates every
 * question's difficulty and discrimination from the evidence (response-records.ts: the answers of
 * scored attempts still stored, and the anonymised record of deleted ones) and writes a new,
 * immutable set; an attempt records the newest set's version when it starts and is selected and
 * scored with that set's usable items to the end. Items are keyed by the hash of their own
 * content, so an edited question is nominal again until it has evidence of its own.
 */

export interface CalibratedItem {
  questionId: string;
  itemHash: string;
  skillId: string;
  level: number;
  nominal: ItemParameters;
  estimate: ItemEstimate;
  /** The discrimination the engine runs the item on when usable: the estimate weighed against the bank's (shrink.ts). */
  engineDiscrimination: number;
  usable: boolean;
  drift: DriftReason[];
}

export interface CalibrationRun {
  /** The new set's version; null for a dry run. */
  version: string | null;
  /** Responses read (demo rows excluded): records plus the answers of scored attempts still stored. */
  responses: number;
  /** Scored attempts still stored, whose abilities calibration refitted round by round. */
  attempts: number;
  /** Rounds of refitting those abilities (decision 013). */
  rounds: number;
  /** Responses to question versions content no longer has (edited or removed): not used. */
  staleResponses: number;
  policy: UsePolicy;
  items: CalibratedItem[];
}

/**
 * Reads the evidence — the anonymised records and the answers of scored attempts still stored —
 * and calibrates every current question that has some; writes a set unless `dryRun`. With `demo`,
 * it calibrates the demo seed's simulated answers alone, to show what calibration finds on a fresh
 * instance; a set is never written from them.
 */
export async function runCalibration(
  graph: SkillsGraph,
  options: { minResponses: number; dryRun: boolean; demo?: boolean; now?: Date },
): Promise<CalibrationRun> {
  if (options.demo && !options.dryRun)
    throw new Error("Demo answers never make a calibration set: calibrate them with dryRun.");
  const policy: UsePolicy = { ...DEFAULT_USE_POLICY, minResponses: options.minResponses };
  const demo = options.demo === true;
  const engine = createEngine(graph);
  const isCurrent = (questionId: string, itemHash: string) =>
    graph.questions.get(questionId)?.contentHash === itemHash;
  let staleResponses = 0;
  let responses = 0;
  const records = new Map<string, CalibrationResponse[]>();
  for (const record of await listCalibrationEvidence({ demo })) {
    responses++;
    if (!isCurrent(record.questionId, record.itemHash)) {
      staleResponses++;
      continue;
    }
    const list = records.get(record.questionId) ?? [];
    list.push({
      isCorrect: record.isCorrect,
      isDontKnow: record.isDontKnow,
      abilityMean: record.abilityOther,
      abilitySd: record.abilitySdOther,
    });
    records.set(record.questionId, list);
  }
  const patterns: ResponsePattern[] = [];
  // Attempts without self-ratings that start from the same role share one prior object.
  const rolePriors = new Map<string | null, Posterior>();
  for await (const page of listLiveAttemptEvidence({ demo })) {
    for (const attempt of page) {
      responses += attempt.answers.length;
      const answers = attempt.answers.filter((answer) => isCurrent(answer.questionId, answer.itemHash));
      staleResponses += attempt.answers.length - answers.length;
      if (answers.length === 0) continue;
      const spec = specOf(attempt, attempt.selfRatings);
      let prior = spec.selfRatings ? undefined : rolePriors.get(spec.currentRoleId);
      if (!prior) {
        prior = attemptPrior(engine, spec).prior;
        if (!spec.selfRatings) rolePriors.set(spec.currentRoleId, prior);
      }
      patterns.push({ prior, answers });
    }
  }
  const { items: calibrations, rounds } = calibrateEvidence(engine, patterns, records, {
    minResponses: policy.minResponses,
  });
  const items: CalibratedItem[] = [...calibrations]
    .map(([questionId, { estimate, drift, engineDiscrimination }]) => {
      const question = graph.questions.get(questionId)!; // calibrateEvidence keeps the engine's items only
      return {
        questionId,
        itemHash: question.contentHash,
        skillId: question.skill,
        level: question.level,
        nominal: nominalParameters(question),
        estimate,
        engineDiscrimination,
        usable: isUsable(estimate, policy),
        drift,
      };
    })
    .sort((a, b) => (a.questionId < b.questionId ? -1 : 1));
  const run: CalibrationRun = {
    version: null,
    responses,
    attempts: patterns.length,
    rounds,
    staleResponses,
    policy,
    items,
  };
  if (options.dryRun) return run;
  const now = options.now ?? new Date();
  const count = await db.calibrationSet.count();
  const version = `c${count + 1}-${now.toISOString().slice(0, 16).replace(/[-:]/g, "")}Z`;
  await db.calibrationSet.create({
    data: {
      version,
      responses,
      minResponses: policy.minResponses,
      maxDifficultySe: policy.maxDifficultySe,
      maxRelativeDiscriminationSe: policy.maxRelativeDiscriminationSe,
      createdAt: now,
      items: {
        createMany: {
          data: items.map((item) => ({
            questionId: item.questionId,
            itemHash: item.itemHash,
            skillId: item.skillId,
            nominalDifficulty: item.nominal.difficulty,
            nominalDiscrimination: item.nominal.discrimination,
            guessing: item.nominal.guessing,
            difficulty: item.estimate.difficulty,
            discrimination: item.estimate.discrimination,
            difficultySe: item.estimate.difficultySe,
            discriminationSe: item.estimate.discriminationSe,
            engineDiscrimination: item.engineDiscrimination,
            n: item.estimate.n,
            usable: item.usable,
            drift: JSON.stringify(item.drift),
          })),
        },
      },
    },
  });
  return { ...run, version };
}

/** The newest set's version, which attempts starting now record; null when none was written. */
export async function currentCalibrationVersion(): Promise<string | null> {
  return (await currentSet())?.version ?? null;
}

/** The set attempts starting now record, with the thresholds it applies; null when none was written. */
async function currentSet() {
  return db.calibrationSet.findFirst({
    orderBy: [{ createdAt: "desc" }, { version: "desc" }],
    select: {
      id: true,
      version: true,
      createdAt: true,
      responses: true,
      minResponses: true,
      maxDifficultySe: true,
      maxRelativeDiscriminationSe: true,
    },
  });
}

const policyOf = (set: {
  minResponses: number;
  maxDifficultySe: number;
  maxRelativeDiscriminationSe: number;
}): UsePolicy => ({
  minResponses: set.minResponses,
  maxDifficultySe: set.maxDifficultySe,
  maxRelativeDiscriminationSe: set.maxRelativeDiscriminationSe,
});

/** One set's row for a question, as the admin item page shows it. */
export interface CalibrationHistoryEntry {
  version: string;
  createdAt: Date;
  /** The set attempts starting now use. */
  isCurrentSet: boolean;
  policy: UsePolicy;
  itemHash: string;
  /** False for a row calibrated under an earlier version of the question (edited since): never applied to it now. */
  isCurrentContent: boolean;
  n: number;
  nominal: { difficulty: number; discrimination: number };
  difficulty: number;
  difficultySe: number;
  discrimination: number;
  discriminationSe: number;
  /** The discrimination the engine runs the item on when used (sets before it was stored: the estimate). */
  engineDiscrimination: number;
  /** Whether the set's thresholds let the engine use the row (as stored when the set was written). */
  usable: boolean;
  /** Why not, by the set's own thresholds; empty when usable. */
  notUsed: NotUsedReason[];
  drift: DriftReason[];
}

export interface CalibrationHistory {
  /** The set new attempts use; null when none was written (every item nominal). */
  current: { version: string; createdAt: Date; policy: UsePolicy } | null;
  /** Every set with a row for the question, newest first. */
  entries: CalibrationHistoryEntry[];
  /** Whether attempts starting now run on calibrated parameters for this question's current content. */
  inUse: boolean;
}

/**
 * A question's calibration history: every set that has a row for it (whatever its content hash
 * then), newest first, each judged by that set's own thresholds. `contentHash` is the question's
 * current hash (null when it left the content: no row applies).
 */
export async function calibrationHistory(
  questionId: string,
  contentHash: string | null,
): Promise<CalibrationHistory> {
  const [set, rows] = await Promise.all([
    currentSet(),
    db.calibrationItem.findMany({
      where: { questionId },
      orderBy: [{ set: { createdAt: "desc" } }, { set: { version: "desc" } }],
      include: {
        set: {
          select: {
            version: true,
            createdAt: true,
            minResponses: true,
            maxDifficultySe: true,
            maxRelativeDiscriminationSe: true,
          },
        },
      },
    }),
  ]);
  const entries = rows.map((row): CalibrationHistoryEntry => {
    const policy = policyOf(row.set);
    return {
      version: row.set.version,
      createdAt: row.set.createdAt,
      isCurrentSet: row.set.version === set?.version,
      policy,
      itemHash: row.itemHash,
      isCurrentContent: row.itemHash === contentHash,
      n: row.n,
      nominal: { difficulty: row.nominalDifficulty, discrimination: row.nominalDiscrimination },
      difficulty: row.difficulty,
      difficultySe: row.difficultySe,
      discrimination: row.discrimination,
      discriminationSe: row.discriminationSe,
      engineDiscrimination: row.engineDiscrimination ?? row.discrimination,
      usable: row.usable,
      notUsed: row.usable ? [] : notUsedReasons(row, policy),
      drift: parseDrift(row.drift),
    };
  });
  return {
    current: set ? { version: set.version, createdAt: set.createdAt, policy: policyOf(set) } : null,
    entries,
    inUse: entries.some((entry) => entry.isCurrentSet && entry.isCurrentContent && entry.usable),
  };
}

/** Per current question, what the set in force does with it: for the admin items table. */
export interface ItemCalibrationStatus {
  /** The engine uses the question's calibrated parameters for attempts starting now. */
  inUse: boolean;
  /** Drift the current set lists for the question's current content. */
  drift: DriftReason[];
}

export async function currentCalibrationStatus(
  graph: SkillsGraph,
): Promise<{ version: string | null; byQuestion: Map<string, ItemCalibrationStatus> }> {
  const set = await currentSet();
  if (!set) return { version: null, byQuestion: new Map() };
  const rows = await db.calibrationItem.findMany({
    where: { setId: set.id },
    select: { questionId: true, itemHash: true, usable: true, drift: true },
  });
  const byQuestion = new Map<string, ItemCalibrationStatus>();
  for (const row of rows) {
    // A row of an earlier version of the question applies to nothing now.
    if (graph.questions.get(row.questionId)?.contentHash !== row.itemHash) continue;
    byQuestion.set(row.questionId, { inUse: row.usable, drift: parseDrift(row.drift) });
  }
  return { version: set.version, byQuestion };
}

/** The calibration in force, as /admin/instance shows it; null when no set was ever written. */
export interface CalibrationInUse {
  version: string;
  createdAt: Date;
  responses: number;
  policy: UsePolicy;
  /** Rows in the set (questions with evidence when it was made). */
  items: number;
  /** Rows the engine applies now: usable and of the question's current content. */
  used: number;
  /** Rows of question versions content no longer has (edited or removed since): not applied. */
  stale: number;
  /** Rows of current content listed for drift review. */
  drifted: number;
}

export async function calibrationInUse(graph: SkillsGraph): Promise<{
  set: CalibrationInUse | null;
  /** Attempts still in progress that started under another set (or none): they keep theirs to the end. */
  inProgressOnOlder: number;
  /** Sets written in all. */
  sets: number;
}> {
  const [set, sets] = await Promise.all([currentSet(), db.calibrationSet.count()]);
  if (!set) return { set: null, inProgressOnOlder: 0, sets };
  const [rows, inProgressOnOlder] = await Promise.all([
    db.calibrationItem.findMany({
      where: { setId: set.id },
      select: { questionId: true, itemHash: true, usable: true, drift: true },
    }),
    db.attempt.count({
      where: {
        status: "in_progress",
        OR: [{ calibrationVersion: null }, { calibrationVersion: { not: set.version } }],
      },
    }),
  ]);
  const current = rows.filter((row) => graph.questions.get(row.questionId)?.contentHash === row.itemHash);
  return {
    set: {
      version: set.version,
      createdAt: set.createdAt,
      responses: set.responses,
      policy: policyOf(set),
      items: rows.length,
      used: current.filter((row) => row.usable).length,
      stale: rows.length - current.length,
      drifted: current.filter((row) => parseDrift(row.drift).length > 0).length,
    },
    inProgressOnOlder,
    sets,
  };
}

/**
 * A set's usable items for this content: those whose question still has the hash they were
 * calibrated under. Sets never change once written, so this is cached per version and content.
 */
async function overridesFor(version: string, graph: SkillsGraph): Promise<ParameterOverrides> {
  const rows = await db.calibrationItem.findMany({
    where: { set: { version }, usable: true },
    select: {
      questionId: true,
      itemHash: true,
      difficulty: true,
      discrimination: true,
      engineDiscrimination: true,
    },
  });
  return new Map(
    rows
      .filter((row) => graph.questions.get(row.questionId)?.contentHash === row.itemHash)
      .map((row) => [
        row.questionId,
        // As the set was written: sets from before engineDiscrimination ran on the estimate itself.
        { difficulty: row.difficulty, discrimination: row.engineDiscrimination ?? row.discrimination },
      ]),
  );
}

const engines = new Map<string, Engine>();

/** The engine an attempt runs on: nominal without a version, else with that set's usable items. */
export async function engineForVersion(graph: SkillsGraph, version: string | null): Promise<Engine | null> {
  if (version === null) return null;
  const key = `${graph.contentHash}|${version}`;
  const cached = engines.get(key);
  if (cached) return cached;
  const engine: Engine = { graph, model: buildEngineModel(graph, await overridesFor(version, graph)) };
  if (engines.size > 16) engines.delete(engines.keys().next().value as string);
  engines.set(key, engine);
  return engine;
}

/** How a finished attempt's verdicts would change under a set: nothing is written. */
export interface RescoreReport {
  attempts: number;
  /** Attempts whose role verdict (ready / uncertain / not yet) would change. */
  roleVerdictChanges: number;
  /** (attempt, required skill) pairs whose meets/gap verdict would change. */
  skillVerdictChanges: number;
  requiredPairs: number;
  changes: { from: string; to: string; count: number }[];
}

/**
 * Re-scores every completed attempt in memory with the items' new parameters where the set would
 * use them (the stored answers' own parameters elsewhere) and compares verdicts with the stored
 * result. Finished results are never changed; this only reports.
 */
export async function rescoreFinished(
  graph: SkillsGraph,
  items: readonly CalibratedItem[],
  /** Only these attempts (default: every completed attempt). */
  only?: readonly string[],
): Promise<RescoreReport> {
  const engine = createEngine(graph);
  const usable = new Map(items.filter((item) => item.usable).map((item) => [item.questionId, item]));
  const attempts = await db.attempt.findMany({
    where: { status: "completed", ...(only ? { id: { in: [...only] } } : {}) },
    select: {
      id: true,
      ...specSourceSelect,
      readiness: true,
      answers: { orderBy: { position: "asc" } },
      skillEstimates: { select: { skillId: true, pMeets: true } },
    },
  });
  const report: RescoreReport = {
    attempts: 0,
    roleVerdictChanges: 0,
    skillVerdictChanges: 0,
    requiredPairs: 0,
    changes: [],
  };
  const transitions = new Map<string, number>();
  for (const attempt of attempts) {
    if (!graph.roles.has(attempt.targetRoleId)) continue;
    report.attempts++;
    const answers = toRecordedAnswers(attempt.answers).map((answer, index) => {
      const item = usable.get(answer.questionId);
      const hash = attempt.answers[index]?.itemHash ?? null;
      return item && (hash === null || hash === item.itemHash)
        ? {
            ...answer,
            parameters: {
              ...answer.parameters,
              difficulty: item.estimate.difficulty,
              discrimination: item.engineDiscrimination,
            },
          }
        : answer;
    });
    // The prior the attempt was scored from: the role's, conditioned on any self-ratings.
    const { prior } = attemptPrior(engine, specOf(attempt, attempt.selfRatings));
    const target = targetProfile(engine.model, graph, attempt.targetRoleId);
    const { posterior } = fitPosterior(prior, answerTerms(engine.model, answers).terms);
    const stored = new Map(attempt.skillEstimates.map((estimate) => [estimate.skillId, estimate.pMeets]));
    for (const skill of summariseSkills(engine.model, posterior, target, answers)) {
      if (skill.pMeets === null) continue;
      const before = stored.get(skill.skillId);
      if (before === null || before === undefined) continue;
      report.requiredPairs++;
      if (meetsTarget(before) !== meetsTarget(skill.pMeets)) report.skillVerdictChanges++;
    }
    if (attempt.readiness !== null) {
      // As scoreAndSave computes it: the target's entry in the all-roles fit.
      const rescored = fitForEveryRole(engine, posterior, attempt.engineSeed).find(
        (role) => role.roleId === target.roleId,
      );
      const from = verdictOf(attempt.readiness);
      const to = verdictOf(rescored?.readiness ?? 0);
      if (from !== to) {
        report.roleVerdictChanges++;
        transitions.set(`${from}→${to}`, (transitions.get(`${from}→${to}`) ?? 0) + 1);
      }
    }
  }
  report.changes = [...transitions].map(([key, count]) => {
    const [from, to] = key.split("→") as [string, string];
    return { from, to, count };
  });
  return report;
}
