import Link from "next/link";
import { EmailDomainsForm } from "./email-domains-form";
import { EmailInviteForm } from "./email-invite-form";
import { linkClass } from "@/components/forms/form-state";
import type { FormAction } from "@/components/forms/form-status";
import { InvitationList, type OpenInvitation } from "./invitation-list";
import { InviteLinkForm } from "./invite-link-form";
import { OpenRoundForm } from "./open-round-form";

export interface TeamManagementActions {
  createLink: FormAction;
  emailInvites: FormAction;
  revoke: FormAction;
  retryMail: FormAction;
  openRound: FormAction;
  setEmailDomains: FormAction;
}

interface Props {
  teamId: string;
  isOwner: boolean;
  emailDomains: string[];
  invitations: OpenInvitation[];
  rounds: { id: string; name: string; openedAt: Date; closedAt: Date | null }[];
  actions: TeamManagementActions;
  /** False when the invitations are already shown first (right after the team was created). */
  showInvitations?: boolean;
}

const day = (date: Date) => date.toISOString().slice(0, 10);
const sectionClass = "space-y-4 rounded-2xl border border-slate-200 p-6 dark:border-slate-800";

/** What owners and managers get on the team page: dashboard link, invitations, who may join, rounds. */
export function TeamManagement({
  teamId,
  isOwner,
  emailDomains,
  invitations,
  rounds,
  actions,
  showInvitations = true,
}: Props) {
  return (
    <div className="space-y-10">
      {showInvitations && <TeamInvitations teamId={teamId} invitations={invitations} actions={actions} />}

      {isOwner && (
        <section aria-labelledby="manage-domains" className={sectionClass}>
          <h2 id="manage-domains" className="text-xl font-semibold tracking-tight">
            Who may join
          </h2>
          <EmailDomainsForm teamId={teamId} domains={emailDomains} action={actions.setEmailDomains} />
        </section>
      )}

      <section aria-labelledby="manage-rounds" className={sectionClass}>
        <h2 id="manage-rounds" className="text-xl font-semibold tracking-tight">
          Rounds
        </h2>
        <ol className="list-inside list-decimal space-y-1 text-sm">
          {rounds.map((round) => (
            <li key={round.id}>
              <span className="font-medium">{round.name}</span>: opened {day(round.openedAt)},{" "}
              {round.closedAt ? `closed ${day(round.closedAt)} (answer keys released)` : "open now"}
            </li>
          ))}
        </ol>
        <OpenRoundForm teamId={teamId} action={actions.openRound} />
      </section>
    </div>
  );
}

/** Invite by link or email, and the invitations still open. */
export function TeamInvitations({
  teamId,
  invitations,
  actions,
}: Pick<Props, "teamId" | "invitations" | "actions">) {
  return (
    <section aria-labelledby="manage-invitations" className={sectionClass}>
      <h2 id="manage-invitations" className="text-xl font-semibold tracking-tight">
        Invitations
      </h2>
      <InviteLinkForm teamId={teamId} action={actions.createLink} />
      <EmailInviteForm teamId={teamId} action={actions.emailInvites} />
      <h3 className="font-semibold">Open invitations</h3>
      <InvitationList
        teamId={teamId}
        invitations={invitations}
        revokeAction={actions.revoke}
        retryMailAction={actions.retryMail}
      />
    </section>
  );
}

/** For owners and managers, first on the team page: the dashboard is what they come for. */
export function TeamDashboardLink({ teamId }: { teamId: string }) {
  return (
    <section aria-labelledby="manage-dashboard" className={sectionClass}>
      <h2 id="manage-dashboard" className="text-xl font-semibold tracking-tight">
        Team dashboard
      </h2>
      <p>
        <Link href={`/teams/${teamId}/dashboard`} className={linkClass}>
          Open the team dashboard
        </Link>{" "}
        — coverage, bus factor, gaps and trend, from members who allow it.
      </p>
    </section>
  );
}
