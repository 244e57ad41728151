import type { Metadata } from "next";
import Link from "next/link";
import { AttemptList } from "@/components/me/attempt-list";
import { PlanList } from "@/components/me/plan-list";
import { ProgressChart } from "@/components/me/progress-chart";
import { SelfRatingTrend } from "@/components/me/self-rating-trend";
import { SharedLinkList, type SharedLinkEntry } from "@/components/me/shared-link-list";
import { PageHeader } from "@/components/ui/page-header";
import { listHistory, progressByRole, type History } from "@/server/history";
import { requireSignedInUser } from "@/server/identity";
import { listShareLinks, type ShareLinkSummary } from "@/server/share-links";

export const metadata: Metadata = { title: "My assessments", robots: { index: false } };

const linkClass = "font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100";

/** What each active link opens, in words; a link whose target is gone is left out (it opens nothing). */
function describeLinks(links: ShareLinkSummary[], history: History): SharedLinkEntry[] {
  const attempts = new Map(history.attempts.map((attempt) => [attempt.id, attempt]));
  const plans = new Map(history.plans.map((plan) => [plan.id, plan]));
  return links.flatMap((link) => {
    if (!link.isActive) return [];
    const base = {
      linkId: link.id,
      kind: link.kind,
      targetId: link.targetId,
      createdAt: link.createdAt.toISOString(),
    };
    if (link.kind === "results") {
      const attempt = attempts.get(link.targetId);
      return attempt
        ? [
            {
              ...base,
              label: `Results: ${attempt.to.title}, ${attempt.createdAt.toISOString().slice(0, 10)}`,
            },
          ]
        : [];
    }
    const plan = plans.get(link.targetId);
    return plan ? [{ ...base, label: `Learning plan: ${plan.targetTitle}` }] : [];
  });
}

export default async function MyAssessmentsPage() {
  const user = await requireSignedInUser("/me");
  const [history, progress, links] = await Promise.all([
    listHistory(user.id),
    progressByRole(user.id),
    listShareLinks(user.id),
  ]);
  const sharedLinks = describeLinks(links, history);
  const isEmpty = history.attempts.length === 0 && history.plans.length === 0;
  return (
    <>
      <PageHeader
        title="My assessments"
        lead={`Signed in as ${user.name}. Everything you assessed and planned with this account, newest first.`}
      >
        <p className="mt-4 flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <Link href="/assess" className={linkClass}>
            Start a new assessment
          </Link>
          <a href="/api/account/export" download className={linkClass}>
            Download my data (JSON)
          </a>
          <Link href="/me/settings" className={linkClass}>
            Account settings
          </Link>
        </p>
      </PageHeader>

      {isEmpty ? (
        <section
          aria-labelledby="empty"
          className="max-w-2xl rounded-2xl border border-slate-200 p-6 dark:border-slate-800"
        >
          <h2 id="empty" className="text-xl font-semibold">
            Nothing here yet
          </h2>
          <p className="mt-2">
            Take an assessment to see where you stand against a target role; your results, learning plan and
            progress over reassessments will appear here.
          </p>
          <p className="mt-4">
            <Link
              href="/assess"
              className="inline-block rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
            >
              Start an assessment
            </Link>
          </p>
        </section>
      ) : (
        <div className="space-y-12">
          {progress.length > 0 && (
            <section aria-labelledby="progress">
              <h2 id="progress" className="text-xl font-semibold tracking-tight">
                Progress per target role
              </h2>
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                Each completed assessment is one point; reassess to add the next.
              </p>
              <div className="mt-4 space-y-10">
                {progress.map((role) => (
                  <section key={role.roleId} aria-labelledby={`progress-${role.roleId}`}>
                    <h3 id={`progress-${role.roleId}`} className="mb-3 font-semibold">
                      {role.title} · {role.attempts.length}{" "}
                      {role.attempts.length === 1 ? "assessment" : "assessments"}
                    </h3>
                    <ProgressChart progress={role} />
                    <SelfRatingTrend progress={role} />
                  </section>
                ))}
              </div>
            </section>
          )}

          <section aria-labelledby="attempts">
            <h2 id="attempts" className="mb-3 text-xl font-semibold tracking-tight">
              Assessments
            </h2>
            {history.attempts.length === 0 ? (
              <p className="text-sm">No assessments yet.</p>
            ) : (
              <AttemptList attempts={history.attempts} />
            )}
          </section>

          <section aria-labelledby="plans">
            <h2 id="plans" className="mb-3 text-xl font-semibold tracking-tight">
              Learning plans
            </h2>
            {history.plans.length === 0 ? (
              <p className="text-sm">A plan appears when you finish an assessment.</p>
            ) : (
              <PlanList plans={history.plans} />
            )}
          </section>

          <section aria-labelledby="shared">
            <h2 id="shared" className="mb-1 text-xl font-semibold tracking-tight">
              Read-only links you shared
            </h2>
            {sharedLinks.length === 0 ? (
              <p className="text-sm">
                None. Share a result or plan from its page; links are off until you create one.
              </p>
            ) : (
              <>
                <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
                  Anyone with one of these links can view that page. Revoke a link to stop it working.
                </p>
                <SharedLinkList links={sharedLinks} />
              </>
            )}
          </section>
        </div>
      )}
    </>
  );
}
