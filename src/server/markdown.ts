import "server-only";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

/**
 * Markdown → sanitised HTML (docs/decisions/003). Raw HTML in content is dropped by
 * remark-rehype (allowDangerousHtml stays off) and rehype-sanitize enforces GitHub's allow-list
 * on what remains, so content can never run script or inject attributes such as `onerror`.
 * A level-1 heading in content becomes h2: the page owns its single h1.
 */
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(() => (tree) => demoteTopHeadings(tree as HastNode))
  .use(rehypeSanitize, {
    ...defaultSchema,
    // Code blocks keep their `language-*` class for styling; nothing else gains attributes.
    attributes: { ...defaultSchema.attributes, code: [["className", /^language-[\w-]+$/]] },
  })
  // After sanitising (which would strip it): a code block that scrolls sideways must be reachable
  // by keyboard (WCAG 2.1.1; axe "scrollable-region-focusable").
  .use(() => (tree) => makeCodeBlocksFocusable(tree as HastNode))
  .use(rehypeStringify)
  .freeze();

const cache = new Map<string, string>();

/** Renders without the text cache: for callers that keep the HTML themselves (question-html.ts). */
export function renderMarkdownUncached(markdown: string): string {
  return String(processor.processSync(markdown));
}

export function renderMarkdown(markdown: string): string {
  const hit = cache.get(markdown);
  if (hit !== undefined) return hit;
  const html = renderMarkdownUncached(markdown);
  if (cache.size > 2000) cache.clear();
  cache.set(markdown, html);
  return html;
}

/** Empties the render cache (tests and the answer-path profile's "restart"). */
export function clearMarkdownCache(): void {
  cache.clear();
}

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

function makeCodeBlocksFocusable(node: HastNode): void {
  if (node.tagName === "pre") node.properties = { ...node.properties, tabIndex: 0 };
  for (const child of node.children ?? []) makeCodeBlocksFocusable(child);
}

function demoteTopHeadings(node: HastNode): void {
  if (node.tagName === "h1") node.tagName = "h2";
  for (const child of node.children ?? []) demoteTopHeadings(child);
}
