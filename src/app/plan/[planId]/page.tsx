import { readIdParam } from "@/lib/route-params";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CheckFirst } from "@/components/plan/check-first";
import { PlanHoursForm } from "@/components/plan/plan-hours-form";
import { PlanItemCard } from "@/components/plan/plan-item";
import { assignedPending, PlanSchedule } from "@/components/plan/plan-schedule";
import { PlanSummary } from "@/components/plan/plan-summary";
import { PrintButton } from "@/components/results/print-button";
import { ShareSection } from "@/components/share/share-section";
import { PageHeader } from "@/components/ui/page-header";
import { getSkillsGraph } from "@/server/content-loader";
import { currentOwner, currentUser } from "@/server/identity";
import { loadPlan } from "@/server/plans";
import { findActiveShareLink } from "@/server/share-links";
import { regeneratePlanAction, setPlanHoursAction, togglePlanItemAction } from "./actions";

export const metadata: Metadata = { title: "Learning plan", robots: { index: false } };

export default async function PlanPage({ params }: { params: Promise<{ planId: string }> }) {
  const planId = await readIdParam(params, "planId");
  if (!planId) notFound();
  const graph = getSkillsGraph();
  const plan = await loadPlan(planId, await currentOwner(), graph);
  if (!plan) notFound();
  const done = plan.items.filter((item) => item.isDone);
  const assigned = assignedPending(plan);
  // The plan loaded, so a signed-in requester is its owner (currentOwner prefers the account).
  const user = await currentUser();
  const shareLink = user ? await findActiveShareLink(user.id, "plan", plan.id) : null;
  return (
    <>
      <PageHeader
        title={`Learning plan: ${plan.targetTitle}`}
        lead={
          plan.items.length === 0
            ? plan.checkFirst.length > 0
              ? "Your last assessment found no measured gap to plan for. Check the skills it did not ask about first."
              : "Your last assessment found no gap this role’s modules would close. Reassess any time to check again."
            : "Modules in prerequisite order, for the gaps your answers showed."
        }
      />

      {plan.items.length > 0 && <PlanSummary plan={plan} linkSteps />}
      <CheckFirst plan={plan} />
      <div className="mt-6 flex flex-wrap items-end gap-4 print:hidden">
        <PlanHoursForm planId={plan.id} hoursPerWeek={plan.hoursPerWeek} action={setPlanHoursAction} />
        <form action={regeneratePlanAction}>
          <input type="hidden" name="planId" value={plan.id} />
          <button
            type="submit"
            className="rounded-lg border border-slate-300 px-4 py-2 text-sm font-medium hover:border-brand-600 dark:border-slate-600"
          >
            Regenerate from my latest result
          </button>
        </form>
        {plan.sourceAttemptId && (
          <Link
            href={`/results/${plan.sourceAttemptId}`}
            className="py-2 text-sm font-medium underline underline-offset-2"
          >
            Back to the results
          </Link>
        )}
        <PrintButton />
      </div>
      {assigned.length > 0 && (
        <section aria-labelledby="assigned" className="mt-10">
          <h2 id="assigned" className="text-xl font-semibold tracking-tight">
            Assigned to you
          </h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Modules your cohort set, with their due dates; the weeks below fit them in.
          </p>
          <ol className="mt-4 space-y-3">
            {assigned.map((item) => (
              <PlanItemCard key={item.moduleId} planId={plan.id} item={item} action={togglePlanItemAction} />
            ))}
          </ol>
        </section>
      )}
      {plan.items.length > 0 && (
        <PlanSchedule
          plan={plan}
          renderItem={(item) => (
            <PlanItemCard
              key={item.moduleId}
              planId={plan.id}
              item={item}
              action={togglePlanItemAction}
              headingLevel={4}
            />
          )}
        />
      )}
      {done.length > 0 && (
        <section aria-labelledby="done" className="mt-10">
          <h2 id="done" className="text-xl font-semibold tracking-tight">
            Done ({done.length})
          </h2>
          <ol className="mt-4 space-y-3">
            {done.map((item) => (
              <PlanItemCard key={item.moduleId} planId={plan.id} item={item} action={togglePlanItemAction} />
            ))}
          </ol>
        </section>
      )}
      <div className="mt-10 max-w-2xl">
        <ShareSection
          kind="plan"
          targetId={plan.id}
          active={shareLink ? { linkId: shareLink.id, createdAt: shareLink.createdAt.toISOString() } : null}
          signInNext={user ? null : `/plan/${plan.id}`}
        />
      </div>
      <p className="mt-10 text-sm text-slate-600 dark:text-slate-400">
        Want to see how far you have come?{" "}
        <Link href={`/assess?to=${plan.targetRoleId}`} className="underline underline-offset-2">
          Reassess
        </Link>{" "}
        — the plan updates and keeps what you have done.
      </p>
    </>
  );
}
