import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConsentForm } from "@/components/teams/consent-form";
import { linkClass } from "@/components/forms/form-state";
import { TeamManagement } from "@/components/teams/team-management";
import { TeamStartForm } from "@/components/teams/team-start-form";
import { ViewsOfMe } from "@/components/teams/views-of-me";
import { PageHeader } from "@/components/ui/page-header";
import { readIdParam } from "@/lib/route-params";
import { findProfile } from "@/server/accounts";
import { listRoles } from "@/server/catalog/roles";
import { teamMemberAccess } from "@/server/identity";
import { listViewsOfMe } from "@/server/teams/dashboard";
import { listInvitations } from "@/server/teams/invitations";
import { listRounds } from "@/server/teams/rounds";
import { isManagerRole, listMembers } from "@/server/teams/teams";
import {
  createEmailInvitesAction,
  createLinkInviteAction,
  openRoundAction,
  removeMemberAction,
  retryInviteMailAction,
  revokeInviteAction,
  setMemberRoleAction,
  startTeamAssessmentAction,
  updateConsentAction,
} from "../actions";
import { findMyTeamAttempts } from "@/server/teams/my-attempts";

export const metadata: Metadata = { title: "Team", robots: { index: false } };

const sectionClass = "space-y-4 rounded-2xl border border-slate-200 p-6 dark:border-slate-800";
const ROLE_NAMES: Record<string, string> = { owner: "Owner", manager: "Manager", member: "Member" };

export default async function TeamPage({ params }: { params: Promise<{ teamId: string }> }) {
  const teamId = await readIdParam(params, "teamId");
  const access = teamId ? await teamMemberAccess(teamId) : null;
  if (!teamId || !access) notFound();
  const { user, membership } = access;
  const team = membership.team;
  const roles = listRoles().map((role) => ({ id: role.id, title: role.title }));
  const targetTitle = roles.find((role) => role.id === team.targetRoleId)?.title ?? team.targetRoleId;
  const isManager = isManagerRole(membership.role);
  const [profile, mine, views, management] = await Promise.all([
    findProfile(user.id),
    findMyTeamAttempts(teamId, user.id),
    listViewsOfMe(teamId, user.id),
    isManager ? Promise.all([listMembers(teamId), listInvitations(teamId), listRounds(teamId)]) : null,
  ]);
  const from =
    profile?.currentRoleId && roles.some((role) => role.id === profile.currentRoleId)
      ? profile.currentRoleId
      : "";
  return (
    <>
      <PageHeader
        title={team.name}
        crumbs={[{ href: "/teams", label: "Teams" }]}
        lead={`Target role: ${targetTitle}. Your role: ${ROLE_NAMES[membership.role] ?? "Member"}.`}
      >
        {team.isDemo && <p className="mt-2 text-sm font-semibold">Demo team: made-up members and results.</p>}
      </PageHeader>
      <div className="max-w-4xl space-y-10">
        <section aria-labelledby="my-choices" className={sectionClass}>
          <h2 id="my-choices" className="text-xl font-semibold tracking-tight">
            What the team may use of your results
          </h2>
          <p className="text-sm">Two separate choices. Saving takes effect immediately.</p>
          <ConsentForm
            teamId={teamId}
            allowAggregate={membership.allowAggregate}
            allowIndividual={membership.allowIndividual}
            action={updateConsentAction}
          />
        </section>

        <section aria-labelledby="team-assessment" className={sectionClass}>
          <h2 id="team-assessment" className="text-xl font-semibold tracking-tight">
            Team assessment
          </h2>
          {(mine.completed || mine.inProgress) && (
            <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
              {mine.inProgress && (
                <li>
                  <Link href={`/assess/${mine.inProgress.id}`} className={linkClass}>
                    Continue your team assessment
                  </Link>
                </li>
              )}
              {mine.completed && (
                <li>
                  <Link href={`/results/${mine.completed.id}`} className={linkClass}>
                    Your latest team results
                  </Link>
                </li>
              )}
            </ul>
          )}
          <TeamStartForm
            teamId={teamId}
            targetTitle={targetTitle}
            roles={roles}
            from={from}
            hoursPerWeek={profile?.hoursPerWeek ? String(profile.hoursPerWeek) : ""}
            action={startTeamAssessmentAction}
          />
        </section>

        <section aria-labelledby="views-of-me" className={sectionClass}>
          <h2 id="views-of-me" className="text-xl font-semibold tracking-tight">
            Who viewed my individual results
          </h2>
          <ViewsOfMe views={views} />
        </section>

        {management && (
          <TeamManagement
            teamId={teamId}
            isOwner={membership.role === "owner"}
            members={management[0]}
            invitations={management[1]}
            rounds={management[2]}
            actions={{
              createLink: createLinkInviteAction,
              emailInvites: createEmailInvitesAction,
              revoke: revokeInviteAction,
              retryMail: retryInviteMailAction,
              setRole: setMemberRoleAction,
              remove: removeMemberAction,
              openRound: openRoundAction,
            }}
          />
        )}
      </div>
    </>
  );
}
