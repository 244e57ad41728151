import { describe, expect, it } from "vitest";
import { exclusionOf, isEmailInDomains, parseEmailDomains } from "@/domain/team/eligibility";

const anyAddress = { domains: [], requireVerifiedEmail: false };

describe("who may count toward a team's numbers", () => {
  it("never counts owners or managers, whatever else holds", () => {
    for (const role of ["owner", "manager"])
      expect(exclusionOf({ role, email: "a@example.com", emailVerified: true }, anyAddress)).toBe(
        "manages-team",
      );
    expect(
      exclusionOf({ role: "member", email: "a@example.com", emailVerified: false }, anyAddress),
    ).toBeNull();
  });

  it("leaves out addresses outside the team's domains (exact domain, any case) and unverified ones when mail is sent", () => {
    const rules = { domains: ["example.org"], requireVerifiedEmail: true };
    expect(exclusionOf({ role: "member", email: "a@Example.ORG", emailVerified: true }, rules)).toBeNull();
    expect(exclusionOf({ role: "member", email: "a@eu.example.org", emailVerified: true }, rules)).toBe(
      "outside-domains",
    );
    expect(exclusionOf({ role: "member", email: "a@example.org", emailVerified: false }, rules)).toBe(
      "email-unverified",
    );
    expect(isEmailInDomains("x@anything.test", [])).toBe(true);
  });
});

describe("a typed list of email domains", () => {
  it("reads commas, spaces and leading @, lower-cases and drops duplicates", () => {
    expect(parseEmailDomains(" @Example.org,example.org\nteam.example.com ")).toEqual({
      ok: true,
      domains: ["example.org", "team.example.com"],
    });
    expect(parseEmailDomains("")).toEqual({ ok: true, domains: [] });
  });

  it("names the first entry that is not a domain, and refuses more than ten", () => {
    expect(parseEmailDomains("example.org localhost")).toEqual({
      ok: false,
      message: "“localhost” is not a domain like example.com.",
    });
    expect(parseEmailDomains("a@example.org")).toMatchObject({ ok: false });
    const eleven = Array.from({ length: 11 }, (_, index) => `d${index}.example.org`).join(" ");
    expect(parseEmailDomains(eleven)).toEqual({ ok: false, message: "List at most 10 domains." });
  });
});
