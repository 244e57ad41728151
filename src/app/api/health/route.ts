import { getSkillsGraph } from "@/server/content-loader";
import { isDatabaseReachable } from "@/server/health";

export async function GET(): Promise<Response> {
  const database = await isDatabaseReachable();
  const body = { status: database ? "ok" : "degraded", contentHash: getSkillsGraph().contentHash, database };
  return Response.json(body, { status: database ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
