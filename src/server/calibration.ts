import "server-only";
import {
  calibrateResponses,
  DEFAULT_USE_POLICY,
  isUsable,
  type DriftReason,
  type ItemEstimate,
  type UsePolicy,
} from "@/domain/calibration";
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
import { meetsTarget, verdictOf } from "@/domain/engine/verdict";
import type { SkillsGraph } from "@/domain/skills-graph";
import { db } from "./db";
import { listCalibrationEvidence } from "./response-records";
import { toRecordedAnswers } from "./assessment/scoring";
import { specOf } from "./assessment/spec";

/**
 * Calibration sets (docs/decisions/013-calibration.md): `npm run calibrate` estimates every
 * question's difficulty and discrimination from the anonymised response record and writes a new,
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
  usable: boolean;
  drift: DriftReason[];
}

export interface CalibrationRun {
  /** The new set's version; null for a dry run. */
  version: string | null;
  /** Records read (demo rows excluded). */
  responses: number;
  /** Records of question versions content no longer has (edited or removed): not used. */
  staleResponses: number;
  policy: UsePolicy;
  items: CalibratedItem[];
}

/** Reads the record and calibrates every current question that has evidence; writes a set unless `dryRun`. */
export async function runCalibration(
  graph: SkillsGraph,
  options: { minResponses: number; dryRun: boolean; now?: Date },
): Promise<CalibrationRun> {
  const policy: UsePolicy = { ...DEFAULT_USE_POLICY, minResponses: options.minResponses };
  const evidence = await listCalibrationEvidence();
  const questionByHash = new Map(
    [...graph.questions.values()].map((question) => [question.contentHash, question]),
  );
  const byHash = new Map<string, typeof evidence>();
  let staleResponses = 0;
  for (const record of evidence) {
    const question = questionByHash.get(record.itemHash);
    if (!question || question.id !== record.questionId) {
      staleResponses++;
      continue;
    }
    const list = byHash.get(record.itemHash);
    if (list) list.push(record);
    else byHash.set(record.itemHash, [record]);
  }
  const items: CalibratedItem[] = [...byHash]
    .map(([itemHash, records]) => {
      const question = questionByHash.get(itemHash)!; // grouped above by questions that exist
      const nominal = nominalParameters(question);
      const { estimate, drift } = calibrateResponses(
        records.map((record) => ({
          isCorrect: record.isCorrect,
          isDontKnow: record.isDontKnow,
          abilityMean: record.abilityOther,
          abilitySd: record.abilitySdOther,
        })),
        nominal,
      );
      return {
        questionId: question.id,
        itemHash,
        skillId: question.skill,
        level: question.level,
        nominal,
        estimate,
        usable: isUsable(estimate, policy),
        drift,
      };
    })
    .sort((a, b) => (a.questionId < b.questionId ? -1 : 1));
  const run: CalibrationRun = { version: null, responses: evidence.length, staleResponses, policy, items };
  if (options.dryRun) return run;
  const now = options.now ?? new Date();
  const count = await db.calibrationSet.count();
  const version = `c${count + 1}-${now.toISOString().slice(0, 16).replace(/[-:]/g, "")}Z`;
  await db.calibrationSet.create({
    data: {
      version,
      responses: evidence.length,
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
  const latest = await db.calibrationSet.findFirst({
    orderBy: [{ createdAt: "desc" }, { version: "desc" }],
    select: { version: true },
  });
  return latest?.version ?? null;
}

/**
 * A set's usable items for this content: those whose question still has the hash they were
 * calibrated under. Sets never change once written, so this is cached per version and content.
 */
async function overridesFor(version: string, graph: SkillsGraph): Promise<ParameterOverrides> {
  const rows = await db.calibrationItem.findMany({
    where: { set: { version }, usable: true },
    select: { questionId: true, itemHash: true, difficulty: true, discrimination: true },
  });
  return new Map(
    rows
      .filter((row) => graph.questions.get(row.questionId)?.contentHash === row.itemHash)
      .map((row) => [row.questionId, { difficulty: row.difficulty, discrimination: row.discrimination }]),
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
      currentRoleId: true,
      targetRoleId: true,
      engineSeed: true,
      budget: true,
      seenQuestionIds: true,
      selfRatingStep: true,
      selfRatingBiasMean: true,
      selfRatingBiasSd: true,
      selfRatingNoiseSd: true,
      selfRatings: { select: { skillId: true, level: true }, orderBy: { skillId: "asc" } },
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
              discrimination: item.estimate.discrimination,
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
