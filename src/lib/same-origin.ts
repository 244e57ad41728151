/**
 * Whether an Origin header names the host a request was sent to. "null" (sandboxed or
 * privacy-masked origins), a missing Origin or a missing Host match nothing.
 */
export function isSameOrigin(origin: string | null | undefined, host: string | null | undefined): boolean {
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
