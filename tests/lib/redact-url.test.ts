import { describe, expect, it } from "vitest";
import { REDACTED, redactUrl } from "@/lib/redact-url";

const TOKEN = "qK3v9_Zs-8cT1mWb4yXnLp0aRfGh2JdEo6iUuVtBk7M";

describe("redacting secrets from logged request targets", () => {
  it.each([
    ["team invitation", `/teams/join/${TOKEN}`, `/teams/join/${REDACTED}`],
    ["cohort invitation", `/cohorts/join/${TOKEN}`, `/cohorts/join/${REDACTED}`],
    ["share link", `/shared/${TOKEN}`, `/shared/${REDACTED}`],
    ["share link, prefetched by the router", `/shared/${TOKEN}?_rsc=1x2y3`, `/shared/${REDACTED}?_rsc=1x2y3`],
    ["password reset", `/reset-password?token=${TOKEN}`, `/reset-password?token=${REDACTED}`],
    ["email verification", `/verify-email?token=${TOKEN}`, `/verify-email?token=${REDACTED}`],
    [
      "verification with more parameters",
      `/verify-email?a=1&Token=${TOKEN}`,
      `/verify-email?a=1&Token=${REDACTED}`,
    ],
    [
      "an invitation as sign-in's next",
      `/sign-in?next=%2Fteams%2Fjoin%2F${TOKEN}`,
      `/sign-in?next=${encodeURIComponent(`/teams/join/${REDACTED}`)}`,
    ],
    [
      "an invitation as sign-up's next",
      `/sign-up?next=/cohorts/join/${TOKEN}`,
      `/sign-up?next=${encodeURIComponent(`/cohorts/join/${REDACTED}`)}`,
    ],
    ["a percent-encoded path", `/teams/join%2F${TOKEN}`, `/teams/join/${REDACTED}`],
    ["a path in other letter case", `/Shared/${TOKEN}`, `/Shared/${REDACTED}`],
  ])("%s", (_label, target, expected) => {
    const redacted = redactUrl(target);
    expect(redacted).toBe(expected);
    expect(redacted).not.toContain(TOKEN);
  });

  it("leaves targets without secrets as they are", () => {
    for (const target of [
      "/",
      "/teams/abc123",
      "/teams/join",
      "/cohorts/c1?x=1",
      "/results/a1",
      "/sign-in?next=%2Fme",
    ])
      expect(redactUrl(target)).toBe(target);
    expect(redactUrl(undefined)).toBe("");
  });
});
