import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getAuth, type AuthSession } from "./auth";

/**
 * The signed-in session of this request, or null; looked up once per request. A request without
 * a session cookie skips the database (the anonymous quiz's hot path).
 */
export const currentSession = cache(async (): Promise<AuthSession | null> => {
  const requestHeaders = await headers();
  if (!/(?:^|;\s*)(?:__Secure-)?waypoint\.session_token=/.test(requestHeaders.get("cookie") ?? ""))
    return null;
  return getAuth().api.getSession({ headers: requestHeaders });
});
