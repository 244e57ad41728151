import matter from "gray-matter";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { ContentError, ContentFile, SourceLocation } from "./types";

export interface FrontMatterResult {
  data: unknown;
  body: string;
  source: SourceLocation;
  errors: ContentError[];
}

/**
 * Splits a content file into front matter and Markdown body (gray-matter) and parses the front
 * matter with the `yaml` library, keeping the line of every key and list item so that later
 * checks can point at `requires[2].level` rather than at the top of the file.
 */
export function readFrontMatter(file: ContentFile): FrontMatterResult {
  const text = file.text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const lines: Record<string, number> = {};
  const errors: ContentError[] = [];
  // The line of the body's first non-blank line: where an author looks for the body.
  const bodyLineFor = (body: string) =>
    countLines(text.slice(0, text.length - body.length)) + ((/^\s*/.exec(body)?.[0] ?? "").split("\n").length - 1);

  if (!text.startsWith("---\n")) {
    errors.push({
      file: file.path,
      line: 1,
      message: "the file must start with a front-matter block: a line `---`, YAML fields, then `---`",
    });
    return { data: undefined, body: text, source: { file: file.path, bodyLine: 1, lines }, errors };
  }

  let yamlSource: string | undefined;
  let document: Document | undefined;
  const lineCounter = new LineCounter();
  // gray-matter does the delimiting; we hand it our own YAML engine so that parsing keeps positions.
  // No options object is shared between calls, so gray-matter's input cache does not apply.
  const split = matter(text, {
    engines: {
      yaml: (source: string) => {
        yamlSource = source;
        document = parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: true });
        return {};
      },
    },
  });

  const body = split.content;
  const bodyLine = bodyLineFor(body);
  const source: SourceLocation = { file: file.path, bodyLine, lines };
  if (!document || yamlSource === undefined) {
    errors.push({ file: file.path, line: 1, message: "the front-matter block is empty" });
    return { data: undefined, body, source, errors };
  }

  const lineShift = countLines(text.slice(0, text.indexOf(yamlSource))) - 1;
  const toFileLine = (offset: number) => lineCounter.linePos(offset).line + lineShift;

  for (const problem of [...document.errors, ...document.warnings]) {
    const [start] = problem.pos;
    errors.push({
      file: file.path,
      line: toFileLine(start),
      message: `invalid YAML: ${firstLine(problem.message)}`,
    });
  }
  if (document.errors.length > 0) return { data: undefined, body, source, errors };

  collectLines(document.contents, [], lines, toFileLine);
  return { data: document.toJS(), body, source, errors };
}

function collectLines(
  node: Node | null,
  path: string[],
  lines: Record<string, number>,
  toFileLine: (offset: number) => number,
): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const childPath = [...path, key];
      const keyNode = pair.key as Node | null;
      if (keyNode?.range) lines[childPath.join(".")] = toFileLine(keyNode.range[0]);
      collectLines(pair.value as Node | null, childPath, lines, toFileLine);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const childPath = [...path, String(index)];
      const itemNode = item as Node | null;
      if (itemNode?.range) lines[childPath.join(".")] = toFileLine(itemNode.range[0]);
      collectLines(itemNode, childPath, lines, toFileLine);
    });
  }
}

function countLines(text: string): number {
  let count = 1;
  for (const char of text) if (char === "\n") count++;
  return count;
}

/** The library's first message line, without its own "at line N, column M" (ours is in the file's numbering). */
function firstLine(message: string): string {
  const first = message.split("\n")[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, "");
}
