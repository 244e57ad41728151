import type { Metadata } from "next";
import { cardClass } from "@/components/admin/format";
import { RightsChanges } from "@/components/admin/rights-changes";
import { CellLabel, stacked, StackedHead } from "@/components/cohorts/stacked-table";
import { ActionButton } from "@/components/forms/action-button";
import { FieldError } from "@/components/forms/form-status";
import { inputClass, primaryButtonClass } from "@/components/forms/form-state";
import { PageHeader } from "@/components/ui/page-header";
import {
  AccountSearchSchema,
  findAccounts,
  listRightsChanges,
  type AccountView,
} from "@/server/admin/rights";
import { requireAdmin } from "@/server/identity";
import { setRightAction } from "../actions";

export const metadata: Metadata = { title: "People" };

/** One right of one account: what it is now, and the button that flips it. */
function RightCell({
  account,
  right,
  label,
  isHeld,
}: {
  account: AccountView;
  right: "admin" | "cohorts";
  label: string;
  isHeld: boolean;
}) {
  return (
    <td role="cell" className={stacked.cell}>
      <CellLabel>{label}</CellLabel>
      <span className="mr-2">{isHeld ? "Yes" : "No"}</span>
      <ActionButton
        action={setRightAction}
        fields={{ userId: account.id, right, grant: isHeld ? "0" : "1" }}
        label={`${isHeld ? "Revoke" : "Grant"} ${label.toLowerCase()}`}
        pendingLabel="Saving…"
        describedBy={`account-${account.id}`}
      />
    </td>
  );
}

export default async function AdminPeoplePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdmin();
  const raw = (await searchParams).email;
  const typed = typeof raw === "string" ? raw : "";
  const query = typed ? AccountSearchSchema.safeParse(typed) : null;
  const [found, changes] = await Promise.all([
    query?.success ? findAccounts(query.data) : null,
    listRightsChanges(),
  ]);
  const queryError = query && !query.success ? query.error.issues[0]?.message : undefined;
  return (
    <>
      <PageHeader
        title="People"
        crumbs={[{ href: "/admin", label: "Admin" }]}
        lead="Find an account by its email address, or the beginning of one, and change what it may do. Every change is logged below."
      />
      <div className="space-y-12">
        <section aria-labelledby="find" className={`${cardClass} max-w-3xl`}>
          <h2 id="find" className="mb-3 text-xl font-semibold tracking-tight">
            Find an account
          </h2>
          <form method="get" action="/admin/people" role="search" className="space-y-3">
            <div>
              <label htmlFor="people-email" className="block text-sm font-medium">
                Email or its beginning
              </label>
              <input
                id="people-email"
                name="email"
                type="search"
                defaultValue={typed}
                autoComplete="off"
                aria-invalid={queryError ? true : undefined}
                aria-describedby={queryError ? "people-email-error" : undefined}
                className={inputClass}
              />
              <FieldError id="people-email-error" error={queryError} />
            </div>
            <button type="submit" className={primaryButtonClass}>
              Find
            </button>
          </form>
        </section>
        {found && (
          <section aria-labelledby="accounts">
            <h2 id="accounts" className="mb-3 text-xl font-semibold tracking-tight">
              Accounts starting with “{query?.data}”
            </h2>
            {found.accounts.length === 0 ? (
              <p className="text-sm">No account uses an email that starts with that.</p>
            ) : (
              <>
                <table role="table" className={stacked.table}>
                  <caption className="sr-only">Accounts found</caption>
                  <StackedHead columns={["Account", "Administrator", "Cohort creator"]} />
                  <tbody role="rowgroup" className={stacked.body}>
                    {found.accounts.map((account) => (
                      <tr key={account.id} role="row" className={stacked.row}>
                        <th role="rowheader" scope="row" className={stacked.rowHeader}>
                          <span id={`account-${account.id}`}>
                            {account.name} ({account.email})
                          </span>
                        </th>
                        <RightCell
                          account={account}
                          right="admin"
                          label="Administrator"
                          isHeld={account.isAdmin}
                        />
                        <RightCell
                          account={account}
                          right="cohorts"
                          label="Cohort creator"
                          isHeld={account.canCreateCohorts}
                        />
                      </tr>
                    ))}
                  </tbody>
                </table>
                {found.hasMore && (
                  <p className="mt-3 text-sm">
                    More accounts match: type more of the address to narrow the list.
                  </p>
                )}
              </>
            )}
          </section>
        )}
        <section aria-labelledby="changes">
          <h2 id="changes" className="mb-3 text-xl font-semibold tracking-tight">
            Recent changes
          </h2>
          <RightsChanges changes={changes} />
        </section>
      </div>
    </>
  );
}
