/**
 * Request targets as they may appear in logs: with every bearer secret replaced. Secrets travel
 * in the path of team and cohort invitation links (/teams/join/<token>, /cohorts/join/<token>)
 * and share links (/shared/<token>), and in the `token` query parameter of the password-reset
 * and email-verification links (/reset-password?token=…, /verify-email?token=…). A path can also
 * ride inside a query parameter (sign-in's ?next=/teams/join/<token>), so parameter values that
 * are paths are redacted the same way.
 */
export const REDACTED = "REDACTED";

const SECRET_SEGMENT = /(\/(?:teams\/join|cohorts\/join|shared)\/)[^/?#]+/gi;
const SECRET_PARAMS = new Set(["token"]);

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text; // a malformed escape: judge the raw text
  }
}

function redactPath(pathname: string): string {
  const decoded = decode(pathname);
  // Re-encoded slashes or letters must not hide a token: judge the decoded path.
  const redacted = decoded.replace(SECRET_SEGMENT, `$1${REDACTED}`);
  return redacted === decoded ? pathname : redacted;
}

export function redactUrl(target: string | undefined, depth = 0): string {
  if (!target) return "";
  const queryAt = target.indexOf("?");
  const path = redactPath(queryAt === -1 ? target : target.slice(0, queryAt));
  if (queryAt === -1) return path;
  const query = target
    .slice(queryAt + 1)
    .split("&")
    .map((part) => {
      const equals = part.indexOf("=");
      if (equals === -1) return part;
      const key = part.slice(0, equals);
      if (SECRET_PARAMS.has(decode(key).toLowerCase())) return `${key}=${REDACTED}`;
      const value = decode(part.slice(equals + 1));
      if (depth >= 3 || !value.startsWith("/")) return part;
      const redacted = redactUrl(value, depth + 1);
      return redacted === value ? part : `${key}=${encodeURIComponent(redacted)}`;
    })
    .join("&");
  return `${path}?${query}`;
}
