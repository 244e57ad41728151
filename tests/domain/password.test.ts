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

describe("passwords built from the account's own email or name (ASVS 5.0 V6.2.11)", () => {
  const ada = { email: "Ada.Lovelace@Example.com", name: "Ada Lovelace" };

  it("refuses the email, its local part or a piece of it, in any case, with or without decoration", () => {
    for (const password of [
      "ada.lovelace@example.com",
      "ADA.LOVELACE@EXAMPLE.COM",
      "ada.lovelace",
      "adalovelace",
      "Ada.Lovelace2024!",
      "lovelace1234",
      "my ada.lovelace@example.com",
    ])
      expect(passwordProblem(password, { email: ada.email }), password).toMatch(/email address/);
  });

  it("refuses the display name or one of its words with a few characters around it", () => {
    for (const password of ["Ada Lovelace", "ada lovelace 1", "lovelace!!2024", "Lovelace Ada"])
      expect(passwordProblem(password, { name: ada.name }), password).toMatch(/your name/);
    expect(passwordProblem("Müller-Lüdenscheidt", { name: "Hans Müller-Lüdenscheidt" })).toMatch(/your name/);
  });

  it("allows a passphrase that merely contains the name or local part among enough other words", () => {
    expect(passwordProblem("ada sails north by the lighthouse", ada)).toBeNull();
    expect(passwordProblem("market garden apples", { name: "Mark", email: "mark@example.com" })).toBeNull();
    // Names of one or two letters are inside too many words to judge by.
    expect(passwordProblem("bobbing lanterns", { name: "Bo", email: "bo@example.com" })).toBeNull();
  });
});
