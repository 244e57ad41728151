import "server-only";
import { z } from "zod";
import { REPORT_REASON_IDS } from "@/domain/question-report";
import { describeWait } from "@/domain/rate-limit";
import { fieldErrorsOf, type FieldErrors } from "@/lib/field-errors";
import { findOwnedAttempt } from "./attempts";
import { getSkillsGraph } from "./content-loader";
import { db } from "./db";
import type { Owner } from "./identity/owner";
import { RATE_RULES, checkRate } from "./rate-limit";

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
  | { ok: true }
  | {
      ok: false;
      /** Not about a field: e.g. too many reports from this browser or network. */
      error?: string;
      fieldErrors: FieldErrors<"reason" | "details" | "questionId" | "attemptId">;
    };

/**
 * Stores a report about a question; the attempt link is kept only when the reporter owns it.
 * Anonymous reports are welcome, but not by the thousand: limited per reporter (account or
 * anonymous browser) and per client address, checked before anything else.
 */
export async function reportQuestion(
  input: unknown,
  owner: Owner | null,
  address: string,
): Promise<ReportOutcome> {
  const rate = await checkRate([
    ...(owner
      ? [{ rule: RATE_RULES.reportPerOwner, subject: owner.userId ?? `anonymous:${owner.tokenHash}` }]
      : []),
    { rule: RATE_RULES.reportPerAddress, subject: address },
  ]);
  if (!rate.allowed)
    return {
      ok: false,
      error: `Too many reports from you or your network. Thank you — please try again in ${describeWait(rate.retryAfterSeconds)}.`,
      fieldErrors: {},
    };
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
