import { ActionButton } from "@/components/forms/action-button";
import type { FormAction } from "@/components/forms/form-status";
import { MailState } from "@/components/forms/mail-state";
import type { CohortDashboard } from "@/server/cohorts/dashboard";
import { FieldsForm } from "./fields-form";
import { CellLabel, stacked, StackedHead } from "./stacked-table";

const STATUS = {
  "not-joined": "Not joined yet",
  "not-started": "Not started",
  started: "Started",
  finished: "Finished",
} as const;
const COLUMNS = ["Learner", "Assessment", "Result", "Invitation"] as const;

/** The roster: import, staff, and who has started, finished or not started the assessment. */
export function RosterSection({
  cohortId,
  dashboard,
  isOpen,
  actions,
}: {
  cohortId: string;
  dashboard: CohortDashboard;
  isOpen: boolean;
  actions: {
    importRoster: FormAction;
    addStaff: FormAction;
    resend: FormAction;
    revoke: FormAction;
    retryMail: FormAction;
  };
}) {
  const { counts } = dashboard;
  return (
    <section
      aria-labelledby="roster"
      className="space-y-6 rounded-2xl border border-slate-200 p-4 sm:p-6 dark:border-slate-800"
    >
      <h2 id="roster" className="text-xl font-semibold tracking-tight">
        Roster
      </h2>
      <p className="text-sm">
        {counts.learners} learners: {counts.finished} finished, {counts.started} started, {counts.notStarted}{" "}
        not started, {counts.notJoined} not joined yet.
      </p>
      {dashboard.learners.length > 0 && (
        <table role="table" className={stacked.table}>
          <caption className="sr-only">Learners and their assessment status</caption>
          <StackedHead columns={COLUMNS} />
          <tbody role="rowgroup" className={stacked.body}>
            {dashboard.learners.map((row) => (
              <tr key={row.enrollmentId} role="row" className={stacked.row}>
                <th role="rowheader" scope="row" className={stacked.rowHeader}>
                  {row.name}
                  <span className="block font-normal text-slate-600 dark:text-slate-400">{row.email}</span>
                </th>
                <td role="cell" className={stacked.cell}>
                  <CellLabel>Assessment</CellLabel> {STATUS[row.status]}
                </td>
                <td role="cell" className={stacked.cell}>
                  <CellLabel>Result</CellLabel>{" "}
                  {row.result
                    ? `${row.result.meets} of ${row.result.required} required skills likely met · readiness ${Math.round((row.result.readiness ?? 0) * 100)}%`
                    : "—"}
                </td>
                <td role="cell" className={stacked.cell}>
                  <CellLabel>Invitation</CellLabel>{" "}
                  {row.userId ? (
                    "Joined"
                  ) : isOpen ? (
                    <div className="flex flex-wrap gap-2">
                      {row.mail && (
                        <div className="w-full text-slate-600 dark:text-slate-400">
                          <MailState mail={row.mail} retry={actions.retryMail} fields={{ cohortId }} />
                        </div>
                      )}
                      <ActionButton
                        action={actions.resend}
                        fields={{ cohortId, enrollmentId: row.enrollmentId }}
                        label={row.hasOpenInvitation ? "Send a new invitation" : "Invite again"}
                      />
                      {row.hasOpenInvitation && (
                        <ActionButton
                          action={actions.revoke}
                          fields={{ cohortId, enrollmentId: row.enrollmentId }}
                          label="Revoke invitation"
                        />
                      )}
                    </div>
                  ) : (
                    "Not joined"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {isOpen && (
        <>
          <h3 className="text-lg font-semibold">Import learners from CSV</h3>
          <FieldsForm
            id="roster-import"
            action={actions.importRoster}
            hidden={{ cohortId }}
            submit="Import roster"
            pendingLabel="Importing…"
            fields={[
              {
                kind: "textarea",
                name: "roster",
                label: "Roster (CSV)",
                hint: "First line name,email; then one learner per line. Every line is checked first: one bad line and nothing is imported. Importing again updates names and never duplicates anyone.",
                rows: 6,
              },
              { kind: "file", name: "file", label: "Or choose a CSV file", accept: ".csv,text/csv" },
            ]}
          />
          <h3 className="text-lg font-semibold">Add staff</h3>
          <FieldsForm
            id="add-staff"
            action={actions.addStaff}
            hidden={{ cohortId }}
            submit="Add to staff"
            layout="grid"
            fields={[
              { kind: "text", name: "name", label: "Staff member's name" },
              { kind: "email", name: "email", label: "Staff member's email" },
            ]}
          />
        </>
      )}
      <h3 className="text-lg font-semibold">Staff</h3>
      <ul className="list-disc pl-6 text-sm">
        {dashboard.staff.map((row) => (
          <li key={row.enrollmentId}>
            {row.name} ({row.email}){row.hasJoined ? "" : " — invited, not joined yet"}
            {!row.hasJoined && row.mail && isOpen && (
              <div className="w-full text-slate-600 dark:text-slate-400">
                <MailState mail={row.mail} retry={actions.retryMail} fields={{ cohortId }} />
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
