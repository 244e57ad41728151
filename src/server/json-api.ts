import "server-only";
import type { FieldErrors } from "@/lib/field-errors";
import { isSameOrigin } from "@/lib/same-origin";
import { logEvent } from "./log";

/**
 * Guards for the JSON API's cookie-authenticated writes. A cross-site page can make a browser
 * send our cookies with a form post, but not with `Content-Type: application/json` without a
 * CORS preflight we never grant. Every state change must also carry an Origin header naming this
 * host (browsers send it on every POST); a missing or foreign Origin is refused.
 */
export function rejectUnsafeWrite(request: Request, options: { bodyless?: boolean } = {}): Response | null {
  const type = request.headers.get("content-type") ?? "";
  if (!options.bodyless && !type.toLowerCase().startsWith("application/json"))
    return jsonError(415, "Send a JSON body with Content-Type: application/json.");
  const origin = request.headers.get("origin");
  if (!isSameOrigin(origin, request.headers.get("host"))) {
    logEvent("warn", "csrf.refused", { origin: origin ?? "missing" });
    return jsonError(403, "Cross-origin or origin-less writes are not allowed.");
  }
  return null;
}

export function jsonError(status: number, message: string, fieldErrors?: FieldErrors): Response {
  return Response.json(
    { error: message, ...(fieldErrors ? { fieldErrors } : {}) },
    { status, headers: { "Cache-Control": "no-store" } },
  );
}

export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

export const NOT_FOUND = () => jsonError(404, "No such attempt.");

/** A JSON answer that must never be cached (it is about one person). */
export function privateJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/**
 * The quiz's reply about where an attempt is: the question on screen, or completed with where its
 * results are (anything else — a request that changed nothing — is answered from the next read).
 */
export function quizStateJson(
  attemptId: string,
  state: { kind: "question"; view: unknown } | { kind: "completed" } | { kind: "notFound" },
): Response {
  if (state.kind === "notFound") return NOT_FOUND();
  return privateJson(
    state.kind === "question"
      ? { status: "in_progress", question: state.view }
      : { status: "completed", resultsUrl: `/results/${attemptId}` },
  );
}

/** Turns a service outcome into the HTTP answer: the payload on success, status + field errors otherwise. */
export function outcomeResponse(
  outcome: { ok: true } | { ok: false; status: number; message: string; fieldErrors?: FieldErrors },
  successStatus = 200,
): Response {
  if (!outcome.ok) return jsonError(outcome.status, outcome.message, outcome.fieldErrors);
  return privateJson(outcome, successStatus);
}

export const UNAUTHENTICATED = () => jsonError(401, "Sign in first.");
