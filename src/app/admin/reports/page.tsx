import type { Metadata } from "next";
import Link from "next/link";
import { ReportList } from "@/components/admin/report-list";
import { linkClass } from "@/components/forms/form-state";
import { PageHeader } from "@/components/ui/page-header";
import { getSkillsGraph } from "@/server/content-loader";
import { requireAdmin } from "@/server/identity";
import { listOpenReportsByQuestion, listResolvedReports } from "@/server/question-reports";
import { resolveReportAction } from "../actions";

export const metadata: Metadata = { title: "Problem reports" };

export default async function AdminReportsPage() {
  await requireAdmin();
  const graph = getSkillsGraph();
  const [open, resolved] = await Promise.all([listOpenReportsByQuestion(), listResolvedReports()]);
  const describe = (questionId: string) => {
    const question = graph.questions.get(questionId);
    return question
      ? `${graph.skills.get(question.skill)?.title ?? question.skill}, level ${question.level}`
      : "no longer in the content";
  };
  return (
    <>
      <PageHeader
        title="Problem reports"
        crumbs={[{ href: "/admin", label: "Admin" }]}
        lead="What people reported about questions, grouped by question, most reported first. Resolve a report with a note saying what was done."
      />
      <div className="space-y-12">
        <section aria-labelledby="open-reports">
          <h2 id="open-reports" className="mb-4 text-xl font-semibold tracking-tight">
            Open ({open.reduce((sum, group) => sum + group.reports.length, 0)})
          </h2>
          {open.length === 0 ? (
            <p className="text-sm">No open reports.</p>
          ) : (
            <div className="space-y-8">
              {open.map((group) => (
                <section key={group.questionId} aria-labelledby={`q-${group.questionId}`}>
                  <h3
                    id={`q-${group.questionId}`}
                    className="mb-2 text-lg font-semibold [overflow-wrap:anywhere]"
                  >
                    <Link href={`/admin/items/${group.questionId}`} className={linkClass}>
                      {group.questionId}
                    </Link>{" "}
                    <span className="text-sm font-normal">
                      ({describe(group.questionId)}; {group.reports.length} open)
                    </span>
                  </h3>
                  <ReportList
                    reports={group.reports}
                    resolveAction={resolveReportAction}
                    currentHash={graph.contentHash}
                  />
                </section>
              ))}
            </div>
          )}
        </section>
        <section aria-labelledby="resolved-reports">
          <h2 id="resolved-reports" className="mb-4 text-xl font-semibold tracking-tight">
            Recently resolved
          </h2>
          {resolved.length === 0 ? (
            <p className="text-sm">None resolved yet.</p>
          ) : (
            <ul className="space-y-6">
              {resolved.map((report) => (
                <li key={report.id}>
                  <h3 className="mb-2 font-semibold [overflow-wrap:anywhere]">
                    <Link href={`/admin/items/${report.questionId}`} className={linkClass}>
                      {report.questionId}
                    </Link>{" "}
                    <span className="text-sm font-normal">({describe(report.questionId)})</span>
                  </h3>
                  <ReportList
                    reports={[report]}
                    resolveAction={resolveReportAction}
                    currentHash={graph.contentHash}
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
