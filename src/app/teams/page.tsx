import type { Metadata } from "next";
import { CreateTeamForm } from "@/components/teams/create-team-form";
import { TeamList } from "@/components/teams/team-list";
import { PageHeader } from "@/components/ui/page-header";
import { listRoles } from "@/server/catalog/roles";
import { requireSignedInUser } from "@/server/identity";
import { listMyTeams } from "@/server/teams/teams";
import { createTeamAction } from "./actions";

export const metadata: Metadata = { title: "Teams", robots: { index: false } };

export default async function TeamsPage() {
  const user = await requireSignedInUser("/teams");
  const teams = await listMyTeams(user.id);
  return (
    <>
      <PageHeader
        title="Teams"
        lead="Measure a team against one target role. Members decide what managers see: anonymous team numbers only with at least 5 contributors, individual results only for those who choose to share them."
      />
      <div className="space-y-12">
        <section aria-labelledby="my-teams">
          <h2 id="my-teams" className="mb-3 text-xl font-semibold tracking-tight">
            Your teams
          </h2>
          <TeamList teams={teams} />
        </section>
        <section
          aria-labelledby="create-team"
          className="max-w-3xl rounded-2xl border border-slate-200 bg-slate-50 p-6 dark:border-slate-800 dark:bg-slate-900"
        >
          <h2 id="create-team" className="mb-3 text-xl font-semibold tracking-tight">
            Create a team
          </h2>
          <CreateTeamForm
            roles={listRoles().map((role) => ({ id: role.id, title: role.title }))}
            action={createTeamAction}
          />
        </section>
      </div>
    </>
  );
}
