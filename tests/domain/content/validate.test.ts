import { describe, expect, it } from "vitest";
import { compileContent } from "@/domain/content/compile";
import type { ContentError } from "@/domain/content/types";
import { buildValidContentFiles } from "../../factories/content-files";
import { expectContentError as expectError } from "../../support/expect-content-error";
import { factoryWithFixture } from "../../support/fixtures";

function errorsFor(fixture: string): ContentError[] {
  const result = compileContent(factoryWithFixture(fixture));
  if (result.ok) throw new Error(`expected fixture ${fixture} to be invalid`);
  return result.errors;
}


describe("validateContent", () => {
  it("accepts the minimal valid tree", () => {
    const result = compileContent(buildValidContentFiles());
    expect(result.ok).toBe(true);
    expect(result.counts).toEqual({ roles: 1, skills: 8, questions: 64, modules: 8 });
  });

  it("reports every schema problem with the line of the offending key", () => {
    const errors = errorsFor("bad-front-matter");
    expectError(errors, "roles/test-role.md", 9, "requires[2].level", "from 1 to 4");
    expectError(errors, "roles/test-role.md", 10, "requires[3].weight", "is required");
    expectError(errors, "skills/golf.md", 5, "prerequisite", "unknown field");
    expectError(errors, "skills/golf.md", 6, "levels.4", "is required");
    expectError(errors, "modules/hotel-intro.md", 5, "skills[0].to", "at most two levels");
    expectError(errors, "modules/hotel-intro.md", 7, "format", "read, course, project, video");
    expectError(errors, "modules/hotel-intro.md", 8, "url", "https://");
  });

  it("reports invalid YAML at its line and a missing front-matter block at line 1", () => {
    // The unclosed `[` on line 5 is detected where the next key starts.
    expectError(errorsFor("invalid-yaml"), "skills/alpha.md", 6, "invalid YAML", "end with a ]");
    expectError(errorsFor("no-front-matter"), "modules/alpha-intro.md", 1, "must start with a front-matter block");
  });

  it("reports unknown skill references from roles, questions, modules and prerequisites", () => {
    const errors = errorsFor("unknown-references");
    expectError(errors, "roles/test-role.md", 11, "requires[4].skill", "unknown skill `quantum-computing`");
    expectError(errors, "questions/alpha/orphan.md", 3, "unknown skill `alpha-typo`");
    expectError(errors, "modules/hotel-intro.md", 6, "skills[1].skill", "unknown skill `hotels`");
    expectError(errors, "skills/bravo.md", 5, "prerequisites[1]", "unknown prerequisite skill `zulu`");
  });

  it("reports duplicate ids across files and duplicate option ids within a question", () => {
    const errors = errorsFor("duplicates");
    const duplicate = errors.find((error) => error.message.includes("duplicate skill id `alpha`"));
    expect(duplicate?.line).toBe(2);
    expect(duplicate?.message).toMatch(/also defined in skills\/(alpha|alpha-copy)\.md:2/);
    expectError(errors, "questions/alpha/repeated-options.md", 12, "options[2].id", "`cache` is already used by options[0]");
  });

  it("reports a prerequisite cycle with its path", () => {
    const errors = errorsFor("cycle");
    expectError(errors, "skills/alpha.md", 5, "prerequisite cycle: alpha → charlie → bravo → alpha");
    expect(errors.filter((error) => error.message.includes("cycle"))).toHaveLength(1);
  });

  it("reports single-answer questions without exactly one key and multiple-answer ones without any", () => {
    const errors = errorsFor("answer-keys");
    expectError(errors, "questions/alpha/two-keys.md", 6, "exactly one option with `correct: true` (found 2)");
    expectError(errors, "questions/alpha/no-keys.md", 6, "at least one option with `correct: true`");
  });

  it("reports roles outside 8–12 required skills and 5–8 core skills", () => {
    const errors = errorsFor("role-size");
    expectError(errors, "roles/test-role.md", 6, "8–12 skills (found 3)");
    expectError(errors, "roles/test-role.md", 6, "5–8 core skills (found 2)");
  });

  it("reports a required skill with no questions and no module", () => {
    const errors = errorsFor("coverage");
    expectError(errors, "roles/test-role.md", 15, "`india` has no questions");
    expectError(errors, "roles/test-role.md", 15, "`india` has no learning module");
  });

  it("reports a missing explanation and an empty body", () => {
    const errors = errorsFor("missing-parts");
    expectError(errors, "questions/bravo/no-explanation.md", 13, "explanation is missing");
    expectError(errors, "skills/charlie.md", 13, "Markdown body is empty");
  });

  it("reports a question filed under another skill's folder", () => {
    expectError(errorsFor("wrong-folder"), "questions/bravo/misfiled.md", 3, "move it to questions/alpha/");
  });

  it("reports `replaces` entries that name a live id or are claimed twice", () => {
    const errors = errorsFor("replaces");
    expectError(errors, "skills/alpha.md", 6, "replaces[1]", "`bravo` is still a live skill id");
    const claimedTwice = errors.filter((error) => error.message.includes("`old-alpha` is already mapped"));
    expect(claimedTwice).toHaveLength(1);
  });

  it("collects problems from many files at once, sorted by file and line, without knock-on reports", () => {
    const errors = errorsFor("bad-front-matter");
    // golf.md is invalid, yet the role, question and module that name golf are not reported too.
    expect(new Set(errors.map((error) => error.file))).toEqual(new Set(["roles/test-role.md", "skills/golf.md", "modules/hotel-intro.md"]));
    const keys = errors.map((error) => `${error.file}:${String(error.line).padStart(4, "0")}`);
    expect(keys).toEqual([...keys].sort());
  });
});
