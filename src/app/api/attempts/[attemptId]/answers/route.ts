import { loadQuiz, submitAnswer } from "@/server/assessment/quiz";
import { jsonError, NOT_FOUND, quizStateJson, readJson } from "@/server/json-api";
import { openAttemptWrite } from "@/server/identity";

/**
 * POST /api/attempts/:id/answers — { questionId, choice?: string[], dontKnow?: boolean }. Idempotent:
 * repeating a request never records twice. Answers with the next question or completion.
 */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ attemptId: string }> },
): Promise<Response> {
  const opened = await openAttemptWrite(request, params);
  if (opened instanceof Response) return opened;
  const { attemptId, owner } = opened;
  const result = await submitAnswer(attemptId, owner, await readJson(request));
  if (result.kind === "notFound") return NOT_FOUND();
  if (result.kind === "invalid") return jsonError(400, result.message);
  if (result.kind === "completed") return quizStateJson(attemptId, result);
  if (result.view) return quizStateJson(attemptId, { kind: "question", view: result.view });
  // A replayed or stale request did not move the attempt: report where it is now.
  return quizStateJson(attemptId, await loadQuiz(attemptId, owner));
}
