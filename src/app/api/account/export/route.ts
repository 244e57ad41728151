import { exportFileName, exportUserData } from "@/server/data-export";
import { UNAUTHENTICATED } from "@/server/json-api";
import { currentUser } from "@/server/identity";

/** GET /api/account/export: the signed-in user's data as one JSON download (docs/data-export.md). */
export async function GET(): Promise<Response> {
  const user = await currentUser();
  if (!user) return UNAUTHENTICATED();
  const data = await exportUserData(user.id);
  if (!data) return UNAUTHENTICATED();
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(data.exportedAt)}"`,
      "Cache-Control": "no-store",
    },
  });
}
