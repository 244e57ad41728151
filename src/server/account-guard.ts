import "server-only";
import { UNAUTHENTICATED, rejectUnsafeWrite } from "./json-api";
import { requireUser, type SignedInUser } from "./permissions";
import { RATE_RULES, checkRate, tooManyRequests } from "./rate-limit";

/**
 * The prelude of every sensitive account change (password, deletion): a same-origin JSON write,
 * by a signed-in user, within the per-account limit. Returns the user, or the refusal to send.
 */
export async function guardSensitiveAccountWrite(request: Request): Promise<SignedInUser | Response> {
  const unsafe = rejectUnsafeWrite(request);
  if (unsafe) return unsafe;
  const user = await requireUser();
  if (!user) return UNAUTHENTICATED();
  const rate = checkRate([{ rule: RATE_RULES.passwordPerAccount, subject: user.id }]);
  return rate.allowed ? user : tooManyRequests(rate);
}
