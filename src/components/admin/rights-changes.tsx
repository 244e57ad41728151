import type { RightsChangeView } from "@/server/admin/rights";
import { CellLabel, stacked, StackedHead } from "@/components/cohorts/stacked-table";
import { formatMoment } from "./format";

const RIGHT_LABELS = { admin: "Administrator", cohorts: "Cohort creator" } as const;

const person = (who: { email: string; name: string } | null) =>
  who ? `${who.name} (${who.email})` : "a deleted account";

/** The audit log of rights, newest first: when, who, whom, what. */
export function RightsChanges({ changes }: { changes: readonly RightsChangeView[] }) {
  if (changes.length === 0) return <p className="text-sm">No rights have been changed yet.</p>;
  return (
    <table role="table" className={stacked.table}>
      <caption className="sr-only">Recent changes of rights, newest first</caption>
      <StackedHead columns={["When", "Change", "Account", "By"]} />
      <tbody role="rowgroup" className={stacked.body}>
        {changes.map((change) => (
          <tr key={change.id} role="row" className={stacked.row}>
            <th role="rowheader" scope="row" className={stacked.rowHeader}>
              {formatMoment(change.createdAt)}
            </th>
            <td role="cell" className={stacked.cell}>
              <CellLabel>Change</CellLabel>
              {change.isGranted ? "Granted" : "Revoked"}: {RIGHT_LABELS[change.rightName]}
            </td>
            <td role="cell" className={stacked.cell}>
              <CellLabel>Account</CellLabel>
              {person(change.subject)}
            </td>
            <td role="cell" className={stacked.cell}>
              <CellLabel>By</CellLabel>
              {change.via === "cli" ? "the command line on the server" : person(change.actor)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
