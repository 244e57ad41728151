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

/** Letters and digits only, lower-cased: "Ada Lovelace!" and "ada.lovelace" compare equal. */
function compact(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

/** Context words shorter than this are too common inside other words to judge by. */
const MIN_CONTEXT_LENGTH = 3;

/**
 * Whether the password is built from `words`: it contains one of them (ignoring case, spaces and
 * punctuation), and what is left without it would be too short to be a password on its own. So
 * "ada.lovelace", "AdaLovelace2024!" and the email itself are refused for Ada Lovelace, while a
 * passphrase that merely contains a short name ("market garden apples" for Mark) is not.
 */
function isBuiltFrom(password: string, words: readonly string[]): boolean {
  const candidate = compact(password);
  return words
    .map(compact)
    .filter((word) => [...word].length >= MIN_CONTEXT_LENGTH)
    .some(
      (word) => candidate.includes(word) && [...candidate.replace(word, "")].length < PASSWORD_MIN_LENGTH,
    );
}

/**
 * Why this password cannot be used, or null when it can. The context is the account's own email
 * and display name (ASVS 5.0 V6.2.11): a password that is, or is mostly, the email address, its
 * local part (or a piece of it, "ada" of "ada.lovelace"), the name or one of its words is refused.
 */
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
  const email = context.email?.trim().toLowerCase() ?? "";
  const localPart = email.split("@")[0] ?? "";
  if (email && isBuiltFrom(password, [email, localPart, ...localPart.split(/[._+-]/)]))
    return "Don't build your password from your email address.";
  const name = context.name?.trim() ?? "";
  if (name && isBuiltFrom(password, [name, ...name.split(/[^\p{L}\p{N}]+/u)]))
    return "Don't build your password from your name.";
  return null;
}
