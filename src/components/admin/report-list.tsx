import { FieldsForm } from "@/components/cohorts/fields-form";
import type { FormAction } from "@/components/forms/form-status";
import { REPORT_REASONS, type ReportReason } from "@/domain/question-report";
import type { ReportView } from "@/server/question-reports";
import { formatMoment } from "./format";

const reasonOf = (reason: string) => REPORT_REASONS[reason as ReportReason] ?? reason;

/**
 * Problem reports about one question: each open one with a form to resolve it with a note, each
 * resolved one with its note. Reports carry no reporter or attempt on screen.
 */
export function ReportList({
  reports,
  resolveAction,
  currentHash,
}: {
  reports: readonly ReportView[];
  resolveAction: FormAction;
  /** The content hash in use: a report made against other content says so. */
  currentHash: string;
}) {
  return (
    <ul className="space-y-4">
      {reports.map((report) => (
        <li
          key={report.id}
          className="rounded-xl border border-slate-200 p-4 dark:border-slate-800"
          aria-labelledby={`report-${report.id}`}
        >
          <p id={`report-${report.id}`} className="font-medium">
            {reasonOf(report.reason)}{" "}
            <span className="text-sm font-normal text-slate-600 dark:text-slate-400">
              · reported {formatMoment(report.createdAt)}
              {report.contentHash !== currentHash && " · against earlier content"}
            </span>
          </p>
          {report.details ? (
            <p className="mt-1 text-sm whitespace-pre-line [overflow-wrap:anywhere]">{report.details}</p>
          ) : (
            <p className="mt-1 text-sm italic">No details given.</p>
          )}
          {report.resolvedAt ? (
            <div className="mt-3 border-l-4 border-emerald-700 pl-3 text-sm dark:border-emerald-400">
              <p className="font-semibold">
                Resolved {formatMoment(report.resolvedAt)} by{" "}
                {report.resolvedBy ? report.resolvedBy.name : "a deleted account"}
              </p>
              <p className="whitespace-pre-line [overflow-wrap:anywhere]">{report.resolutionNote}</p>
            </div>
          ) : (
            <div className="mt-3">
              <FieldsForm
                id={`resolve-${report.id}`}
                action={resolveAction}
                hidden={{ reportId: report.id }}
                fields={[
                  {
                    kind: "textarea",
                    name: "note",
                    label: "Resolution note",
                    hint: "What was done, e.g. the content change that fixed it, or why nothing needed changing.",
                    rows: 2,
                  },
                ]}
                submit="Mark resolved"
                pendingLabel="Saving…"
              />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
