import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Question } from "@/domain/content/types";
import { nominalParameters } from "@/domain/engine/model";
import { createRandom } from "@/domain/engine/random";
import type { SkillsGraph } from "@/domain/skills-graph";
import { startAssessment } from "@/server/assessment/quiz";
import {
  currentCalibrationVersion,
  engineForVersion,
  rescoreFinished,
  runCalibration,
} from "@/server/calibration";
import { getSkillsGraph } from "@/server/content-loader";
import { db } from "@/server/db";
import { anonymousOwner } from "@/server/identity/owner";
import { dontKnowAttempt } from "../factories/people";

const graph = getSkillsGraph();
const questions = [...graph.questions.values()].filter((question) => question.type === "single");
// Two questions no other test calibrates: the shifted one has plenty of evidence, the other little.
const shifted = questions[3] as Question;
const sparse = questions[7] as Question;
const TRUE_SHIFT = 1.0;

/** Records as the app writes them, for people whose other answers put them at N(mean, 0.6²). */
function records(question: Question, count: number, shift: number, seed: number, extra: object = {}) {
  const random = createRandom(seed);
  const nominal = nominalParameters(question);
  return Array.from({ length: count }, () => {
    const abilityOther = nominal.difficulty + random.normal();
    const theta = abilityOther + 0.6 * random.normal();
    const p =
      nominal.guessing +
      (1 - nominal.guessing) / (1 + Math.exp(-nominal.discrimination * (theta - nominal.difficulty - shift)));
    const isCorrect = random.next() < p;
    return {
      id: `test-calibration-${randomUUID()}`,
      questionId: question.id,
      itemHash: question.contentHash,
      skillId: question.skill,
      chosenOptionIds: "[]",
      isDontKnow: false,
      isCorrect,
      abilityOther,
      abilitySdOther: 0.6,
      ...nominal,
      ...extra,
    };
  });
}

const inserted: string[] = [];
const writtenSets: string[] = [];

beforeAll(async () => {
  const rows = [
    ...records(shifted, 400, TRUE_SHIFT, 1),
    ...records(sparse, 40, 0, 2),
    // Demo-seeded answers never count, however many: all right here, which would make sparse easy.
    ...records(sparse, 300, -3, 3, { demo: true }),
    // Answers to an earlier version of the shifted question (its text was edited since).
    ...records(shifted, 100, -2, 4, { itemHash: "an-earlier-version" }),
  ];
  await db.responseRecord.createMany({ data: rows });
  inserted.push(...rows.map((row) => row.id));
}, 60_000);

afterAll(async () => {
  // Leave the worker's database as other test files expect it: no set in force, no extra records.
  await db.calibrationSet.deleteMany({ where: { version: { in: writtenSets } } });
  await db.responseRecord.deleteMany({ where: { id: { in: inserted } } });
}, 60_000);

const itemOf = (run: Awaited<ReturnType<typeof runCalibration>>, question: Question) =>
  run.items.find((item) => item.questionId === question.id);

