import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Facts } from "@/components/admin/facts";
import { cardClass } from "@/components/admin/format";
import { ReportList } from "@/components/admin/report-list";
import { PageHeader } from "@/components/ui/page-header";
import { readIdParam } from "@/lib/route-params";
import { getSkillsGraph } from "@/server/content-loader";
import { requireAdmin } from "@/server/identity";
import { reportsForQuestion } from "@/server/question-reports";
import { resolveReportAction } from "../../actions";

export const metadata: Metadata = { title: "Item" };

/**
 * One question as the maintainers see it: its content facts and every problem report about it.
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
  const { resolved: justResolved } = await searchParams;
  const questionId = await readIdParam(params, "questionId");
  if (!questionId) notFound();
  const graph = getSkillsGraph();
  const question = graph.questions.get(questionId);
  const reports = await reportsForQuestion(questionId);
  if (!question && reports.length === 0) notFound();
  const open = reports.filter((report) => !report.resolvedAt).length;
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
          </section>
        )}
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
