import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { linkClass } from "@/components/forms/form-state";
import { ManagedTeamList } from "@/components/home/managed-team-list";
import { StaffedCohortList } from "@/components/home/staffed-cohort-list";
import { PageHeader } from "@/components/ui/page-header";
import { MIN_CONTRIBUTORS } from "@/domain/team/aggregate";
import { summarizeStaffedCohorts } from "@/server/cohorts/dashboard";
import { requireSignedInUser } from "@/server/identity";
import { summarizeManagedTeams } from "@/server/teams/dashboard";

export const metadata: Metadata = { title: "Home", robots: { index: false } };

/**
 * Where sign-in lands: for people who own or manage a team or staff a cohort, those teams and
 * cohorts with their key numbers, and their own assessments one click away. Everyone else has
 * nothing to manage and goes straight to their assessments (/me), as before.
 */
export default async function HomePage() {
  const user = await requireSignedInUser("/home");
  const [teams, cohorts] = await Promise.all([
    summarizeManagedTeams(user.id),
    summarizeStaffedCohorts(user.id),
  ]);
  if (teams.length === 0 && cohorts.length === 0) redirect("/me");
  return (
    <>
      <PageHeader title="Home" lead={`Signed in as ${user.name}. The teams and cohorts you look after.`}>
        <p className="mt-4 text-sm">
          <Link href="/me" className={linkClass}>
            Your assessments
          </Link>{" "}
          — your own results, learning plans and progress.
        </p>
      </PageHeader>
      <div className="space-y-12">
        {teams.length > 0 && (
          <section aria-labelledby="teams-you-manage" className="space-y-3">
            <h2 id="teams-you-manage" className="text-xl font-semibold tracking-tight">
              Teams you manage
            </h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Contributors are members whose results are in the team numbers. The ready share shows once at
              least {MIN_CONTRIBUTORS} of them have finished the team assessment.{" "}
              <Link href="/teams" className={linkClass}>
                All your teams
              </Link>
            </p>
            <ManagedTeamList teams={teams} />
          </section>
        )}
        {cohorts.length > 0 && (
          <section aria-labelledby="cohorts-you-staff" className="space-y-3">
            <h2 id="cohorts-you-staff" className="text-xl font-semibold tracking-tight">
              Cohorts you staff
            </h2>
            <StaffedCohortList cohorts={cohorts} />
          </section>
        )}
        <section aria-labelledby="your-assessments" className="space-y-2">
          <h2 id="your-assessments" className="text-xl font-semibold tracking-tight">
            Your assessments
          </h2>
          <p>
            <Link href="/me" className={linkClass}>
              Open your assessments
            </Link>{" "}
            or{" "}
            <Link href="/assess" className={linkClass}>
              start a new one
            </Link>
            .
          </p>
        </section>
      </div>
    </>
  );
}
