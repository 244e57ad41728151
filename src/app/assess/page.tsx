import type { Metadata } from "next";
import { z } from "zod";
import { MyAttempts } from "@/components/assess/my-attempts";
import { StartAssessmentForm } from "@/components/assess/start-form";
import { PageHeader } from "@/components/ui/page-header";
import { getEngine } from "@/server/assessment/engine";
import { listMyAttempts } from "@/server/assessment/history";
import { quizLengthHints } from "@/server/assessment/lengths";
import { listRoles } from "@/server/catalog/roles";
import { findProfile } from "@/server/accounts";
import { currentOwner, currentUser } from "@/server/identity";
import { startAssessmentAction } from "./actions";

export const metadata: Metadata = { title: "Start an assessment" };

const SearchSchema = z
  .object({ from: z.string().max(100).optional(), to: z.string().max(100).optional() })
  .strict();

export default async function StartAssessmentPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const roles = listRoles();
  const ids = new Set(roles.map((role) => role.id));
  const parsed = SearchSchema.safeParse(await searchParams);
  const user = await currentUser();
  const profile = user ? await findProfile(user.id) : null;
  const attempts = await listMyAttempts(await currentOwner());
  // The link's roles win; then the profile's current role; then the roles of the person's latest
  // assessment, so a reassessment starts where the last one did.
  const known = (id: string | null | undefined) => (id && ids.has(id) ? id : "");
  const latest = attempts[0];
  const linkedFrom = parsed.success ? known(parsed.data.from) : "";
  const linkedTo = parsed.success ? known(parsed.data.to) : "";
  const from = linkedFrom || known(profile?.currentRoleId) || (linkedTo ? "" : known(latest?.fromRoleId));
  const to = linkedTo || known(latest?.toRoleId);
  return (
    <>
      <PageHeader
        title="Measure your readiness"
        lead="An adaptive quiz: each question is chosen to settle whether you meet the level your target role asks for, and it stops as soon as the picture is clear. Say “I don’t know” rather than guess — it makes the result more accurate."
      />
      <section
        aria-label="Start"
        className="max-w-3xl rounded-2xl border border-slate-200 bg-slate-50 p-6 dark:border-slate-800 dark:bg-slate-900"
      >
        <StartAssessmentForm
          roles={roles}
          from={from}
          to={to}
          hoursPerWeek={profile?.hoursPerWeek ? String(profile.hoursPerWeek) : ""}
          lengths={quizLengthHints(getEngine())}
          action={startAssessmentAction}
        />
      </section>
      <MyAttempts attempts={attempts} isSignedIn={user !== null} />
    </>
  );
}
