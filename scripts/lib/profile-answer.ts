import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

/**
 * tsx --conditions=react-server scripts/lib/profile-answer.ts [-- --attempts 60 --answers 25]
 * Where the in-process submit-and-next (submitAnswer, what POST /api/attempts/:id/answers calls)
 * spends its time for an attempt holding `answers` answers, on a throw-away SQLite database (or the
 * PostgreSQL database in DATABASE_URL): the whole call warm, the whole call after a "restart"
 * (every per-process cache emptied), and each part timed alone on the same attempts — the DB read,
 * the replay (posterior + next-question selection), the Markdown render (uncached and cached), the
 * option codes and order, and the DB writes. A hand-run profile: its timings depend on the machine's load.
 */
const { values } = parseArgs({
  options: {
    attempts: { type: "string", default: "60" },
    answers: { type: "string", default: "25" },
  },
});
const attemptCount = Number(values.attempts);
const answersBefore = Number(values.answers);

const dir = path.resolve("tests/.tmp/profile-answer");
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
process.env.DATABASE_PATH = path.join(dir, "waypoint.db");
process.env.DATA_DIR = dir;
process.env.AUTH_SECRET ??= "profile-only-secret-0123456789abcdefghijklmnopqrstuvwxyz";

const { applyMigrations } = await import("@/server/migrate");
if (!process.env.DATABASE_URL) await applyMigrations(process.env.DATABASE_PATH, { quiet: true });
const { randomUUID } = await import("node:crypto");
const { anonymousOwner } = await import("@/server/identity/owner");
const quiz = await import("@/server/assessment/quiz");
const { findOwnedAttemptWithAnswers, recordAnswerAndAdvance } = await import("@/server/attempts");
const { getEngine } = await import("@/server/assessment/engine");
const { replayAttempt } = await import("@/domain/engine/assess");
const { toRecordedAnswers } = await import("@/server/assessment/scoring");
const { renderMarkdown, clearMarkdownCache } = await import("@/server/markdown");
const { optionCode, orderOptions } = await import("@/server/assessment/option-codes");
const { clearAnswerPathCaches } = await import("@/server/assessment/quiz");
const { attemptStateStats, clearAttemptStates, forgetAttemptSnapshot, lookAheadSettled } =
  await import("@/server/assessment/attempt-states");
const { createRandom } = await import("@/domain/engine/random");

const engine = getEngine();
const random = createRandom(11);
const roles = engine.graph.roleList.map((role) => role.id);

function answerTo(attemptId: string, questionId: string) {
  const question = engine.graph.questions.get(questionId);
  if (!question) throw new Error(`unknown question ${questionId}`);
  const code = (option: (typeof question.options)[number]) => optionCode(attemptId, questionId, option);
  const roll = random.next();
  if (roll < 0.1) return { questionId, dontKnow: true };
  const wrong = question.options.find((option) => !option.correct);
  const key = question.options.filter((option) => option.correct).map(code);
  return { questionId, choice: roll < 0.5 || !wrong ? key : [code(wrong)] };
}

interface Prepared {
  attemptId: string;
  owner: ReturnType<typeof anonymousOwner>;
  questionId: string;
}

/** Attempts holding exactly `answersBefore` answers with a question on screen (quizzes that stopped earlier are dropped). */
async function prepare(count: number): Promise<Prepared[]> {
  const ready: Prepared[] = [];
  while (ready.length < count) {
    const owner = anonymousOwner(`profile-${randomUUID()}`);
    const to = roles[Math.floor(random.next() * roles.length)] as string;
    const started = await quiz.startAssessment({ to, budget: "30" }, owner);
    if (!started.ok) throw new Error(JSON.stringify(started.fieldErrors));
    let state = await quiz.loadQuiz(started.attemptId, owner);
    for (let i = 0; i < answersBefore && state.kind === "question"; i++) {
      const result = await quiz.submitAnswer(
        started.attemptId,
        owner,
        answerTo(started.attemptId, state.view.questionId),
      );
      state =
        result.kind === "next" && result.view
          ? { kind: "question", view: result.view }
          : await quiz.loadQuiz(started.attemptId, owner);
    }
    if (state.kind === "question")
      ready.push({ attemptId: started.attemptId, owner, questionId: state.view.questionId });
  }
  return ready;
}

const time = async <T>(run: () => Promise<T> | T): Promise<[number, T]> => {
  const started = performance.now();
  const result = await run();
  return [performance.now() - started, result];
};
const percentile = (samples: number[], p: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};
const figures: Record<string, number[]> = {};
const note = (name: string, ms: number) => (figures[name] ??= []).push(ms);

