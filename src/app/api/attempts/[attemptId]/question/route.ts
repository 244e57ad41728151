import { readIdParam } from "@/lib/route-params";
import { loadQuiz } from "@/server/assessment/quiz";
import { NOT_FOUND } from "@/server/json-api";
import { currentOwner } from "@/server/identity";

/** GET /api/attempts/:id/question — the question on screen (key-free), or completed. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ attemptId: string }> },
): Promise<Response> {
  const attemptId = await readIdParam(params, "attemptId");
  if (!attemptId) return NOT_FOUND();
  const state = await loadQuiz(attemptId, await currentOwner());
  if (state.kind === "notFound") return NOT_FOUND();
  return Response.json(
    state.kind === "question"
      ? { status: "in_progress", question: state.view }
      : { status: "completed", resultsUrl: `/results/${attemptId}` },
    {
      headers: { "Cache-Control": "no-store" },
    },
  );
}
