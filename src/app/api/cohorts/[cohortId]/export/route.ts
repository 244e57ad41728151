import { readIdParam } from "@/lib/route-params";
import { cohortCsv, loadCohortDashboard } from "@/server/cohorts/dashboard";
import { csvDownload } from "@/server/downloads";
import { jsonError } from "@/server/json-api";
import { cohortStaffAccess } from "@/server/identity";

/** GET /api/cohorts/[cohortId]/export: roster progress as CSV, for the cohort's staff; anyone else 404. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ cohortId: string }> },
): Promise<Response> {
  const cohortId = await readIdParam(params, "cohortId");
  const access = cohortId ? await cohortStaffAccess(cohortId) : null;
  if (!access) return jsonError(404, "No such cohort.");
  const cohort = access.enrollment.cohort;
  const now = new Date();
  const csv = cohortCsv(await loadCohortDashboard(cohort, now));
  return csvDownload(csv, "cohort", cohort.name, now);
}