// Warm the JIT on a few attempts, then measure.
const warmUp = await prepare(5);
for (const attempt of warmUp)
  await quiz.submitAnswer(attempt.attemptId, attempt.owner, answerTo(attempt.attemptId, attempt.questionId));

// warm: the look-ahead has run while the person read the question (the process was idle);
// warmRead: the same without the attempt's snapshot, so PostgreSQL reads the attempt first (two
// round trips, as another instance would); warmNoLookAhead: the look-ahead has not run (a busy
// process), so the answer replays; afterRestart: every cache empty.
for (const { label, clear } of [
  { label: "warm", clear: "none" },
  { label: "warmRead", clear: "snapshot" },
  { label: "warmNoLookAhead", clear: "states" },
  { label: "afterRestart", clear: "all" },
] as const) {
  const attempts = await prepare(attemptCount);
  for (const attempt of attempts) {
    // The parts, each alone, on this attempt as it stands (25 answers, a question on screen).
    const [read, found] = await time(() => findOwnedAttemptWithAnswers(attempt.attemptId, attempt.owner));
    if (!found) throw new Error("attempt vanished");
    if (label === "warm") {
      note("dbRead", read);
      const spec = {
        currentRoleId: found.attempt.currentRoleId,
        targetRoleId: found.attempt.targetRoleId,
        seed: found.attempt.engineSeed,
        budget: found.attempt.budget,
        seenBefore: new Set(JSON.parse(found.attempt.seenQuestionIds) as string[]),
      };
      note(
        "replay (posterior + selection)",
        (await time(() => replayAttempt(engine, spec, toRecordedAnswers(found.answers))))[0],
      );
      const question = engine.graph.questions.get(attempt.questionId);
      if (!question) throw new Error("question vanished");
      const render = () =>
        [question.stem, ...question.options.map((option) => option.text)].map(renderMarkdown);
      clearMarkdownCache();
      note("markdown (uncached)", (await time(render))[0]);
      note("markdown (cached)", (await time(render))[0]);
      note(
        "option codes + order",
        (
          await time(() =>
            orderOptions(attempt.attemptId, question.id, question.options).map((option) =>
              optionCode(attempt.attemptId, question.id, option),
            ),
          )
        )[0],
      );
      const probe = warmUp[0] as Prepared;
      note(
        "dbWrite (insert + advance)",
        (
          await time(async () => {
            // The probe attempt is on another question: stored, not moved (the same one statement).
            await recordAnswerAndAdvance(
              {
                attemptId: probe.attemptId,
                questionId: `probe-${randomUUID()}`,
                skillId: question.skill,
                chosenOptionIds: [],
                isDontKnow: true,
                isCorrect: false,
                position: 99,
                difficulty: 0,
                discrimination: 1,
                guessing: 0,
                msOnItem: null,
                itemHash: null,
              },
              "never-next",
            );
          })
        )[0],
      );
    }
    // The question as the person's page shows it; while they read it the process is idle.
    await quiz.loadQuiz(attempt.attemptId, attempt.owner);
    await lookAheadSettled();
    if (clear === "snapshot") forgetAttemptSnapshot(attempt.attemptId);
    if (clear === "states") clearAttemptStates();
    if (clear === "all") {
      // A restart: every cache empty, then what the server does before it serves (instrumentation.ts)
      // but the rehearsal, whose only effect — compiled code — this process already has.
      clearAnswerPathCaches();
      quiz.readyAnswerPath(0);
    }
    const [total, result] = await time(() =>
      quiz.submitAnswer(attempt.attemptId, attempt.owner, answerTo(attempt.attemptId, attempt.questionId)),
    );
    if (result.kind !== "next" && result.kind !== "completed")
      throw new Error(`answer refused: ${result.kind}`);
    // An answer that ends the quiz also scores it and writes the plan: a different path, timed apart.
    note(result.kind === "completed" ? `submitAndFinish ${label}` : `submitAndNext ${label}`, total);
  }
}

const table = Object.fromEntries(
  Object.entries(figures).map(([name, samples]) => [
    name,
    { p50: +percentile(samples, 50).toFixed(3), p95: +percentile(samples, 95).toFixed(3), n: samples.length },
  ]),
);
console.table(table);
console.log("engine states", attemptStateStats);
console.log(JSON.stringify(table));
process.exit(0);
