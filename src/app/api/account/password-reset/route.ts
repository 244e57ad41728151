import { RESET_SENT_MESSAGE, ResetRequestSchema, invalid, requestPasswordReset } from "@/server/accounts";
import { outcomeResponse, privateJson, readJson, rejectUnsafeWrite } from "@/server/json-api";
import { RATE_RULES, checkRate, requestAddress, tooManyRequests } from "@/server/rate-limit";

/** POST /api/account/password-reset {email}: the same answer whether or not the account exists. */
export async function POST(request: Request): Promise<Response> {
  const unsafe = rejectUnsafeWrite(request);
  if (unsafe) return unsafe;
  // The per-address limit comes before the body is even read: a refused client costs nothing.
  const byAddress = await checkRate([{ rule: RATE_RULES.resetPerAddress, subject: await requestAddress() }]);
  if (!byAddress.allowed) return tooManyRequests(byAddress);
  const parsed = ResetRequestSchema.safeParse(await readJson(request));
  if (!parsed.success) return outcomeResponse(invalid(parsed.error));
  const byAccount = await checkRate([{ rule: RATE_RULES.resetPerAccount, subject: parsed.data.email }]);
  if (!byAccount.allowed) return tooManyRequests(byAccount);
  await requestPasswordReset(parsed.data, request.headers);
  return privateJson({ ok: true, message: RESET_SENT_MESSAGE });
}
