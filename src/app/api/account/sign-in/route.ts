import { SignInSchema, invalid, signIn } from "@/server/accounts";
import { outcomeResponse, readJson, rejectUnsafeWrite } from "@/server/json-api";
import { currentAnonymousHash } from "@/server/identity";
import { RATE_RULES, checkRate, requestAddress, tooManyRequests } from "@/server/rate-limit";

/** POST /api/account/sign-in {email, password}: limited per client address and per account. */
export async function POST(request: Request): Promise<Response> {
  const unsafe = rejectUnsafeWrite(request);
  if (unsafe) return unsafe;
  // The per-address limit comes before the body is even read: a refused client costs nothing.
  const byAddress = await checkRate([{ rule: RATE_RULES.signInPerAddress, subject: await requestAddress() }]);
  if (!byAddress.allowed) return tooManyRequests(byAddress);
  const parsed = SignInSchema.safeParse(await readJson(request));
  if (!parsed.success) return outcomeResponse(invalid(parsed.error));
  const byAccount = await checkRate([{ rule: RATE_RULES.signInPerAccount, subject: parsed.data.email }]);
  if (!byAccount.allowed) return tooManyRequests(byAccount);
  return outcomeResponse(await signIn(parsed.data, request.headers, await currentAnonymousHash()));
}
