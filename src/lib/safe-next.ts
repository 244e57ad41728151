/**
 * Where to go after signing in: only a local path (starting with one "/"), so a crafted
 * ?next=https://evil.example link cannot turn sign-in into an open redirect.
 */
export function safeNextPath(value: unknown, fallback = "/me"): string {
  if (typeof value !== "string" || value.length > 500) return fallback;
  return /^\/(?!\/|\\)[^\s]*$/.test(value) ? value : fallback;
}
