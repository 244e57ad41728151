import { cookies } from "next/headers";
import { DeleteAccountSchema, deleteAccount, invalid } from "@/server/accounts";
import { requireUserForAccountChange } from "@/server/identity";
import { outcomeResponse, readJson } from "@/server/json-api";

/** POST /api/account/delete {password, confirm: "delete my account"}: erases the account and its data. */
export async function POST(request: Request): Promise<Response> {
  const user = await requireUserForAccountChange(request);
  if (user instanceof Response) return user;
  const parsed = DeleteAccountSchema.safeParse(await readJson(request));
  if (!parsed.success) return outcomeResponse(invalid(parsed.error));
  const outcome = await deleteAccount(user.id, parsed.data, request.headers);
  if (outcome.ok) {
    const jar = await cookies();
    for (const cookie of jar.getAll()) if (cookie.name.includes("waypoint.session")) jar.delete(cookie.name);
  }
  return outcomeResponse(outcome);
}
