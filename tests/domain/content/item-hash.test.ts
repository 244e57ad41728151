import { describe, expect, it } from "vitest";
import { compileContent } from "@/domain/content/compile";
import { hashQuestionText } from "@/domain/content/item-hash";
import type { SkillsGraph } from "@/domain/skills-graph";
import { buildValidContentFiles } from "../../factories/content-files";

function graphOf(files = buildValidContentFiles()): SkillsGraph {
  const result = compileContent(files);
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join("\n"));
  return result.graph;
}

describe("each question's own content hash", () => {
  it("differs between questions and is a SHA-256 hex digest", () => {
    const hashes = [...graphOf().questions.values()].map((question) => question.contentHash);
    expect(hashes.every((hash) => /^[0-9a-f]{64}$/.test(hash))).toBe(true);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it("changes for the edited question only", () => {
    const files = buildValidContentFiles();
    const before = graphOf(files);
    const target = files.find((file) => file.path.startsWith("questions/"));
    if (!target) throw new Error("no question file");
    const edited = files.map((file) =>
      file === target ? { ...file, text: file.text.replace("plausible answer", "plausible reply") } : file,
    );
    const after = graphOf(edited);
    const changed = [...before.questions.values()].filter(
      (question) => after.questions.get(question.id)?.contentHash !== question.contentHash,
    );
    expect(changed.map((question) => question.source.file)).toEqual([target.path]);
    expect(after.contentHash).not.toBe(before.contentHash);
  });

  it("ignores line endings, trailing spaces and blank lines at either end, not wording", () => {
    const text = "---\nid: q\n---\nWhat is it?\n";
    expect(hashQuestionText("\n" + text.replace(/\n/g, "  \r\n") + "\n\n")).toBe(hashQuestionText(text));
    expect(hashQuestionText(text.replace("it", "this"))).not.toBe(hashQuestionText(text));
    expect(hashQuestionText(text.replace("What", "what"))).not.toBe(hashQuestionText(text));
  });
});
