import { dictionary } from "@zxcvbn-ts/language-common";

/**
 * Password rules per OWASP ASVS 5.0 level 1 (V6.2): at least 8 characters, at most 128 (so
 * passphrases fit), no composition rules, and not one of the passwords attackers try first.
 * The list is zxcvbn-ts's "passwords-common" dictionary (@zxcvbn-ts/language-common, ~49,000
 * entries from leaked-password frequency lists), shipped with the app and checked offline.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

let common: ReadonlySet<string> | undefined;

function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(dictionary["passwords-common"].map((entry) => entry.toLowerCase()));
  return common;
}

/** How many entries the common-password list holds (shown in the README and tested). */
export function commonPasswordCount(): number {
  return commonPasswords().size;
}

/** Why this password cannot be used, or null when it can. `email` catches "my address as password". */
export function passwordProblem(
  password: string,
  context: { email?: string; name?: string } = {},
): string | null {
  // Length counts characters as people see them, not UTF-16 code units (ASVS: Unicode allowed).
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  const lowered = password.toLowerCase();
  if (commonPasswords().has(lowered)) return "This is one of the most common passwords; choose another.";
  const email = context.email?.trim().toLowerCase();
  if (email && (lowered === email || lowered === email.split("@")[0]))
    return "Don't use your email address as your password.";
  return null;
}
