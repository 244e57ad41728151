import { ChangePasswordSchema, changePassword, invalid } from "@/server/accounts";
import { UNAUTHENTICATED, outcomeResponse, readJson, rejectUnsafeWrite } from "@/server/json-api";
import { requireUser } from "@/server/permissions";
import { RATE_RULES, checkRate, tooManyRequests } from "@/server/rate-limit";

/** POST /api/account/password {currentPassword, newPassword}: other sessions are signed out. */
export async function POST(request: Request): Promise<Response> {
  const unsafe = rejectUnsafeWrite(request);
  if (unsafe) return unsafe;
  const user = await requireUser();
  if (!user) return UNAUTHENTICATED();
  const rate = checkRate([{ rule: RATE_RULES.passwordPerAccount, subject: user.id }]);
  if (!rate.allowed) return tooManyRequests(rate);
  const parsed = ChangePasswordSchema.safeParse(await readJson(request));
  if (!parsed.success) return outcomeResponse(invalid(parsed.error));
  return outcomeResponse(await changePassword(parsed.data, request.headers, user));
}
