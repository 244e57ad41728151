import { z } from "zod";
import { loadQuiz, startAssessment } from "@/server/assessment/quiz";
import { jsonError, readJson, rejectUnsafeWrite } from "@/server/json-api";
import { ensureOwner } from "@/server/identity";
import { RATE_RULES, checkRate, requestAddress, tooManyRequests } from "@/server/rate-limit";

const BodySchema = z
  .object({
    from: z.string().max(100).optional(),
    to: z.string().max(100),
    hoursPerWeek: z.number().int().optional(),
    timeZone: z.string().max(100).optional(),
    budget: z.number().int().optional(),
  })
  .strict();

/** POST /api/attempts — start an assessment; answers 201 with the first question. */
export async function POST(request: Request): Promise<Response> {
  const unsafe = rejectUnsafeWrite(request);
  if (unsafe) return unsafe;
  const rate = await checkRate([{ rule: RATE_RULES.attemptPerAddress, subject: await requestAddress() }]);
  if (!rate.allowed) return tooManyRequests(rate);
  const body = BodySchema.safeParse(await readJson(request));
  if (!body.success) return jsonError(400, "Expected { to, from?, hoursPerWeek?, timeZone?, budget? }.");
  const owner = await ensureOwner();
  const { from = "", to, hoursPerWeek, timeZone = "", budget } = body.data;
  const asText = (value: number | undefined) => (value === undefined ? "" : String(value));
  const started = await startAssessment(
    { from, to, hoursPerWeek: asText(hoursPerWeek), timeZone, budget: asText(budget) },
    owner,
  );
  if (!started.ok) return jsonError(400, "Please fix the fields.", started.fieldErrors);
  const state = await loadQuiz(started.attemptId, owner);
  return Response.json(
    { attemptId: started.attemptId, question: state.kind === "question" ? state.view : null },
    { status: 201, headers: { "Cache-Control": "no-store" } },
  );
}
