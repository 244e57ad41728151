import { readIdParam } from "@/lib/route-params";
import { jsonError } from "@/server/json-api";
import { requireTeamManager } from "@/server/permissions";
import { dashboardCsv, loadTeamDashboard } from "@/server/teams/dashboard";

/** A name safe in a file name: lower-case ASCII letters and digits joined by "-". */
function slugOf(name: string): string {
  const slug = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return slug || "team";
}

/** GET /api/teams/[teamId]/export: the dashboard as CSV, for owners and managers; anyone else 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ teamId: string }> }): Promise<Response> {
  const teamId = await readIdParam(params, "teamId");
  const access = teamId ? await requireTeamManager(teamId) : null;
  if (!access) return jsonError(404, "No such team.");
  const team = access.membership.team;
  const now = new Date();
  const csv = dashboardCsv(await loadTeamDashboard({ id: team.id, targetRoleId: team.targetRoleId }, { id: access.user.id, name: access.user.name }, now));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="team-${slugOf(team.name)}-${now.toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
