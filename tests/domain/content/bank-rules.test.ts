import { describe, expect, it } from "vitest";
import { compileContent } from "@/domain/content/compile";
import type { ContentError, ContentFile } from "@/domain/content/types";
import { FACTORY_SKILLS, buildValidContentFiles, questionFile } from "../../factories/content-files";
import { expectContentError as expectError } from "../../support/expect-content-error";
import { factoryWithFixture } from "../../support/fixtures";

function errorsOf(files: ContentFile[]): ContentError[] {
  const result = compileContent(files);
  if (result.ok) throw new Error("expected the content to be invalid");
  return result.errors;
}


const LONG_KEY = ", long\n    correct: true";

/** Whether a factory question's key is its longest option (a quarter of the factory bank). */
function isLongKey(file: ContentFile): boolean {
  return file.text.includes(LONG_KEY);
}

/** The factory tree with the key the longest option in only the first `count` questions. */
function withLongestKeys(count: number): ContentFile[] {
  let kept = 0;
  return rewriteQuestions((file) => {
    if (!isLongKey(file) || ++kept <= count) return file;
    return { ...file, text: file.text.replace(LONG_KEY, "\n    correct: true") };
  });
}

/** The factory tree with every single-answer question rewritten by `rewrite`. */
function rewriteQuestions(rewrite: (file: ContentFile, index: number) => ContentFile): ContentFile[] {
  let index = 0;
  return buildValidContentFiles().map((file) => (file.path.startsWith("questions/") ? rewrite(file, index++) : file));
}

describe("item-writing rules", () => {
  it("flag a key more than 25 % longer than its longest distractor, at the key's text", () => {
    expectError(errorsOf(factoryWithFixture("bank-rules")), "questions/alpha/key-too-long.md", 10, "options[1].text", "longer than the longest distractor");
  });

  it("flag too few options for a single-answer question and a multiple-answer question with one key", () => {
    const errors = errorsOf(factoryWithFixture("bank-rules"));
    expectError(errors, "questions/alpha/two-options.md", 6, "3–5 options", "found 2");
    expectError(errors, "questions/bravo/one-key-multiple.md", 6, "4–6 options (found 3)");
    expectError(errors, "questions/bravo/one-key-multiple.md", 6, "at least 2 correct options (found 1)");
  });

  it("flag a code block without a language at the fence's line", () => {
    expectError(errorsOf(factoryWithFixture("bank-rules")), "questions/charlie/fence-no-language.md", 19, "needs a language");
  });

  it("flag catch-all options", () => {
    expectError(errorsOf(factoryWithFixture("bank-rules")), "questions/delta/all-of-the-above.md", 14, "options[3].text", "all/none of the above");
  });

  it("flag keys bunched at one position across the bank", () => {
    const files = rewriteQuestions((file) => {
      const [, skill, slug] = /^questions\/([^/]+)\/(.+)\.md$/.exec(file.path) ?? [];
      const level = Number(/level-(\d)/.exec(slug ?? "")?.[1] ?? 1);
      return questionFile(skill ?? "", slug, level, 0, isLongKey(file));
    });
    expectError(errorsOf(files), "questions", 1, "100 % of single-answer keys are option 1", "at most 35 %");
  });

  it("flag a bank where the key is too often the longest option", () => {
    // Ten percent longer keys stay within the per-question limit but tell across the bank.
    const files = rewriteQuestions((file) => ({ ...file, text: file.text.replace(/(text: The \w+ plausible answer)(\n    correct: true)/, "$1 indeed$2") }));
    expectError(errorsOf(files), "questions", 1, "longest option in 100 % of single-answer questions");
  });

  it("flag a bank where the key is almost never the longest option: \"avoid the longest\" would pay", () => {
    const errors = errorsOf(withLongestKeys(0));
    expectError(errors, "questions", 1, "longest option in only 0 % of single-answer questions", "at least 15 %", "\"avoid the longest\" is a tell");
    expect(errors.filter((error) => error.file === "questions")).toHaveLength(1);
  });

  it("accept the key as the longest option in 15 % of a bank, and flag just below", () => {
    // 10 of 64 single-answer questions is 15.6 %, 9 of 64 is 14.1 %.
    expect(compileContent(withLongestKeys(10)).ok).toBe(true);
    expectError(errorsOf(withLongestKeys(9)), "questions", 1, "longest option in only 14 %", "at least 15 %");
  });

  it("flag a skill with fewer than two questions at a level", () => {
    const files = buildValidContentFiles().filter((file) => !file.path.startsWith("questions/alpha/level-3"));
    expectError(errorsOf(files), "skills/alpha.md", 2, "at least 8 questions with 2 at each level", "has 6 (level 3: 0)");
  });

  it("flag a required level step that no module lifts, at that level's descriptor", () => {
    expectError(errorsOf(factoryWithFixture("missing-step")), "skills/alpha.md", 10, "levels[3]", "from level 2 to 3");
  });

  it("accept the factory bank, whose keys rotate over positions and are the longest option in a quarter", () => {
    expect(compileContent(buildValidContentFiles()).ok).toBe(true);
    expect(FACTORY_SKILLS.length * 8).toBe(64);
    expect(buildValidContentFiles().filter(isLongKey)).toHaveLength(16);
  });
});
