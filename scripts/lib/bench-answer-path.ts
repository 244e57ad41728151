import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRandom } from "@/domain/engine/random";
import { env } from "@/env";
import { lookAheadSettled } from "@/server/assessment/attempt-states";
import { getEngine } from "@/server/assessment/engine";
import { loadQuiz, readyAnswerPath, startAssessment, submitAnswer } from "@/server/assessment/quiz";
import { db } from "@/server/db";
import { anonymousOwner, type Owner } from "@/server/identity/owner";
import { createAnswerer } from "./bench-answerer";

/**
 * The in-process half of `npm run bench:server` (scripts/bench-server.ts runs it as child
 * processes, with the tsx react-server condition, on the database its environment names):
 * submitAnswer, the function POST /api/attempts/:id/answers calls, timed without HTTP.
 *
 *   warm <plan.json>     attempts answered up to `stored` answers in this process, then, once the
 *                        process is idle (as it is while a person reads the question: the
 *                        look-ahead has run), the next answer timed (p95 warm); then `seedAttempts`
 *                        more attempts with `stored` answers left for fresh processes.
 *   restart <plan.json>  a fresh process: builds the engine, renders the questions and connects to
 *                        the database (what a server has done before its first request:
 *                        src/instrumentation.ts), then answers one seeded attempt
 *                        after another, once each, to the question the seeding left on screen
 *                        (without reading the attempt first, as a person's next click does). The
 *                        first `warmup` answers are not timed: they compile the code (the very first
 *                        is reported as coldFirstMs), as the first requests after a restart would;
 *                        measured: after 15 the p95 still held 7–10 ms of compiling, after 30 it
 *                        had settled. The rest are timed: each is the first
 *                        answer this process gives on its attempt, nothing of the attempt in memory.
 *
 * The result is written as JSON to the plan's `out` file.
 */
interface SeededAttempt {
  attemptId: string;
  tokenHash: string;
  /** The question on screen: the fresh process answers it without reading the attempt first. */
  questionId: string;
}
interface WarmPlan {
  stored: number;
  samples: number;
  seedAttempts: number;
  seed: number;
  out: string;
}
interface RestartPlan {
  attempts: SeededAttempt[];
  warmup: number;
  seed: number;
  out: string;
}

const [mode, planFile] = process.argv.slice(2);
if ((mode !== "warm" && mode !== "restart") || !planFile)
  throw new Error("usage: bench-answer-path.ts warm|restart <plan.json>");
const plan: unknown = JSON.parse(fs.readFileSync(planFile, "utf8"));
if (!env.AUTH_SECRET) throw new Error("AUTH_SECRET must be set (the option codes are derived from it)");

const engine = getEngine();
readyAnswerPath();
const roles = engine.graph.roleList.map((role) => role.id);

async function currentQuestion(attemptId: string, owner: Owner): Promise<string | null> {
  const state = await loadQuiz(attemptId, owner);
  return state.kind === "question" ? state.view.questionId : null;
}

if (mode === "warm") {
  const { stored, samples, seedAttempts, seed, out } = plan as WarmPlan;
  const random = createRandom(seed);
  const answer = createAnswerer(engine.graph, random, env.AUTH_SECRET);

  /** A new attempt answered up to `stored` answers; null when the engine finished it sooner. */
  async function attemptWithAnswers(): Promise<(SeededAttempt & { owner: Owner }) | null> {
    const tokenHash = randomBytes(32).toString("hex");
    const owner = anonymousOwner(tokenHash);
    let from = roles[Math.floor(random.next() * roles.length)] as string;
    const to = roles[Math.floor(random.next() * roles.length)] as string;
    if (from === to) from = "";
    const started = await startAssessment({ from, to, budget: "30" }, owner);
    if (!started.ok) throw new Error(`start failed: ${JSON.stringify(started.fieldErrors)}`);
    const { attemptId } = started;
    let questionId = await currentQuestion(attemptId, owner);
    for (let count = 0; count < stored; count++) {
      if (!questionId) return null;
      const result = await submitAnswer(attemptId, owner, answer(attemptId, questionId));
      if (result.kind === "next" || result.kind === "completed") answered++;
      if (result.kind !== "next" || !result.view) return null;
      questionId = result.view.questionId;
    }
    return { attemptId, tokenHash, owner, questionId: questionId as string };
  }

  const timings: number[] = [];
  let answered = 0;
  let finishedEarly = 0;
  let completedByTimed = 0;
  while (timings.length < samples) {
    const attempt = await attemptWithAnswers();
    if (!attempt) {
      finishedEarly++;
      continue;
    }
    await lookAheadSettled();
    const started = performance.now();
    const result = await submitAnswer(
      attempt.attemptId,
      attempt.owner,
      answer(attempt.attemptId, attempt.questionId),
    );
    const elapsed = performance.now() - started;
    if (result.kind === "next" || result.kind === "completed") answered++;
    // An answer that finishes the attempt scores it and builds a plan: not submit-and-next.
    if (result.kind === "next" && result.view) timings.push(elapsed);
    else if (result.kind === "completed") completedByTimed++;
    else throw new Error(`answer refused: ${JSON.stringify(result)}`);
  }
  const seeded: SeededAttempt[] = [];
  while (seeded.length < seedAttempts) {
    const attempt = await attemptWithAnswers();
    if (attempt)
      seeded.push({
        attemptId: attempt.attemptId,
        tokenHash: attempt.tokenHash,
        questionId: attempt.questionId,
      });
    else finishedEarly++;
  }
  fs.writeFileSync(out, JSON.stringify({ timings, answered, finishedEarly, completedByTimed, seeded }));
} else {
  const { attempts, warmup, seed, out } = plan as RestartPlan;
  const answer = createAnswerer(engine.graph, createRandom(seed), env.AUTH_SECRET);
  await db.$connect();
  await db.$queryRawUnsafe("SELECT 1");
  const timings: number[] = [];
  let coldFirstMs: number | null = null;
  let completedByTimed = 0;
  let answered = 0;
  for (const [index, attempt] of attempts.entries()) {
    const { attemptId, tokenHash, questionId } = attempt;
    const owner = anonymousOwner(tokenHash);
    const started = performance.now();
    const result = await submitAnswer(attemptId, owner, answer(attemptId, questionId));
    const elapsed = performance.now() - started;
    if (result.kind === "next" || result.kind === "completed") answered++;
    if (index === 0) coldFirstMs = elapsed;
    if (index < warmup) continue;
    if (result.kind === "next" && result.view) timings.push(elapsed);
    else if (result.kind === "completed") completedByTimed++;
    else throw new Error(`answer refused: ${JSON.stringify(result)}`);
  }
  fs.writeFileSync(out, JSON.stringify({ timings, coldFirstMs, completedByTimed, answered }));
}
await db.$disconnect();
