import { readIdParam } from "@/lib/route-params";
import { loadQuiz } from "@/server/assessment/quiz";
import { NOT_FOUND, quizStateJson } from "@/server/json-api";
import { currentOwner } from "@/server/identity";

/** GET /api/attempts/:id/question — the question on screen (key-free), or completed. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ attemptId: string }> },
): Promise<Response> {
  const attemptId = await readIdParam(params, "attemptId");
  if (!attemptId) return NOT_FOUND();
  return quizStateJson(attemptId, await loadQuiz(attemptId, await currentOwner()));
}
