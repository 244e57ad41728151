/**
 * How large a request body may be, decided by Waypoint's server (scripts/server.ts) before Next.js
 * sees the request: by Content-Length, and by counting the bytes of a chunked body. The JSON API
 * takes small JSON objects; forms (server actions) take a few fields, the largest being a team's
 * pasted email list (20,000 characters, echoed back once in the form state); only the cohort page,
 * whose roster import takes a CSV of up to 2,000 rows (200,000 characters pasted or as a file),
 * gets the larger bound, which is also Next's own server-action limit (next.config.ts).
 */
export const API_BODY_LIMIT = 16 * 1024;
export const FORM_BODY_LIMIT = 64 * 1024;
export const ROSTER_IMPORT_BODY_LIMIT = 1024 * 1024;

/** The cohort page (/cohorts/<id>), where the roster import form posts. */
const ROSTER_IMPORT_PAGE = /^\/cohorts\/(?!join\/?$)[^/]+\/?$/;

export function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

export function bodyLimitFor(pathname: string): number {
  if (isApiPath(pathname)) return API_BODY_LIMIT;
  return ROSTER_IMPORT_PAGE.test(pathname) ? ROSTER_IMPORT_BODY_LIMIT : FORM_BODY_LIMIT;
}

/** "16 KB", "1 MB": for the 413 message. */
export function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`;
}
