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

/** A report as exported and shown, with its resolution; never the reporter. */
const REPORT_FIELDS = {
  id: true,
  questionId: true,
  reason: true,
  details: true,
  contentHash: true,
  createdAt: true,
  resolvedAt: true,
  resolutionNote: true,
} as const;

export async function listQuestionReports() {
  return db.questionReport.findMany({ orderBy: { createdAt: "desc" }, select: REPORT_FIELDS });
}

const REPORT_VIEW = { ...REPORT_FIELDS, resolvedBy: { select: { name: true } } } as const;

/**
 * For /admin: open reports grouped by question, the question with the most open reports first
 * (then the newest report). No attempt or reporter is shown: a report carries neither on screen.
 */
export async function listOpenReportsByQuestion() {
  const rows = await db.questionReport.findMany({
    where: { resolvedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: REPORT_VIEW,
  });
  const byQuestion = new Map<string, typeof rows>();
  for (const row of rows) byQuestion.set(row.questionId, [...(byQuestion.get(row.questionId) ?? []), row]);
  return [...byQuestion.entries()]
    .map(([questionId, reports]) => ({ questionId, reports }))
    .sort((a, b) => b.reports.length - a.reports.length);
}

/** Recently resolved reports with their notes, newest resolution first. */
export async function listResolvedReports(limit = 30) {
  return db.questionReport.findMany({
    where: { resolvedAt: { not: null } },
    orderBy: [{ resolvedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: REPORT_VIEW,
  });
}

/** Every report about one question, open ones first, each group newest first. */
export async function reportsForQuestion(questionId: string) {
  const rows = await db.questionReport.findMany({
    where: { questionId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: REPORT_VIEW,
  });
  return [...rows.filter((row) => !row.resolvedAt), ...rows.filter((row) => row.resolvedAt)];
}
export type ReportView = Awaited<ReturnType<typeof reportsForQuestion>>[number];

/** Open reports per question id (for the items table). */
export async function openReportCounts(): Promise<Map<string, number>> {
  const rows = await db.questionReport.groupBy({
    by: ["questionId"],
    where: { resolvedAt: null },
    _count: { _all: true },
  });
  return new Map(rows.map((row) => [row.questionId, row._count._all]));
}

export const ResolveReportSchema = z
  .object({
    reportId: z.string().min(1).max(100),
    note: z
      .string()
      .trim()
      .min(1, "Say what was done, e.g. “Fixed the key in content commit abc123”.")
      .max(2000, "Keep it under 2,000 characters."),
  })
  .strict();

/**
 * Marks an open report resolved with a note. The first resolution and its note stand: a report
 * already resolved is not overwritten (a second administrator would replace a note unseen).
 */
export async function resolveReport(
  input: z.infer<typeof ResolveReportSchema>,
  resolvedById: string,
): Promise<{ status: "resolved"; questionId: string } | { status: "already-resolved" | "not-found" }> {
  const report = await db.questionReport.findUnique({
    where: { id: input.reportId },
    select: { questionId: true },
  });
  if (!report) return { status: "not-found" };
  const { count } = await db.questionReport.updateMany({
    where: { id: input.reportId, resolvedAt: null },
    data: { resolvedAt: new Date(), resolvedById, resolutionNote: input.note },
  });
  return count === 1 ? { status: "resolved", questionId: report.questionId } : { status: "already-resolved" };
}
