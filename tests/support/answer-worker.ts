import { loadQuiz, submitAnswer } from "@/server/assessment/quiz";
import { db } from "@/server/db";
import { anonymousOwner } from "@/server/identity/owner";

/**
 * Another instance for tests/server/assessment/answer-snapshots.test.ts: its own process, its own
 * connection, nothing of the attempt in memory. It answers "I don't know" to the question the
 * attempt's owner (an anonymous browser) has on screen and prints what it answered and the reply.
 *   tsx --conditions=react-server tests/support/answer-worker.ts <attemptId> <tokenHash>
 */
const [attemptId = "", tokenHash = ""] = process.argv.slice(2);
const owner = anonymousOwner(tokenHash);
const shown = await loadQuiz(attemptId, owner);
if (shown.kind !== "question") throw new Error(`expected a question, got ${shown.kind}`);
const result = await submitAnswer(attemptId, owner, { questionId: shown.view.questionId, dontKnow: true });
console.log(
  JSON.stringify({
    answered: shown.view.questionId,
    kind: result.kind,
    next: result.kind === "next" ? (result.view?.questionId ?? null) : null,
  }),
);
// Without this, pg's idle connections keep the process alive for another 10 s.
await db.$disconnect();
