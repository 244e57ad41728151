import { ActionButton } from "@/components/forms/action-button";
import type { FormAction } from "@/components/forms/form-status";
import { formatDay } from "@/components/plan/dates";
import type { CohortDashboard } from "@/server/cohorts/dashboard";
import { FieldsForm } from "./fields-form";
import { percent } from "./format";
import { CellLabel, stacked, StackedHead } from "./stacked-table";

const COLUMNS = ["Module", "Assigned", "Done", "Overdue", "Completion"] as const;

/** Completion and overdue per module and per learner; staff assign or waive by hand. */
export function ProgressSection({
  cohortId,
  dashboard,
  isOpen,
  modules,
  actions,
}: {
  cohortId: string;
  dashboard: CohortDashboard;
  isOpen: boolean;
  modules: { id: string; title: string }[];
  actions: { assign: FormAction; waive: FormAction };
}) {
  const { overall } = dashboard;
  return (
    <section
      aria-labelledby="progress"
      className="space-y-6 rounded-2xl border border-slate-200 p-4 sm:p-6 dark:border-slate-800"
    >
      <h2 id="progress" className="text-xl font-semibold tracking-tight">
        Progress
      </h2>
      <p className="text-sm">
        {overall.done} of {overall.assigned} assigned modules done; {overall.overdue} overdue (past due and
        not done, as of {formatDay(dashboard.today)} in the cohort&apos;s time zone).
      </p>
      {dashboard.modules.length > 0 && (
        <table role="table" className={stacked.table}>
          <caption className="mb-2 text-left font-semibold max-sm:block">Completion per module</caption>
          <StackedHead columns={COLUMNS} />
          <tbody role="rowgroup" className={stacked.body}>
            {dashboard.modules.map((row) => (
              <tr key={row.moduleId} role="row" className={stacked.row}>
                <th role="rowheader" scope="row" className={stacked.rowHeader}>
                  {row.title}
                </th>
                <td role="cell" className={stacked.cell}>
                  <CellLabel>Assigned</CellLabel> {row.tally.assigned}
                </td>
                <td role="cell" className={stacked.cell}>
                  <CellLabel>Done</CellLabel> {row.tally.done}
                </td>
                <td role="cell" className={stacked.cell}>
                  <CellLabel>Overdue</CellLabel> {row.tally.overdue}
                </td>
                <td role="cell" className={stacked.cell}>
                  <CellLabel>Completion</CellLabel> {percent(row.rate)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 className="text-lg font-semibold">Per learner</h3>
      {!dashboard.learners.some((row) => row.userId) && (
        <p className="text-sm">
          No learner has joined yet; each one appears here once they accept the invitation.
        </p>
      )}
      <ul className="space-y-4">
        {dashboard.learners
          .filter((row) => row.userId)
          .map((row) => (
            <li
              key={row.enrollmentId}
              className="rounded-xl border border-slate-200 p-4 dark:border-slate-800"
            >
              <h4 className="font-semibold">
                {row.name}: {row.tally.done} of {row.tally.assigned} done
                {row.tally.overdue > 0 ? `, ${row.tally.overdue} overdue` : ""}
              </h4>
              {row.assignments.length > 0 && (
                <ul className="mt-2 space-y-1 text-sm">
                  {row.assignments.map((assignment) => (
                    <li key={assignment.id} className="flex flex-wrap items-center gap-2">
                      <span>
                        {assignment.title} · due {formatDay(assignment.dueDate)} ·{" "}
                        {assignment.isWaived
                          ? "waived"
                          : assignment.isDone
                            ? "done"
                            : assignment.isOverdue
                              ? "overdue"
                              : "not done yet"}
                        {assignment.source === "manual" ? " · assigned by hand" : ""}
                      </span>
                      {isOpen && !assignment.isWaived && !assignment.isDone && (
                        <ActionButton
                          action={actions.waive}
                          fields={{ cohortId, assignmentId: assignment.id }}
                          label="Waive"
                          describedBy={undefined}
                        />
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {isOpen && (
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm font-medium">
                    Assign a module to {row.name}
                  </summary>
                  <div className="mt-2">
                    <FieldsForm
                      id={`assign-${row.enrollmentId}`}
                      action={actions.assign}
                      hidden={{ cohortId, userId: row.userId ?? "" }}
                      submit="Assign"
                      layout="grid"
                      fields={[
                        {
                          kind: "select",
                          name: "moduleId",
                          label: "Module",
                          placeholder: "Choose a module",
                          options: modules.map((module) => ({ value: module.id, label: module.title })),
                        },
                        { kind: "date", name: "dueDate", label: "Due date" },
                      ]}
                    />
                  </div>
                </details>
              )}
            </li>
          ))}
      </ul>
    </section>
  );
}
