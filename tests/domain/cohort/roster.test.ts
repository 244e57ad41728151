import { describe, expect, it } from "vitest";
import { describeRosterErrors, parseRoster } from "@/domain/cohort/roster";

describe("parseRoster", () => {
  it("returns clean rows with trimmed, lower-cased emails and their line numbers", () => {
    const result = parseRoster(
      'name,email\n  Ada Lovelace , ADA@Example.com \n"Hopper, Grace",grace@example.com\n',
    );
    expect(result).toEqual({
      ok: true,
      rows: [
        { name: "Ada Lovelace", email: "ada@example.com", line: 2 },
        { name: "Hopper, Grace", email: "grace@example.com", line: 3 },
      ],
    });
  });

  it("accepts the columns in either order and any case", () => {
    const result = parseRoster("Email,NAME\nada@example.com,Ada\n");
    expect(result).toMatchObject({ ok: true, rows: [{ name: "Ada", email: "ada@example.com" }] });
  });

  it("reports every bad row with its line number and returns no rows", () => {
    const result = parseRoster(
      "name,email\nAda,ada@example.com\nBob,not-an-email\n,carol@example.com\nDan,dan@example.com,extra\n",
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { line: 3, message: "not an email address" },
      { line: 4, message: "the name is empty" },
      { line: 5, message: "expected 2 cells (name,email), found 3" },
    ]);
    expect(describeRosterErrors(result.errors)).toContain("line 3: not an email address");
  });

  it("names both lines of a duplicate email", () => {
    const result = parseRoster(
      "name,email\nAda,ada@example.com\nBob,bob@example.com\nAda again,ADA@example.com\n",
    );
    expect(result).toEqual({
      ok: false,
      errors: [{ line: 4, message: "ada@example.com is also on line 2" }],
    });
  });

  it("counts lines across quoted multi-line cells and blank lines, and refuses a name on two lines", () => {
    const result = parseRoster('name,email\n\n"Multi\nLine",m@example.com\nBad,bad\n');
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 4, message: "the name contains a line break or control character" },
        { line: 5, message: "not an email address" },
      ],
    });
  });

  it("rejects a wrong header, an empty file and broken CSV with a line", () => {
    expect(parseRoster("")).toMatchObject({ ok: false, errors: [{ line: 1 }] });
    expect(parseRoster("full name,mail\nAda,ada@example.com\n")).toMatchObject({
      ok: false,
      errors: [{ line: 1, message: expect.stringContaining("name,email") }],
    });
    expect(parseRoster("name,email\n")).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining("no learners") }],
    });
    const broken = parseRoster('name,email\nAda,ada@example.com\n"Unclosed,bob@example.com\n');
    expect(broken).toMatchObject({
      ok: false,
      errors: [{ line: expect.any(Number), message: expect.stringContaining("not valid CSV") }],
    });
  });
});
