import type { Metadata } from "next";
import Link from "next/link";
import { ConsentExplanations } from "@/components/teams/consent-explanations";
import { linkClass } from "@/components/forms/form-state";
import { JoinTeamForm } from "@/components/teams/join-team-form";
import { PageHeader } from "@/components/ui/page-header";
import { isEmailInDomains, readEmailDomains } from "@/domain/team/eligibility";
import { readIdParam } from "@/lib/route-params";
import { listRoles } from "@/server/catalog/roles";
import { currentUser } from "@/server/identity";
import { outsideDomainsMessage, resolveInvitation } from "@/server/teams/invitations";
import { findMembership } from "@/server/teams/teams";
import { joinTeamAction } from "../../actions";

export const metadata: Metadata = { title: "Join a team", robots: { index: false }, referrer: "no-referrer" };

/** Readable signed out (so people know what they join); joining needs an account. */
export default async function JoinTeamPage({ params }: { params: Promise<{ token: string }> }) {
  const token = await readIdParam(params, "token");
  const invitation = token ? await resolveInvitation(token) : null;
  if (!token || !invitation) {
    return (
      <PageHeader
        title="This invitation can't be used"
        lead="It has expired, was revoked, was already used, or the link is incomplete. Ask the team's manager for a new invitation."
      />
    );
  }
  const team = invitation.team;
  const targetTitle = listRoles().find((role) => role.id === team.targetRoleId)?.title ?? team.targetRoleId;
  const user = await currentUser();
  const isMember = user ? (await findMembership(team.id, user.id)) !== null : false;
  const domains = readEmailDomains(team.emailDomains);
  const outside =
    user && !isEmailInDomains(user.email, domains) ? outsideDomainsMessage(user.email, domains) : null;
  const next = encodeURIComponent(`/teams/join/${token}`);
  return (
    <>
      <PageHeader
        title={`Join “${team.name}”`}
        lead={`The team measures itself against the role ${targetTitle}. As a member you take the team's assessment and keep your own results and learning plan.`}
      />
      <div className="max-w-3xl space-y-8">
        <section
          aria-labelledby="join-choices"
          className="rounded-2xl border border-slate-200 p-6 dark:border-slate-800"
        >
          <h2 id="join-choices" className="mb-3 text-xl font-semibold tracking-tight">
            You decide what the team sees
          </h2>
          <ConsentExplanations />
          <p className="mt-4 text-sm">You can change both choices at any time on the team&apos;s page.</p>
        </section>
        <section aria-labelledby="join-now">
          <h2 id="join-now" className="mb-3 text-xl font-semibold tracking-tight">
            Join
          </h2>
          {!user ? (
            <p>
              <Link href={`/sign-in?next=${next}`} className={linkClass}>
                Sign in
              </Link>{" "}
              or{" "}
              <Link href={`/sign-up?next=${next}`} className={linkClass}>
                create an account
              </Link>{" "}
              to join the team.
            </p>
          ) : isMember ? (
            <p>
              You are already in this team.{" "}
              <Link href={`/teams/${team.id}`} className={linkClass}>
                Open the team&apos;s page
              </Link>
            </p>
          ) : outside ? (
            <p>{outside}</p>
          ) : (
            <JoinTeamForm token={token} action={joinTeamAction} />
          )}
        </section>
      </div>
    </>
  );
}
