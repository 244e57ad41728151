import { cookies } from "next/headers";
import { DeleteAccountSchema, deleteAccount, invalid } from "@/server/accounts";
import { UNAUTHENTICATED, outcomeResponse, readJson, rejectUnsafeWrite } from "@/server/json-api";
import { requireUser } from "@/server/permissions";
import { RATE_RULES, checkRate, tooManyRequests } from "@/server/rate-limit";

/** POST /api/account/delete {password, confirm: "delete my account"}: erases the account and its data. */
export async function POST(request: Request): Promise<Response> {
  const unsafe = rejectUnsafeWrite(request);
  if (unsafe) return unsafe;
  const user = await requireUser();
  if (!user) return UNAUTHENTICATED();
  const rate = checkRate([{ rule: RATE_RULES.passwordPerAccount, subject: user.id }]);
  if (!rate.allowed) return tooManyRequests(rate);
  const parsed = DeleteAccountSchema.safeParse(await readJson(request));
  if (!parsed.success) return outcomeResponse(invalid(parsed.error));
  const outcome = await deleteAccount(user.id, parsed.data, request.headers);
  if (outcome.ok) {
    const jar = await cookies();
    for (const cookie of jar.getAll()) if (cookie.name.includes("waypoint.session")) jar.delete(cookie.name);
  }
  return outcomeResponse(outcome);
}
