import { readIdParam } from "@/lib/route-params";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDay, formatHours } from "@/components/plan/dates";
import { PlanHoursForm } from "@/components/plan/plan-hours-form";
import { PlanItemCard } from "@/components/plan/plan-item";
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
  const byId = new Map(plan.items.map((item) => [item.moduleId, item]));
  const lastWeek = plan.weeks.at(-1);
  // The plan loaded, so a signed-in requester is its owner (currentOwner prefers the account).
  const user = await currentUser();
  const shareLink = user ? await findActiveShareLink(user.id, "plan", plan.id) : null;
  return (
    <>
      <PageHeader
        title={`Learning plan: ${plan.targetTitle}`}
        lead={
          plan.items.length === 0
            ? "Your last assessment found no gap this role’s modules would close. Reassess any time to check again."
            : `${plan.items.length} modules in prerequisite order, ${formatHours(plan.totalHours)} in all; ${plan.doneCount} done, ${formatHours(plan.remainingHours)} to go${lastWeek ? ` — at ${plan.hoursPerWeek} h a week, finished by ${formatDay(lastWeek.endsOn)}` : ""}.`
        }
      >
        <div className="mt-4 flex flex-wrap items-end gap-4 print:hidden">
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
        <ShareSection
          kind="plan"
          targetId={plan.id}
          active={shareLink ? { linkId: shareLink.id, createdAt: shareLink.createdAt.toISOString() } : null}
          signInNext={user ? null : `/plan/${plan.id}`}
        />
      </PageHeader>

      <div className="grid gap-10 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="modules">
          <h2 id="modules" className="text-xl font-semibold tracking-tight">
            Modules, prerequisites first
          </h2>
          <ol className="mt-4 space-y-3">
            {plan.items.map((item) => (
              <PlanItemCard key={item.moduleId} planId={plan.id} item={item} action={togglePlanItemAction} />
            ))}
          </ol>
        </section>
        <section aria-labelledby="schedule">
          <h2 id="schedule" className="text-xl font-semibold tracking-tight">
            Week by week
          </h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            From {formatDay(plan.startDate)}, {plan.hoursPerWeek} h a week, dates in{" "}
            {plan.timeZone.replace(/_/g, " ")}.
          </p>
          {plan.weeks.length === 0 ? (
            <p className="mt-4 text-sm">Nothing left to schedule.</p>
          ) : (
            <ol className="mt-4 space-y-4">
              {plan.weeks.map((week) => (
                <li key={week.week} className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
                  <h3 className="text-sm font-semibold">
                    Week {week.week} · {formatDay(week.startsOn)} – {formatDay(week.endsOn)} ·{" "}
                    {formatHours(week.hours)}
                  </h3>
                  <ul className="mt-1 list-disc pl-5 text-sm">
                    {week.moduleIds.map((moduleId) => (
                      <li key={moduleId}>
                        <a href={`#module-${moduleId}`} className="underline-offset-2 hover:underline">
                          {byId.get(moduleId)?.title ?? moduleId}
                        </a>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          )}
        </section>
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
