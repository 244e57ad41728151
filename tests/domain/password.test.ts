import { describe, expect, it } from "vitest";
import { commonPasswordCount, passwordProblem } from "@/domain/password";

describe("password policy (ASVS 5.0 L1)", () => {
  it("ships a common-password list of at least 10,000 entries", () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(10_000);
  });

  it("needs 8 characters, counted as people see them", () => {
    expect(passwordProblem("seven77")).toMatch(/at least 8/);
    expect(passwordProblem("😀😀😀😀😀😀😀")).toMatch(/at least 8/); // 7 emoji, 14 UTF-16 units
    expect(passwordProblem("mauve kettle drifts")).toBeNull();
  });

  it("has no composition rules: a long lower-case passphrase is fine", () => {
    expect(passwordProblem("orange tram under quiet hills")).toBeNull();
  });

  it("refuses common passwords in any letter case", () => {
    expect(passwordProblem("password1")).toMatch(/common/);
    expect(passwordProblem("QWERTYUIOP")).toMatch(/common/);
  });

  it("refuses the account's own email or its local part, and more than 128 characters", () => {
    expect(passwordProblem("ada.lovelace@example.com", { email: "Ada.Lovelace@example.com" })).toMatch(
      /email/,
    );
    expect(passwordProblem("ada.lovelace", { email: "ada.lovelace@example.com" })).toMatch(/email/);
    expect(passwordProblem("x".repeat(129))).toMatch(/at most 128/);
  });
});
