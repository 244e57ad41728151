import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConsentForm } from "@/components/teams/consent-form";
import { MemberList } from "@/components/teams/member-list";
import { linkClass } from "@/components/forms/form-state";
import { TeamCreatedNotice } from "@/components/teams/team-created-notice";
import { TeamDashboardLink, TeamInvitations, TeamManagement } from "@/components/teams/team-management";
import { TeamStartForm } from "@/components/teams/team-start-form";
import { ViewsOfMe } from "@/components/teams/views-of-me";
import { PageHeader } from "@/components/ui/page-header";
import { MIN_CONTRIBUTORS } from "@/domain/team/aggregate";
import { readEmailDomains } from "@/domain/team/eligibility";
import { readIdParam } from "@/lib/route-params";
import { findProfile } from "@/server/accounts";
import { listRoles } from "@/server/catalog/roles";
import { teamMemberAccess } from "@/server/identity";
import { countContributors, listViewsOfMe } from "@/server/teams/dashboard";
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
  setEmailDomainsAction,
  setMemberRoleAction,
  startTeamAssessmentAction,
  updateConsentAction,
} from "../actions";
import { findMyTeamAttempts } from "@/server/teams/my-attempts";

export const metadata: Metadata = { title: "Team", robots: { index: false } };

const sectionClass = "space-y-4 rounded-2xl border border-slate-200 p-6 dark:border-slate-800";
const ROLE_NAMES: Record<string, string> = { owner: "Owner", manager: "Manager", member: "Member" };

export default async function TeamPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const teamId = await readIdParam(params, "teamId");
  const access = teamId ? await teamMemberAccess(teamId) : null;
  if (!teamId || !access) notFound();
  const { user, membership } = access;
  const team = membership.team;
  const roles = listRoles().map((role) => ({ id: role.id, title: role.title }));
  const targetTitle = roles.find((role) => role.id === team.targetRoleId)?.title ?? team.targetRoleId;
  const isManager = isManagerRole(membership.role);
  const emailDomains = readEmailDomains(team.emailDomains);
  const [profile, mine, views, members, contributors, management] = await Promise.all([
    findProfile(user.id),
    findMyTeamAttempts(teamId, user.id),
    listViewsOfMe(teamId, user.id),
    listMembers(teamId),
    countContributors(teamId),
    isManager ? Promise.all([listInvitations(teamId), listRounds(teamId)]) : null,
  ]);
  // Right after creation (createTeamAction adds ?created=1) the confirmation and invitations lead.
  const isJustCreated = management !== null && (await searchParams).created === "1";
  const managementActions = {
    createLink: createLinkInviteAction,
    emailInvites: createEmailInvitesAction,
    revoke: revokeInviteAction,
    retryMail: retryInviteMailAction,
    openRound: openRoundAction,
    setEmailDomains: setEmailDomainsAction,
  };
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
        {management && isJustCreated && (
          <>
            <TeamCreatedNotice teamName={team.name} />
            <TeamInvitations teamId={teamId} invitations={management[0]} actions={managementActions} />
          </>
        )}
        {management && <TeamDashboardLink teamId={teamId} />}
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

        <section aria-labelledby="members" className={sectionClass}>
          <h2 id="members" className="text-xl font-semibold tracking-tight">
            Members
          </h2>
          <p>
            <strong>{contributors}</strong> {contributors === 1 ? "member's" : "members'"} results are in the
            team numbers{contributors < MIN_CONTRIBUTORS ? ` (they appear from ${MIN_CONTRIBUTORS} on)` : ""}.
            Owners&apos; and managers&apos; own results never count, so nobody who sees the numbers can
            subtract themselves out of them.
            {emailDomains.length > 0 && ` Only addresses at ${emailDomains.join(", ")} may join and count.`}
          </p>
          <MemberList
            teamId={teamId}
            members={members}
            isOwner={membership.role === "owner"}
            setRoleAction={setMemberRoleAction}
            removeAction={removeMemberAction}
          />
        </section>

        {management && (
          <TeamManagement
            teamId={teamId}
            isOwner={membership.role === "owner"}
            emailDomains={emailDomains}
            invitations={management[0]}
            rounds={management[1]}
            actions={managementActions}
            showInvitations={!isJustCreated}
          />
        )}
      </div>
    </>
  );
}
