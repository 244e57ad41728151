import { readIdParam } from "@/lib/route-params";
import { csvDownload } from "@/server/downloads";
import { jsonError } from "@/server/json-api";
import { teamManagerAccess } from "@/server/identity";
import { dashboardCsv, loadTeamDashboard } from "@/server/teams/dashboard";

/** GET /api/teams/[teamId]/export: the dashboard as CSV, for owners and managers; anyone else 404. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ teamId: string }> },
): Promise<Response> {
  const teamId = await readIdParam(params, "teamId");
  const access = teamId ? await teamManagerAccess(teamId) : null;
  if (!access) return jsonError(404, "No such team.");
  const team = access.membership.team;
  const now = new Date();
  const csv = dashboardCsv(
    await loadTeamDashboard(
      { id: team.id, targetRoleId: team.targetRoleId },
      { id: access.user.id, name: access.user.name },
      now,
    ),
  );
  return csvDownload(csv, "team", team.name, now);
}
