import type { Metadata } from "next";
import Link from "next/link";
import { FactsCard } from "@/components/admin/facts";
import { formatMoment } from "@/components/admin/format";
import { linkClass } from "@/components/forms/form-state";
import { PageHeader } from "@/components/ui/page-header";
import { instanceOverview } from "@/server/admin/instance";
import { requireAdmin } from "@/server/identity";

export const metadata: Metadata = { title: "Instance" };

export default async function AdminInstancePage() {
  await requireAdmin();
  const overview = await instanceOverview();
  const { content, migrations, mail, people, calibration } = overview;
  const set = calibration.set;
  return (
    <>
      <PageHeader
        title="Instance"
        crumbs={[{ href: "/admin", label: "Admin" }]}
        lead="The content this Waypoint serves, its database and migrations, the calibration new attempts use, and its mail queue."
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <FactsCard
          id="content"
          title="Content"
          items={[
            { term: "Content hash", value: <code className="text-xs">{content.hash}</code> },
            { term: "Roles", value: content.roles },
            { term: "Skills", value: content.skills },
            { term: "Questions", value: content.questions },
            { term: "Modules", value: content.modules },
          ]}
        />
        <FactsCard
          id="database"
          title="Database"
          items={[
            { term: "Provider", value: overview.database === "postgresql" ? "PostgreSQL" : "SQLite" },
            ...(migrations.ok
              ? [
                  {
                    term: "Migrations",
                    value:
                      migrations.pending.length === 0
                        ? `Up to date: ${migrations.applied} of ${migrations.total} applied`
                        : `${migrations.pending.length} pending (${migrations.applied} of ${migrations.total} applied): ${migrations.pending.join(", ")}. Run npm run db:migrate.`,
                  },
                  { term: "Latest applied", value: migrations.latest ?? "none" },
                ]
              : [{ term: "Migrations", value: `Needs attention: ${migrations.problem}` }]),
            { term: "Accounts", value: people.accounts },
            { term: "Administrators", value: people.administrators },
            { term: "Cohort creators", value: people.cohortCreators },
          ]}
        />
        <FactsCard
          id="calibration"
          title="Calibration"
          items={[
            {
              term: "New attempts use",
              value: set ? <code className="text-xs">{set.version}</code> : "none — nominal parameters",
            },
            ...(set
              ? [
                  { term: "Made", value: formatMoment(set.createdAt) },
                  { term: "Responses read", value: set.responses },
                  {
                    term: "Items calibrated",
                    value:
                      set.stale > 0
                        ? `${set.items} (${set.stale} of question versions edited or removed since: not applied)`
                        : set.items,
                  },
                  { term: "Used by the engine", value: set.used },
                  {
                    term: "Listed for drift",
                    value:
                      set.drifted > 0 ? (
                        <Link href="/admin/items?calibration=drift" className={linkClass}>
                          {set.drifted} {set.drifted === 1 ? "item" : "items"} to review
                        </Link>
                      ) : (
                        "none"
                      ),
                  },
                  {
                    term: "Thresholds",
                    value: `used with n ≥ ${set.policy.minResponses}, difficulty SE ≤ ${set.policy.maxDifficultySe}, discrimination SE ≤ ${set.policy.maxRelativeDiscriminationSe} × its estimate`,
                  },
                  {
                    term: "In progress on an older version",
                    value: `${calibration.inProgressOnOlder} ${calibration.inProgressOnOlder === 1 ? "attempt" : "attempts"} started on an earlier set or on nominal parameters (each keeps what it started with to the end)`,
                  },
                  { term: "Sets written", value: calibration.sets },
                ]
              : []),
            {
              term: set ? "Make a new set" : "Make one",
              value: (
                <>
                  <code className="text-xs whitespace-nowrap">npm run calibrate</code> (see first what it
                  would write:{" "}
                  <code className="text-xs whitespace-nowrap">npm run calibrate -- --dry-run</code>)
                </>
              ),
            },
          ]}
        />
        <FactsCard
          id="mail"
          title="Mail queue"
          items={[
            { term: "Queued", value: mail.queued },
            {
              term: "Oldest due",
              value: mail.oldestDueAt
                ? `${formatMoment(mail.oldestDueAt)} (queued ${formatMoment(mail.oldestQueuedAt ?? mail.oldestDueAt)})`
                : "nothing queued",
            },
            { term: "Failed for good", value: mail.failed },
            { term: "Sent", value: mail.sent },
            { term: "Cancelled", value: mail.cancelled },
          ]}
        />
      </div>
    </>
  );
}
