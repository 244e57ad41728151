import "server-only";
import { createHmac } from "node:crypto";
import type { Question } from "@/domain/content/types";
import { env } from "@/env";
import { derivedKey, readAuthSecret } from "../auth/secret";

/**
 * What a client may know of a question's options: an opaque code per option and the order to show
 * them in, both per attempt. A code is HMAC-SHA-256 over (attempt, question, option), keyed by a
 * key derived from the instance secret and truncated to 96 bits: knowing the code, the content and
 * the attempt id does not reveal which code is which option, so neither the HTML nor the JSON API
 * carries the content's option ids (some of which once named their correctness), and "pick the
 * second option" means nothing from one person to the next. Stored answers keep content ids.
 */

const instanceSecret = () => readAuthSecret(env.AUTH_SECRET, env.DATA_DIR);

function mac(
  purpose: string,
  attemptId: string,
  questionId: string,
  optionId: string,
  secret = instanceSecret(),
): Buffer {
  return createHmac("sha256", derivedKey(secret, "option codes v1"))
    .update(`${purpose}\0${attemptId}\0${questionId}\0${optionId}`)
    .digest();
}

/** The stable id an option is known by across renames: its oldest retired id, else its id. */
function stableId(option: Question["options"][number]): string {
  return option.replaces?.[0] ?? option.id;
}

/** `secret` defaults to this instance's; a client of another instance (the server benchmark) passes that one's. */
export function optionCode(
  attemptId: string,
  questionId: string,
  option: Question["options"][number],
  secret?: string,
): string {
  return mac("code", attemptId, questionId, stableId(option), secret).subarray(0, 12).toString("base64url");
}

/**
 * The options in this attempt's order: sorted by a keyed hash, so the order is fixed for the
 * attempt (reload, resume and the review show the same) and unrelated between attempts.
 */
export function orderOptions<T extends Question["options"][number]>(
  attemptId: string,
  questionId: string,
  options: readonly T[],
): T[] {
  const rank = new Map(
    options.map((option) => [option, mac("order", attemptId, questionId, stableId(option)).toString("hex")]),
  );
  return [...options].sort((a, b) => ((rank.get(a) ?? "") < (rank.get(b) ?? "") ? -1 : 1));
}

/** The content option ids behind codes a client sent; undefined when any code is not one of this question's. */
export function resolveOptionCodes(
  attemptId: string,
  question: Question,
  codes: readonly string[],
): string[] | undefined {
  const byCode = new Map(
    question.options.map((option) => [optionCode(attemptId, question.id, option), option.id]),
  );
  const ids = codes.map((code) => byCode.get(code));
  return ids.every((id): id is string => id !== undefined) ? ids : undefined;
}
