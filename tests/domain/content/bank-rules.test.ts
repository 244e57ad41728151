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


/** The factory tree with every single-answer question rewritten by `rewrite`. */
function rewriteQuestions(rewrite: (file: ContentFile, index: number) => ContentFile): ContentFile[] {
  let index = 0;
  return buildValidContentFiles().map((file) => (file.path.startsWith("questions/") ? rewrite(file, index++) : file));
}

/** The parts of a factory question's path: skill, slug and level. */
function partsOf(file: ContentFile) {
  const [, skill = "", slug = ""] = /^questions\/([^/]+)\/(.+)\.md$/.exec(file.path) ?? [];
  return { skill, slug, level: Number(/level-(\d)/.exec(slug)?.[1] ?? 1) };
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

  it("flag a bank where one guessing strategy pays: keys always in one position (and so one length rank)", () => {
    const files = rewriteQuestions((file) => {
      const { skill, slug, level } = partsOf(file);
      return questionFile(skill, slug, level, 1);
    });
    const errors = errorsOf(files);
    expectError(errors, "questions", 1, "always option 2 in file order", "scores 100 %", "chance 25 %, at most 29 %");
    expectError(errors, "questions", 1, "always the 3rd-longest option (characters)", "scores 100 %");
    // Each skill is named too, with the questions the strategy finds.
    expectError(errors, "skills/alpha.md", 2, "always option 2 in file order", "scores 100 % on this skill's 8 single-answer questions", "alpha-level-1-0");
  });

  it("flag a bank where the shortest option is never the key: \"drop the shortest, then guess\" pays", () => {
    // Keys at positions 2–4 only: the shortest option (position 1) is never the key.
    const files = rewriteQuestions((file, index) => {
      const { skill, slug, level } = partsOf(file);
      return questionFile(skill, slug, level, 1 + (index % 3));
    });
    expectError(errorsOf(files), "questions", 1, "drop the shortest option, then guess", "scores 33 %");
  });

  it("flag distractors that justify themselves: \"avoid the option that gives a reason\" pays", () => {
    const files = rewriteQuestions((file) => ({ ...file, text: file.text.replace(/(text: The (\w+) plausible answer)(\n  - |\n---)/g, "$1, because it fits$3") }));
    expectError(errorsOf(files), "questions", 1, "avoid options with a stated reason", "scores 100 %");
  });

  it("flag multiple-answer keys that are longer on average than the other options", () => {
    const multiple = (skill: string, index: number): ContentFile => ({
      path: `questions/${skill}/multi-${index}.md`,
      text: `---
id: ${skill}-multi-${index}
skill: ${skill}
level: 2
type: multiple
options:
  - id: one
    text: The one plausible answer with detail
    correct: true
  - id: four
    text: The four plausible answer with detail
    correct: true
  - id: seven
    text: The seven answer
  - id: eleven
    text: The eleven answer
---
Which answers are right for ${skill}? Select all that apply.

## Explanation
The one and the four, because the others are not.
`,
    });
    const files = [...buildValidContentFiles(), ...FACTORY_SKILLS.flatMap((skill) => [multiple(skill, 1), multiple(skill, 2)])];
    expectError(errorsOf(files), "questions", 1, "multiple-answer keys average 37 characters against 17", "at most 5 %");
  });

  it("flag option ids that name correctness at the id, and `replaces` that clash or map twice", () => {
    const errors = errorsOf(factoryWithFixture("option-ids"));
    expectError(errors, "questions/alpha/named-options.md", 7, "options[0].id", "`correct` says `correct`", "replaces");
    expectError(errors, "questions/alpha/named-options.md", 10, "options[1].id", "says `wrong`");
    expectError(errors, "questions/alpha/named-options.md", 13, "options[2].replaces[0]", "`seven` is a live option id");
    expectError(errors, "questions/alpha/named-options.md", 16, "options[3].replaces[0]", "already mapped by options[2]");
  });

  it("flag a skill with fewer than two questions at a level", () => {
    const files = buildValidContentFiles().filter((file) => !file.path.startsWith("questions/alpha/level-3"));
    expectError(errorsOf(files), "skills/alpha.md", 2, "at least 8 questions with 2 at each level", "has 6 (level 3: 0)");
  });

  it("flag a required level step that no module lifts, at that level's descriptor", () => {
    expectError(errorsOf(factoryWithFixture("missing-step")), "skills/alpha.md", 10, "levels[3]", "from level 2 to 3");
  });

  it("accept the factory bank, whose keys take every position and length rank equally often", () => {
    expect(compileContent(buildValidContentFiles()).ok).toBe(true);
    expect(FACTORY_SKILLS.length * 8).toBe(64);
  });
});
