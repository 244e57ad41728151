import type { Metadata } from "next";
import Link from "next/link";
import { FieldsForm } from "@/components/cohorts/fields-form";
import { linkClass } from "@/components/forms/form-state";
import { PageHeader } from "@/components/ui/page-header";
import { readIdParam } from "@/lib/route-params";
import { listRoles } from "@/server/catalog/roles";
import { findEnrollment } from "@/server/cohorts/cohorts";
import { resolveCohortInvitation } from "@/server/cohorts/invitations";
import { currentUser } from "@/server/identity";
import { joinCohortAction } from "../../actions";

export const metadata: Metadata = {
  title: "Join a cohort",
  robots: { index: false },
  referrer: "no-referrer",
};

/** Readable signed out (so people know what they join); joining needs the invited address's account. */
export default async function JoinCohortPage({ params }: { params: Promise<{ token: string }> }) {
  const token = await readIdParam(params, "token");
  const invitation = token ? await resolveCohortInvitation(token) : null;
  if (!token || !invitation) {
    return (
      <PageHeader
        title="This invitation can't be used"
        lead="It has expired, was revoked, was already used, or the link is incomplete. Ask the cohort's staff for a new invitation."
      />
    );
  }
  const cohort = invitation.cohort;
  const targetTitle =
    listRoles().find((role) => role.id === cohort.targetRoleId)?.title ?? cohort.targetRoleId;
  const user = await currentUser();
  const isMember = user ? (await findEnrollment(cohort.id, user.id)) !== null : false;
  const next = encodeURIComponent(`/cohorts/join/${token}`);
  return (
    <>
      <PageHeader
        title={`Join “${cohort.name}”`}
        lead={`The cohort trains for the role ${targetTitle}. You take its assessment, and modules your staff assign appear in your learning plan with due dates. Your results and plan stay yours.`}
      />
      <section aria-labelledby="join-now" className="max-w-3xl">
        <h2 id="join-now" className="mb-3 text-xl font-semibold tracking-tight">
          Join as {invitation.enrollment.role === "staff" ? "staff" : "a learner"}
        </h2>
        {!user ? (
          <p>
            This invitation is for {invitation.enrollment.email}.{" "}
            <Link href={`/sign-up?next=${next}`} className={linkClass}>
              Create an account
            </Link>{" "}
            with that address, or{" "}
            <Link href={`/sign-in?next=${next}`} className={linkClass}>
              sign in
            </Link>
            .
          </p>
        ) : isMember ? (
          <p>
            You are already in this cohort.{" "}
            <Link href={`/cohorts/${cohort.id}`} className={linkClass}>
              Open the cohort
            </Link>
          </p>
        ) : (
          <FieldsForm
            id="join"
            action={joinCohortAction}
            hidden={{ token }}
            fields={[]}
            submit="Join the cohort"
            pendingLabel="Joining…"
            isPrimary
          />
        )}
      </section>
    </>
  );
}
