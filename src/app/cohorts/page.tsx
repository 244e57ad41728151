import type { Metadata } from "next";
import Link from "next/link";
import { FieldsForm } from "@/components/cohorts/fields-form";
import { CellLabel, stacked, StackedHead } from "@/components/cohorts/stacked-table";
import { linkClass } from "@/components/forms/form-state";
import { PageHeader } from "@/components/ui/page-header";
import { listRoles } from "@/server/catalog/roles";
import { canCreateCohorts, listMyCohorts } from "@/server/cohorts/cohorts";
import { requireSignedInUser } from "@/server/identity";
import { createCohortAction } from "./actions";

export const metadata: Metadata = { title: "Cohorts", robots: { index: false } };

export default async function CohortsPage() {
  const user = await requireSignedInUser("/cohorts");
  const [cohorts, isCreator] = await Promise.all([listMyCohorts(user.id), canCreateCohorts(user.id)]);
  const roles = listRoles().map((role) => ({ value: role.id, label: role.title }));
  return (
    <>
      <PageHeader
        title="Cohorts"
        lead="Bootcamp cohorts: staff import a roster, open an assessment window and assign modules by rule; learners see what is assigned to them in their learning plan."
      />
      <div className="space-y-12">
        <section aria-labelledby="my-cohorts">
          <h2 id="my-cohorts" className="mb-3 text-xl font-semibold tracking-tight">
            Your cohorts
          </h2>
          {cohorts.length === 0 ? (
            <p className="text-sm">
              You are not in a cohort yet. Learners join through the invitation their staff send by email.
            </p>
          ) : (
            <table role="table" className={`${stacked.table} max-w-4xl`}>
              <caption className="sr-only">Your cohorts</caption>
              <StackedHead columns={["Cohort", "Target role", "Dates", "Your role", "Learners"]} />
              <tbody role="rowgroup" className={stacked.body}>
                {cohorts.map((cohort) => (
                  <tr key={cohort.cohortId} role="row" className={stacked.row}>
                    <th role="rowheader" scope="row" className={stacked.rowHeader}>
                      <Link href={`/cohorts/${cohort.cohortId}`} className={linkClass}>
                        {cohort.name}
                      </Link>
                      {cohort.isDemo && (
                        <span className="ml-2 rounded border border-amber-700 px-1.5 py-0.5 text-xs font-semibold text-amber-900 dark:border-amber-300 dark:text-amber-200">
                          Demo
                        </span>
                      )}
                      {cohort.isClosed && <span className="ml-2 text-xs font-semibold">(closed)</span>}
                    </th>
                    <td role="cell" className={stacked.cell}>
                      <CellLabel>Target role</CellLabel> {cohort.targetTitle}
                    </td>
                    <td role="cell" className={stacked.cell}>
                      <CellLabel>Dates</CellLabel> {cohort.startsOn} to {cohort.endsOn}
                    </td>
                    <td role="cell" className={stacked.cell}>
                      <CellLabel>Your role</CellLabel> {cohort.role === "staff" ? "Staff" : "Learner"}
                    </td>
                    <td role="cell" className={stacked.cell}>
                      <CellLabel>Learners</CellLabel> {cohort.learnerCount}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section
          aria-labelledby="create-cohort"
          className="max-w-3xl rounded-2xl border border-slate-200 bg-slate-50 p-4 sm:p-6 dark:border-slate-800 dark:bg-slate-900"
        >
          <h2 id="create-cohort" className="mb-3 text-xl font-semibold tracking-tight">
            Create a cohort
          </h2>
          {isCreator ? (
            <FieldsForm
              id="cohort"
              action={createCohortAction}
              submit="Create the cohort"
              pendingLabel="Creating…"
              isPrimary
              layout="grid"
              fields={[
                { kind: "text", name: "name", label: "Cohort name" },
                {
                  kind: "select",
                  name: "targetRoleId",
                  label: "Target role",
                  placeholder: "Choose a role",
                  options: roles,
                },
                {
                  kind: "text",
                  name: "timeZone",
                  label: "Time zone",
                  hint: "IANA name, e.g. Europe/Berlin; due dates count in it.",
                  value: "UTC",
                },
                { kind: "date", name: "startsOn", label: "Starts on" },
                { kind: "date", name: "endsOn", label: "Ends on" },
              ]}
            />
          ) : (
            <p className="text-sm">
              Creating cohorts needs permission from an administrator of this Waypoint (they run{" "}
              <code>npm run admin:allow-cohorts -- your@email</code>).
            </p>
          )}
        </section>
      </div>
    </>
  );
}
