import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/server/markdown";

describe("renderMarkdown", () => {
  it("renders headings, lists, tables and fenced code", () => {
    const html = renderMarkdown(
      "## Work\n\n- one\n- two\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n```python\nprint('x')\n```\n",
    );
    expect(html).toContain("<h2>Work</h2>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain("<table>");
    expect(html).toContain('<code class="language-python">');
  });

  it("never lets content run script or carry event handlers", () => {
    const html = renderMarkdown(
      'Hello <script>alert(1)</script> <img src=x onerror="alert(2)"> [link](javascript:alert(3)) <a href="#" onclick="x()">a</a>',
    );
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:/i);
    expect(html).toContain("Hello");
  });

  it("turns a level-1 heading into h2 so the page keeps one h1", () => {
    expect(renderMarkdown("# Title")).toBe("<h2>Title</h2>");
  });
});
