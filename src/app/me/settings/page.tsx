import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { JsonForm } from "@/components/account/json-form";
import { OwnershipHandover } from "@/components/account/ownership-handover";
import { PASSWORD_HINT } from "@/components/account/password-hint";
import { SignOutButton } from "@/components/account/sign-out-button";
import { PageHeader } from "@/components/ui/page-header";
import { HOURS_PER_WEEK } from "@/domain/plan";
import { accountDeletionHandovers, findProfile } from "@/server/accounts";
import { getSkillsGraph } from "@/server/content-loader";
import { requireSignedInUser } from "@/server/identity";
import { transferOwnershipAction } from "../../teams/actions";

export const metadata: Metadata = { title: "Account settings", robots: { index: false } };

const sectionClass = "mt-10 border-t border-slate-200 pt-8 dark:border-slate-800";

export default async function SettingsPage() {
  const user = await requireSignedInUser("/me/settings");
  const [profile, handovers] = await Promise.all([findProfile(user.id), accountDeletionHandovers(user.id)]);
  if (!profile) notFound();
  const roles = getSkillsGraph().roleList.map((role) => ({ value: role.id, label: role.title }));
  return (
    <>
      <PageHeader
        title="Account settings"
        lead={`Signed in as ${profile.email}.`}
        crumbs={[{ href: "/me", label: "My assessments" }]}
      >
        <div className="mt-4">
          <SignOutButton className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-semibold hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800" />
        </div>
      </PageHeader>

      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading" className="mb-4 text-xl font-semibold">
          Profile
        </h2>
        <p className="mb-4 max-w-2xl text-slate-700 dark:text-slate-300">
          Your current role and study hours prefill new assessments.
        </p>
        <JsonForm
          endpoint="/api/account/profile"
          method="PATCH"
          submitLabel="Save profile"
          successMessage="Profile saved."
          numericFields={["hoursPerWeek"]}
          fields={[
            { name: "name", label: "Display name", autoComplete: "name", defaultValue: profile.name },
            {
              name: "currentRoleId",
              label: "Current role",
              defaultValue: profile.currentRoleId ?? "",
              options: [{ value: "", label: "None of these / not sure" }, ...roles],
            },
            {
              name: "hoursPerWeek",
              label: "Hours a week you can study",
              type: "number",
              isRequired: false,
              defaultValue: profile.hoursPerWeek === null ? "" : String(profile.hoursPerWeek),
              hint: `Whole hours, ${HOURS_PER_WEEK.min}–${HOURS_PER_WEEK.max}; leave empty if unsure.`,
            },
          ]}
        />
      </section>

      <section aria-labelledby="password-heading" className={sectionClass}>
        <h2 id="password-heading" className="mb-4 text-xl font-semibold">
          Change password
        </h2>
        <p className="mb-4 max-w-2xl text-slate-700 dark:text-slate-300">
          Every other device signed in to your account is signed out after the change.
        </p>
        <JsonForm
          endpoint="/api/account/password"
          submitLabel="Change password"
          successMessage="Password changed. Other sessions were signed out."
          fields={[
            {
              name: "currentPassword",
              label: "Current password",
              type: "password",
              autoComplete: "current-password",
            },
            {
              name: "newPassword",
              label: "New password",
              type: "password",
              autoComplete: "new-password",
              hint: PASSWORD_HINT,
            },
          ]}
        />
      </section>

      <section aria-labelledby="export-heading" className={sectionClass}>
        <h2 id="export-heading" className="mb-4 text-xl font-semibold">
          Export your data
        </h2>
        <p className="mb-4 max-w-2xl text-slate-700 dark:text-slate-300">
          One JSON file with your profile, every attempt with its answers and results, and your learning
          plans. The format is described in the{" "}
          <Link href="/privacy#export" className="font-medium text-brand-700 underline dark:text-brand-100">
            privacy page
          </Link>
          .
        </p>
        <a
          href="/api/account/export"
          download
          className="inline-block rounded-lg bg-brand-700 px-5 py-2.5 font-semibold text-white shadow-sm hover:bg-brand-800"
        >
          Download my data (JSON)
        </a>
      </section>

      <section aria-labelledby="delete-heading" className={sectionClass}>
        <h2 id="delete-heading" className="mb-4 text-xl font-semibold text-red-800 dark:text-red-300">
          Delete your account
        </h2>
        <p className="mb-4 max-w-2xl text-slate-700 dark:text-slate-300">
          This erases your account, sessions, attempts, answers, results, plans and share links at once. It
          cannot be undone; export your data first if you want a copy.
        </p>
        <OwnershipHandover
          teams={handovers.teams}
          cohorts={handovers.cohorts}
          emptyTeams={handovers.emptyTeams}
          emptyCohorts={handovers.emptyCohorts}
          transferAction={transferOwnershipAction}
        />
        <JsonForm
          endpoint="/api/account/delete"
          submitLabel="Delete my account for good"
          successHref="/?deleted=1"
          fields={[
            { name: "password", label: "Your password", type: "password", autoComplete: "current-password" },
            { name: "confirm", label: "Type “delete my account” to confirm", autoComplete: "off" },
          ]}
        />
      </section>
    </>
  );
}
