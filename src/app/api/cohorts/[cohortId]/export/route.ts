import { readIdParam } from "@/lib/route-params";
import { cohortCsv, loadCohortDashboard } from "@/server/cohorts/dashboard";
import { jsonError } from "@/server/json-api";
import { requireCohortStaff } from "@/server/permissions";

function slugOf(name: string): string {
  const slug = name.normalize("NFKD").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60);
  return slug || "cohort";
}

/** GET /api/cohorts/[cohortId]/export: roster progress as CSV, for the cohort's staff; anyone else 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ cohortId: string }> }): Promise<Response> {
  const cohortId = await readIdParam(params, "cohortId");
  const access = cohortId ? await requireCohortStaff(cohortId) : null;
  if (!access) return jsonError(404, "No such cohort.");
  const cohort = access.enrollment.cohort;
  const now = new Date();
  const csv = cohortCsv(await loadCohortDashboard(cohort, now));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="cohort-${slugOf(cohort.name)}-${now.toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
