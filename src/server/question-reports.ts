import "server-only";
import { z } from "zod";
import { REPORT_REASON_IDS } from "@/domain/question-report";
import { fieldErrorsOf, type FieldErrors } from "@/lib/field-errors";
import { findOwnedAttempt } from "./attempts";
import { getSkillsGraph } from "./content-loader";
import { db } from "./db";
import type { Owner } from "./identity/owner";

export const QuestionReportSchema = z
  .object({
    questionId: z.string().min(1).max(200),
    attemptId: z.string().max(100).default(""),
    reason: z.enum(REPORT_REASON_IDS, { error: "Choose what is wrong." }),
    details: z.string().trim().max(2000, "Keep it under 2,000 characters.").default(""),
  })
  .strict();

/** What the report form shows after a submit; the client's form state is this type. */
export type ReportOutcome =
  { ok: true } | { ok: false; fieldErrors: FieldErrors<"reason" | "details" | "questionId" | "attemptId"> };

/** Stores a report about a question; the attempt link is kept only when the reporter owns it. */
export async function reportQuestion(input: unknown, owner: Owner | null): Promise<ReportOutcome> {
  const parsed = QuestionReportSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const graph = getSkillsGraph();
  if (!graph.questions.has(parsed.data.questionId))
    return { ok: false, fieldErrors: { questionId: "That question no longer exists." } };
  const attempt = parsed.data.attemptId ? await findOwnedAttempt(parsed.data.attemptId, owner) : null;
  await db.questionReport.create({
    data: {
      questionId: parsed.data.questionId,
      attemptId: attempt?.id ?? null,
      reason: parsed.data.reason,
      details: parsed.data.details,
      contentHash: graph.contentHash,
    },
  });
  return { ok: true };
}

export async function listQuestionReports() {
  return db.questionReport.findMany({
    orderBy: { createdAt: "desc" },
    select: { id: true, questionId: true, reason: true, details: true, contentHash: true, createdAt: true },
  });
}