describe("npm run calibrate: runCalibration", () => {
  it("a dry run estimates from live records only and writes nothing", async () => {
    const setsBefore = await db.calibrationSet.count();
    const run = await runCalibration(graph, { minResponses: 200, dryRun: true });
    expect(run.version).toBeNull();
    expect(await db.calibrationSet.count()).toBe(setsBefore);
    const moved = itemOf(run, shifted);
    const few = itemOf(run, sparse);
    // Other tests' quizzes may have added a few records of their own; ours dominate.
    expect(moved?.estimate.n).toBeGreaterThanOrEqual(400);
    expect(moved?.estimate.n).toBeLessThan(420);
    expect(few?.estimate.n).toBeGreaterThanOrEqual(40);
    expect(few?.estimate.n).toBeLessThan(60);
    expect(run.staleResponses).toBeGreaterThanOrEqual(100);
    // The evidence moved the shifted question towards where the answers put it, and lists it.
    const nominal = nominalParameters(shifted);
    expect(moved!.estimate.difficulty - nominal.difficulty).toBeGreaterThan(
      TRUE_SHIFT - 3 * moved!.estimate.difficultySe,
    );
    expect(moved!.estimate.difficulty - nominal.difficulty).toBeLessThan(
      TRUE_SHIFT + 3 * moved!.estimate.difficultySe,
    );
    expect(moved?.drift).toContain("difficulty");
    expect(moved?.usable).toBe(true);
    // Under the minimum count: estimated and reported, never used; demo answers did not make it easy.
    expect(few?.usable).toBe(false);
    expect(few!.estimate.difficulty).toBeGreaterThan(nominalParameters(sparse).difficulty - 1);
  });

  it("demo: calibrates the demo seed's answers alone and never writes a set from them", async () => {
    const setsBefore = await db.calibrationSet.count();
    const run = await runCalibration(graph, { minResponses: 200, dryRun: true, demo: true });
    expect(run.version).toBeNull();
    // Exactly the demo evidence counts: records, and the answers of demo attempts still stored
    // (another file's demo seed or demo team may have added some of its own).
    const demoCount = async (question: Question) =>
      (await db.responseRecord.count({
        where: {
          demo: true,
          questionId: question.id,
          itemHash: question.contentHash,
          abilityOther: { not: null },
        },
      })) +
      (await db.answer.count({
        where: { evidence: "demo", questionId: question.id, itemHash: question.contentHash },
      }));
    // The 300 demo answers to the sparse question, all right: it plays far easier than its label.
    const easy = itemOf(run, sparse);
    expect(easy?.estimate.n).toBe(await demoCount(sparse));
    expect(easy?.estimate.n).toBeGreaterThanOrEqual(300);
    expect(easy!.estimate.difficulty).toBeLessThan(nominalParameters(sparse).difficulty - 1);
    expect(easy?.drift).toContain("difficulty");
    // None of the shifted question's 400 live records counts.
    expect(itemOf(run, shifted)?.estimate.n ?? 0).toBe(await demoCount(shifted));
    await expect(runCalibration(graph, { minResponses: 200, dryRun: false, demo: true })).rejects.toThrow(
      "Demo answers never make a calibration set",
    );
    expect(await db.calibrationSet.count()).toBe(setsBefore);
  });

  it("reads the answers of scored attempts still stored, refitting their abilities, and counts each answer once when its attempt is deleted", async () => {
    const before = await runCalibration(graph, { minResponses: 200, dryRun: true });
    const owner = anonymousOwner(`calibration-${randomUUID()}`);
    const attemptId = await dontKnowAttempt(owner, { to: "ai-engineer", answers: 3 });
    const live = await runCalibration(graph, { minResponses: 200, dryRun: true });
    expect(live.responses).toBe(before.responses + 3);
    expect(live.attempts).toBe(before.attempts + 1);
    expect(live.rounds).toBeGreaterThanOrEqual(1);
    const answered = await db.answer.findMany({ where: { attemptId }, select: { questionId: true } });
    const n = (run: typeof live, questionId: string) =>
      itemOf(run, graph.questions.get(questionId)!)?.estimate.n ?? 0;
    for (const { questionId } of answered) expect(n(live, questionId)).toBe(n(before, questionId) + 1);
    // Deleted (as the purge or an account deletion does), its answers become anonymised records:
    // the same evidence, once.
    const known = new Set((await db.responseRecord.findMany({ select: { id: true } })).map((row) => row.id));
    await db.attempt.delete({ where: { id: attemptId } });
    inserted.push(
      ...(await db.responseRecord.findMany({ select: { id: true } }))
        .map((row) => row.id)
        .filter((id) => !known.has(id)),
    );
    const after = await runCalibration(graph, { minResponses: 200, dryRun: true });
    expect(after.responses).toBe(live.responses);
    expect(after.attempts).toBe(before.attempts);
    for (const { questionId } of answered) expect(n(after, questionId)).toBe(n(live, questionId));
  });

  it("--min-responses decides which items the engine may use", async () => {
    const strict = await runCalibration(graph, { minResponses: 1000, dryRun: true });
    expect(itemOf(strict, shifted)?.usable).toBe(false);
    expect(strict.policy.minResponses).toBe(1000);
  });

  it("writes a versioned set that new attempts record and run on; earlier attempts keep theirs", async () => {
    const owner = anonymousOwner(`calibration-${randomUUID()}`);
    const before = await startAssessment({ from: "data-scientist", to: "ai-engineer", budget: "15" }, owner);
    if (!before.ok) throw new Error("not started");

    const run = await runCalibration(graph, { minResponses: 200, dryRun: false });
    expect(run.version).toMatch(/^c\d+-\d{8}T\d{4}Z$/);
    writtenSets.push(run.version!);
    expect(await currentCalibrationVersion()).toBe(run.version);
    const stored = await db.calibrationItem.findMany({ where: { set: { version: run.version! } } });
    expect(stored.find((item) => item.questionId === shifted.id)).toMatchObject({
      itemHash: shifted.contentHash,
      usable: true,
      drift: JSON.stringify(["difficulty"]),
    });

    const after = await startAssessment({ from: "data-scientist", to: "ai-engineer", budget: "15" }, owner);
    if (!after.ok) throw new Error("not started");
    const attempts = await db.attempt.findMany({
      where: { id: { in: [before.attemptId, after.attemptId] } },
      select: { id: true, calibrationVersion: true },
    });
    expect(attempts.find((attempt) => attempt.id === before.attemptId)?.calibrationVersion).toBeNull();
    expect(attempts.find((attempt) => attempt.id === after.attemptId)?.calibrationVersion).toBe(run.version);

    // That version's engine uses the calibrated item and leaves the sparse one nominal.
    const engine = await engineForVersion(graph, run.version);
    const calibrated = itemOf(run, shifted)!;
    const used = engine?.model.itemById.get(shifted.id);
    expect(used?.difficulty).toBeCloseTo(calibrated.estimate.difficulty, 9);
    // …its discrimination weighed against the bank's, as the run found it and stored it with the set.
    expect(used?.discrimination).toBeCloseTo(calibrated.engineDiscrimination, 9);
    expect(used?.discrimination).not.toBeCloseTo(calibrated.estimate.discrimination, 3);
    expect(stored.find((item) => item.questionId === shifted.id)?.engineDiscrimination).toBeCloseTo(
      used?.discrimination ?? 0,
      9,
    );
    expect(used?.guessing).toBe(nominalParameters(shifted).guessing);
    expect(engine?.model.itemById.get(sparse.id)).toMatchObject(nominalParameters(sparse));

    // Finished under the set, its answers are evidence under that version, and keep it in the
    // record when the attempt is deleted.
    const finished = await dontKnowAttempt(owner, { to: "ai-engineer", answers: 2 });
    const answers = await db.answer.findMany({ where: { attemptId: finished } });
    expect(answers.map((answer) => answer.calibrationVersion)).toEqual([run.version, run.version]);
    const known = new Set((await db.responseRecord.findMany({ select: { id: true } })).map((row) => row.id));
    await db.attempt.delete({ where: { id: finished } });
    const written = (await db.responseRecord.findMany()).filter((row) => !known.has(row.id));
    inserted.push(...written.map((row) => row.id));
    expect(written.map((row) => row.calibrationVersion)).toEqual([run.version, run.version]);
  }, 60_000);

  it("a set written before the engine's discrimination was stored runs on its estimate, as it did", async () => {
    const run = await runCalibration(graph, { minResponses: 200, dryRun: false });
    writtenSets.push(run.version!);
    await db.calibrationItem.updateMany({
      where: { set: { version: run.version! } },
      data: { engineDiscrimination: null },
    });
    const engine = await engineForVersion(graph, run.version);
    expect(engine?.model.itemById.get(shifted.id)?.discrimination).toBeCloseTo(
      itemOf(run, shifted)!.estimate.discrimination,
      9,
    );
  });

  it("editing a question resets only that question to nominal", async () => {
    const run = await runCalibration(graph, { minResponses: 200, dryRun: false });
    writtenSets.push(run.version!);
    const edited: SkillsGraph = {
      ...graph,
      contentHash: `${graph.contentHash}-edited`,
      questions: new Map(
        [...graph.questions].map(([id, question]) => [
          id,
          id === shifted.id ? { ...question, contentHash: "after-an-edit" } : question,
        ]),
      ),
    };
    const engine = await engineForVersion(edited, run.version);
    expect(engine?.model.itemById.get(shifted.id)).toMatchObject(nominalParameters(shifted));
  });

  it("--rescore reports how finished verdicts would change and changes nothing", async () => {
    const owner = anonymousOwner(`rescore-${randomUUID()}`);
    const attemptId = await dontKnowAttempt(owner, { to: "ai-engineer", answers: 4 });
    // Rated Expert everywhere, then "I don't know": the ratings move the verdicts, so a rescore
    // that left them out would not reproduce this attempt's.
    const ratedId = await dontKnowAttempt(owner, { to: "ai-engineer", answers: 4, rateEverything: 4 });
    const snapshot = () =>
      db.attempt.findUnique({
        where: { id: attemptId },
        select: { readiness: true, resultJson: true, skillEstimates: { orderBy: { skillId: "asc" } } },
      });
    const before = await snapshot();
    const run = await runCalibration(graph, { minResponses: 200, dryRun: true });
    const report = await rescoreFinished(graph, run.items);
    expect(report.attempts).toBeGreaterThanOrEqual(1);
    expect(report.requiredPairs).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
    // With no usable item the rescore reproduces every stored verdict: it is the scoring itself.
    // (Only attempts the engine scored: other files' fixtures write results by hand.)
    const unchanged = await rescoreFinished(
      graph,
      run.items.map((item) => ({ ...item, usable: false })),
      [attemptId, ratedId],
    );
    expect(unchanged.attempts).toBe(2);
    expect(unchanged.requiredPairs).toBeGreaterThan(0);
    expect(unchanged.roleVerdictChanges).toBe(0);
    expect(unchanged.skillVerdictChanges).toBe(0);
  }, 60_000);
});

