/**
 * Whose results may enter a team's numbers (decision 007). Pure: member facts in, verdict out.
 *
 * k = 5 only protects a member if the other four contributors are real people the viewer does not
 * control. So the count leaves out everyone who can see the numbers (owners and managers: their
 * own attempts would let them subtract themselves out), and, when the team sets them, everyone
 * whose address is outside the team's email domains, and — when the instance can send mail —
 * everyone whose address is not verified. Consent is checked on top of this, and is never shown
 * to others; these exclusions are shown on the member list to every member.
 */
export type Exclusion = "manages-team" | "outside-domains" | "email-unverified";

export interface MemberFacts {
  role: string;
  email: string;
  emailVerified: boolean;
}

export interface CountingRules {
  /** Lower-case domains the team admits; empty admits every address. */
  domains: readonly string[];
  /** True when the instance sends mail (SMTP configured): only verified addresses count. */
  requireVerifiedEmail: boolean;
}

export const domainOf = (email: string): string => email.slice(email.lastIndexOf("@") + 1).toLowerCase();

/** An address is inside when its domain is exactly one of the listed ones (no subdomains). */
export const isEmailInDomains = (email: string, domains: readonly string[]): boolean =>
  domains.length === 0 || domains.includes(domainOf(email));

/** Why a member's results stay out of the team numbers whatever they consent to; null if they may count. */
export function exclusionOf(member: MemberFacts, rules: CountingRules): Exclusion | null {
  if (member.role === "owner" || member.role === "manager") return "manages-team";
  if (!isEmailInDomains(member.email, rules.domains)) return "outside-domains";
  if (rules.requireVerifiedEmail && !member.emailVerified) return "email-unverified";
  return null;
}

export const MAX_EMAIL_DOMAINS = 10;
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The stored form of a team's domains: space-separated, lower-case; null when none. */
export const formatEmailDomains = (domains: readonly string[]): string | null =>
  domains.length === 0 ? null : domains.join(" ");

export const readEmailDomains = (stored: string | null | undefined): string[] =>
  (stored ?? "").split(" ").filter(Boolean);

/**
 * A typed list of domains (commas, spaces or new lines; a leading "@" is dropped) into the
 * distinct lower-case domains, or the first entry that is not a domain. Empty means "any address".
 */
export function parseEmailDomains(
  text: string,
): { ok: true; domains: string[] } | { ok: false; message: string } {
  const domains = new Set<string>();
  for (const entry of text.split(/[,;\s]+/).filter(Boolean)) {
    const domain = entry.replace(/^@/, "").toLowerCase();
    if (!DOMAIN.test(domain))
      return { ok: false, message: `“${entry.slice(0, 80)}” is not a domain like example.com.` };
    domains.add(domain);
  }
  if (domains.size > MAX_EMAIL_DOMAINS)
    return { ok: false, message: `List at most ${MAX_EMAIL_DOMAINS} domains.` };
  return { ok: true, domains: [...domains] };
}
