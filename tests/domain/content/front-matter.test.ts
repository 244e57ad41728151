import { describe, expect, it } from "vitest";
import { readFrontMatter } from "@/domain/content/front-matter";

describe("readFrontMatter", () => {
  it("maps every key and list item to its line in the file", () => {
    const text = ["---", "id: x", "requires:", "  - { skill: a, level: 2 }", "  - skill: b", "    level: 3", "---", "", "Body"].join("\n");
    const result = readFrontMatter({ path: "roles/x.md", text });
    expect(result.errors).toEqual([]);
    expect(result.source.lines).toMatchObject({
      id: 2,
      requires: 3,
      "requires.0": 4,
      "requires.0.level": 4,
      "requires.1": 5,
      "requires.1.level": 6,
    });
    expect(result.body.trim()).toBe("Body");
    // Line 8 is blank; the body starts on line 9.
    expect(result.source.bodyLine).toBe(9);
  });

  it("keeps line numbers right with Windows line endings and a byte-order mark", () => {
    const text = "\uFEFF---\r\nid: x\r\ntitle: y\r\n---\r\nBody\r\n";
    const result = readFrontMatter({ path: "skills/x.md", text });
    expect(result.errors).toEqual([]);
    expect(result.source.lines.title).toBe(3);
    expect(result.data).toEqual({ id: "x", title: "y" });
  });

  it("reports a duplicated key at the duplicate's line", () => {
    const result = readFrontMatter({ path: "skills/x.md", text: "---\nid: x\ntitle: a\ntitle: b\n---\nBody\n" });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ file: "skills/x.md", line: 4 });
    expect(result.errors[0]?.message).toContain("invalid YAML");
  });

  it("reports an unterminated block instead of treating the file as body", () => {
    const result = readFrontMatter({ path: "skills/x.md", text: "# Title\n\nno front matter\n" });
    expect(result.errors[0]).toMatchObject({ line: 1 });
    expect(result.errors[0]?.message).toContain("must start with a front-matter block");
  });
});
