import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CoverageSections } from "@/components/teams/coverage-sections";
import { linkClass } from "@/components/forms/form-state";
import { HeatmapTable } from "@/components/teams/heatmap-table";
import { IndividualResults } from "@/components/teams/individual-results";
import { TrendTable } from "@/components/teams/trend-table";
import { PageHeader } from "@/components/ui/page-header";
import { readIdParam } from "@/lib/route-params";
import { listRoles } from "@/server/catalog/roles";
import { teamManagerAccess } from "@/server/identity";
import { loadTeamDashboard } from "@/server/teams/dashboard";

export const metadata: Metadata = { title: "Team dashboard", robots: { index: false } };

/** Owners and managers only; everyone else gets the 404 a missing team gets. Loading writes the view audit. */
export default async function TeamDashboardPage({ params }: { params: Promise<{ teamId: string }> }) {
  const teamId = await readIdParam(params, "teamId");
  const access = teamId ? await teamManagerAccess(teamId) : null;
  if (!teamId || !access) notFound();
  const team = access.membership.team;
  const dashboard = await loadTeamDashboard(
    { id: team.id, targetRoleId: team.targetRoleId },
    { id: access.user.id, name: access.user.name },
  );
  const targetTitle = listRoles().find((role) => role.id === team.targetRoleId)?.title ?? team.targetRoleId;
  return (
    <>
      <PageHeader
        title={`${team.name}: dashboard`}
        crumbs={[
          { href: "/teams", label: "Teams" },
          { href: `/teams/${team.id}`, label: team.name },
        ]}
        lead={`Where the team stands against ${targetTitle}, from members who allow it. Owners' and managers' own results are never in these numbers.`}
      >
        <p className="mt-4 text-sm">
          <a href={`/api/teams/${team.id}/export`} download className={linkClass}>
            Download CSV
          </a>{" "}
          (exactly what this page shows)
        </p>
      </PageHeader>
      <div className="max-w-5xl space-y-12">
        {dashboard.aggregate.kind === "suppressed" ? (
          <section
            aria-labelledby="team-numbers"
            className="rounded-2xl border border-slate-200 p-6 dark:border-slate-800"
          >
            <h2 id="team-numbers" className="text-xl font-semibold tracking-tight">
              Team numbers
            </h2>
            <p className="mt-2">
              Team numbers appear once at least {dashboard.aggregate.minimum} members who allow it have
              finished the team assessment.
            </p>
            <p className="mt-2">
              So far: {dashboard.contributorCount}. Owners, managers, and members whose address is outside the
              team&apos;s email domains or not confirmed do not count; the team page lists who they are.
            </p>
          </section>
        ) : (
          <>
            <CoverageSections aggregate={dashboard.aggregate} requirements={dashboard.requirements} />
            <HeatmapTable aggregate={dashboard.aggregate} requirements={dashboard.requirements} />
            <TrendTable trend={dashboard.trend} requirements={dashboard.requirements} />
          </>
        )}
        <IndividualResults individuals={dashboard.individuals} requirements={dashboard.requirements} />
      </div>
    </>
  );
}
