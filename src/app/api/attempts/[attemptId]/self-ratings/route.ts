import { z } from "zod";
import { loadQuiz } from "@/server/assessment/quiz";
import { NOT_SURE, submitSelfRatings } from "@/server/assessment/self-rating-step";
import { jsonError, NOT_FOUND, quizStateJson, readJson } from "@/server/json-api";
import { openAttemptWrite } from "@/server/identity";

const BodySchema = z
  .object({
    skip: z.boolean().optional(),
    /** Skill id → level 0–4, or null / "unsure" for "not sure"; required skills left out are "not sure". */
    ratings: z.record(z.string().max(100), z.union([z.number(), z.literal(NOT_SURE), z.null()])).optional(),
  })
  .strict();

/**
 * POST /api/attempts/:id/self-ratings — { ratings?: { skillId: 0–4 | null }, skip?: true }: the
 * self-rating step before the first question, as the page's form takes it. Answers with the first
 * question, now chosen from the rated state; 409 once the attempt has an answer (ratings lock).
 * A client that never calls it simply answers: the step is then over unrated.
 */
export async function POST(
  request: Request,
  { params }: { params: Promise<{ attemptId: string }> },
): Promise<Response> {
  const opened = await openAttemptWrite(request, params);
  if (opened instanceof Response) return opened;
  const { attemptId, owner } = opened;
  const body = BodySchema.safeParse(await readJson(request));
  if (!body.success)
    return jsonError(400, 'Expected { ratings?: { skillId: 0–4 | null | "unsure" }, skip?: true }.');
  const ratings = Object.fromEntries(
    Object.entries(body.data.ratings ?? {}).map(([skillId, level]) => [
      skillId,
      level === null ? NOT_SURE : String(level),
    ]),
  );
  const result = await submitSelfRatings(attemptId, owner, { skip: body.data.skip ?? false, ratings });
  if (result.kind === "notFound") return NOT_FOUND();
  if (result.kind === "invalid") return jsonError(400, result.message);
  if (result.kind === "locked") return jsonError(409, result.message);
  return quizStateJson(attemptId, await loadQuiz(attemptId, owner));
}
