import { readIdParam } from "@/lib/route-params";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SharedPlanView } from "@/components/share/shared-plan";
import { SharedResultsView } from "@/components/share/shared-results";
import { PageHeader } from "@/components/ui/page-header";
import { loadSharedView } from "@/server/share-links";

// The token is the whole permission: keep the page out of indexes and its address out of referrers.
export const metadata: Metadata = {
  title: "Shared view",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function SharedPage({ params }: { params: Promise<{ token: string }> }) {
  const token = await readIdParam(params, "token");
  if (!token) notFound();
  const shared = await loadSharedView(token);
  if (!shared) notFound();
  const note = (
    <p className="mt-4 inline-block rounded-lg border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700">
      Read-only view shared by <span className="font-semibold">{shared.sharedBy}</span>
    </p>
  );
  if (shared.kind === "results") {
    const { results } = shared;
    return (
      <>
        <PageHeader
          title={`${results.from ? `${results.from.title} → ` : ""}${results.to.title}`}
          lead="An assessment result: the most likely level per skill, an 80 % range and the chance of meeting the target."
        >
          {note}
        </PageHeader>
        <SharedResultsView results={results} />
      </>
    );
  }
  const { plan } = shared;
  return (
    <>
      <PageHeader
        title={`Learning plan: ${plan.targetTitle}`}
        lead={
          plan.items.length === 0
            ? undefined
            : `${plan.items.length} modules in prerequisite order, for the gaps the last assessment measured.`
        }
      >
        {note}
      </PageHeader>
      <SharedPlanView plan={plan} />
    </>
  );
}
