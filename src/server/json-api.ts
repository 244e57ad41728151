import "server-only";

/**
 * Guards for the JSON API's cookie-authenticated writes. A cross-site page can make a browser
 * send the owner cookie with a form post, but not with `Content-Type: application/json` without a
 * CORS preflight we never grant; an Origin header, when present, must also be this host.
 */
export function rejectUnsafeWrite(request: Request): Response | null {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) return jsonError(415, "Send a JSON body with Content-Type: application/json.");
  const origin = request.headers.get("origin");
  const host = request.headers.get("host");
  if (origin && host && originHost(origin) !== host) return jsonError(403, "Cross-origin writes are not allowed.");
  return null;
}

/** The host of an Origin header; "null" (sandboxed or privacy-masked origins) matches nothing. */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

export function jsonError(status: number, message: string, fieldErrors?: Record<string, string>): Response {
  return Response.json({ error: message, ...(fieldErrors ? { fieldErrors } : {}) }, { status, headers: { "Cache-Control": "no-store" } });
}

export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

export const NOT_FOUND = () => jsonError(404, "No such attempt.");