describe("npm run calibrate: the command line", () => {
  const calibrate = (...args: string[]) =>
    spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/calibrate.ts", ...args], {
      encoding: "utf8",
      env: process.env,
    });

  it("refuses bad flags with a usage line and exit 2, writing nothing", () => {
    for (const args of [
      ["--min-responses", "abc"],
      ["--min-responses", "0"],
      ["--frobnicate"],
      ["extra"],
      ["--demo", "--rescore"],
    ]) {
      const run = calibrate(...args);
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stderr).toContain("usage: npm run calibrate");
    }
  }, 120_000);

  it("prints per-item results and the drift list; --dry-run writes nothing", async () => {
    const setsBefore = await db.calibrationSet.count();
    const run = calibrate("--dry-run", "--rescore");
    expect(run.status).toBe(0);
    // Used, with the discrimination the engine runs it on, and listed for drift.
    expect(run.stdout).toMatch(new RegExp(`${shifted.id}\\s+\\d+ .* yes\\s+\\d+\\.\\d\\d\\s+difficulty`));
    expect(run.stdout).toContain("Drift:");
    expect(run.stdout).toMatch(/Rescore \(nothing changed\): of \d+ finished attempts/);
    expect(run.stdout).toContain("Dry run: nothing was written.");
    expect(await db.calibrationSet.count()).toBe(setsBefore);
  }, 120_000);

  it("--demo prints what calibration finds in the demo seed's answers and writes nothing", async () => {
    const setsBefore = await db.calibrationSet.count();
    const run = calibrate("--demo");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^\d+ demo responses \(simulated by db:seed -- --demo, never used by the engine\)/m,
    );
    expect(run.stdout).toMatch(new RegExp(`${sparse.id}\\s+\\d+ .*difficulty`));
    expect(run.stdout).toContain(
      "Demo data: nothing was written; calibration sets come from real answers only.",
    );
    expect(await db.calibrationSet.count()).toBe(setsBefore);
  }, 120_000);
});
