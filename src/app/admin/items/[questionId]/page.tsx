import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Facts } from "@/components/admin/facts";
import { cardClass } from "@/components/admin/format";
import { CalibrationHistoryList, CalibrationSummary } from "@/components/admin/calibration-history";
import { ChoiceBars, KeyBadge, OptionLetter } from "@/components/admin/choice-bars";
import { ReportList } from "@/components/admin/report-list";
import { SanitizedMarkdown } from "@/components/ui/markdown";
import { PageHeader } from "@/components/ui/page-header";
import { nominalParameters } from "@/domain/engine/model";
import { readIdParam } from "@/lib/route-params";
import { questionHtml } from "@/server/assessment/question-html";
import { calibrationHistory } from "@/server/calibration";
import { getSkillsGraph } from "@/server/content-loader";
import { requireAdmin } from "@/server/identity";
import { FLAG_LABELS, itemStatisticsFor } from "@/server/item-statistics";
import { reportsForQuestion } from "@/server/question-reports";
import { resolveReportAction } from "../../actions";

export const metadata: Metadata = { title: "Item" };

const percent = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)} %`);
const seconds = (ms: number | null) => (ms === null ? "—" : `${Math.round(ms / 1000)} s`);

/**
 * One question as the maintainers see it: its content facts, how it plays (totals and option
 * choices by ability group, never a person's answers), its calibration history and every problem
 * report about it.
 * A question that left the content still shows its reports (they may explain why it left).
 */
export default async function AdminItemPage({
  params,
  searchParams,
}: {
  params: Promise<{ questionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdmin();
  const { resolved: justResolved, data } = await searchParams;
  const isDemo = data === "demo";
  const questionId = await readIdParam(params, "questionId");
  if (!questionId) notFound();
  const graph = getSkillsGraph();
  const question = graph.questions.get(questionId);
  const [reports, statistics, calibration] = await Promise.all([
    reportsForQuestion(questionId),
    itemStatisticsFor(questionId, { demo: isDemo }),
    calibrationHistory(questionId, question?.contentHash ?? null),
  ]);
  if (!question && reports.length === 0 && calibration.entries.length === 0) notFound();
  const open = reports.filter((report) => !report.resolvedAt).length;
  // The stem and options as the quiz renders them (sanitised Markdown, rendered once per content version).
  const html = question ? questionHtml(graph.contentHash, question) : null;
  return (
    <>
      <PageHeader
        title={`Item ${questionId}`}
        crumbs={[
          { href: "/admin", label: "Admin" },
          { href: "/admin/items", label: "Items" },
        ]}
        lead={question ? undefined : "This question is no longer in the content; its reports are kept."}
      />
      <div className="space-y-10">
        <div role="status">
          {reports.some((report) => report.id === justResolved && report.resolvedAt) && (
            <p className="rounded-lg border-l-4 border-emerald-700 bg-emerald-50 p-3 text-sm font-medium text-emerald-900 dark:border-emerald-400 dark:bg-emerald-950 dark:text-emerald-100">
              Report marked resolved; it is listed below with your note.
            </p>
          )}
        </div>
        {question && (
          <section aria-labelledby="item-facts" className={`${cardClass} max-w-3xl`}>
            <h2 id="item-facts" className="mb-3 text-xl font-semibold tracking-tight">
              The question
            </h2>
            <Facts
              items={[
                { term: "Skill", value: graph.skills.get(question.skill)?.title ?? question.skill },
                { term: "Level", value: question.level },
                { term: "Type", value: question.type === "single" ? "One answer" : "Several answers" },
                { term: "File", value: <code className="text-xs">{question.source.file}</code> },
              ]}
            />
            {html && (
              <div className="question-content mt-4 space-y-3 border-t border-slate-200 pt-4 dark:border-slate-700">
                <SanitizedMarkdown html={html.stemHtml} />
                <ol aria-label="Options, in the content's order" className="space-y-2">
                  {question.options.map((option, index) => (
                    <li
                      key={option.id}
                      className="flex items-start gap-3 rounded-lg border border-slate-200 p-3 dark:border-slate-700"
                    >
                      <OptionLetter index={index} />
                      <SanitizedMarkdown
                        html={html.optionHtml.get(option.id) ?? ""}
                        className="min-w-0 flex-1 prose-p:my-0"
                      />
                      {option.correct && <KeyBadge />}
                    </li>
                  ))}
                </ol>
              </div>
            )}
          </section>
        )}
        {statistics && html && (
          <section aria-labelledby="item-statistics" className="space-y-4">
            <h2 id="item-statistics" className="text-xl font-semibold tracking-tight">
              How it plays{isDemo ? " (demo data: simulated answers)" : ""}
            </h2>
            <div className={`${cardClass} max-w-3xl`}>
              <Facts
                items={[
                  { term: "Responses", value: statistics.responses },
                  { term: "Correct", value: percent(statistics.shareCorrect) },
                  { term: "Its level predicts", value: percent(statistics.expectedShareCorrect) },
                  { term: "“I don't know”", value: percent(statistics.dontKnowShare) },
                  {
                    term: "Discrimination",
                    value: statistics.discrimination === null ? "—" : statistics.discrimination.toFixed(2),
                  },
                  { term: "Median time", value: seconds(statistics.medianMs) },
                  { term: "Median time when right", value: seconds(statistics.medianCorrectMs) },
                  ...(statistics.earlierResponses > 0
                    ? [
                        {
                          term: "Answers to earlier versions",
                          value: `${statistics.earlierResponses} (not counted)`,
                        },
                      ]
                    : []),
                ]}
              />
            </div>
            <div>
              <h3 className="mb-2 text-lg font-semibold">Flags</h3>
              {statistics.flags.length === 0 ? (
                <p className="text-sm">None.</p>
              ) : (
                <ul className="list-disc space-y-1 pl-5 text-sm">
                  {statistics.flags.map((flag) => (
                    <li key={flag.code}>
                      <strong>{FLAG_LABELS[flag.code]}:</strong> {flag.message}
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <div>
              <h3 className="mb-2 text-lg font-semibold">Choices by ability group</h3>
              {statistics.choices ? (
                <ChoiceBars
                  table={statistics.choices}
                  optionHtml={html.optionHtml}
                  caption="Share of each ability group choosing each option"
                />
              ) : (
                <p className="text-sm">
                  Fewer than five responses with an ability estimate: choices are not shown until every group
                  covers at least five.
                </p>
              )}
            </div>
          </section>
        )}
        <section aria-labelledby="item-calibration" className="space-y-4">
          <h2 id="item-calibration" className="text-xl font-semibold tracking-tight">
            Calibration history
          </h2>
          <CalibrationSummary history={calibration} nominal={question ? nominalParameters(question) : null} />
          {calibration.entries.length > 0 && <CalibrationHistoryList history={calibration} />}
        </section>
        <section aria-labelledby="item-reports">
          <h2 id="item-reports" className="mb-4 text-xl font-semibold tracking-tight">
            Problem reports ({open} open, {reports.length - open} resolved)
          </h2>
          {reports.length === 0 ? (
            <p className="text-sm">Nobody has reported a problem with this question.</p>
          ) : (
            <ReportList
              reports={reports}
              resolveAction={resolveReportAction}
              currentHash={graph.contentHash}
            />
          )}
        </section>
      </div>
    </>
  );
}
