import type { ContentError, SourceLocation } from "./types";

/** Renders a front-matter path the way an author reads it: `requires[2].level`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}

/**
 * The line of the deepest part of `path` that exists in the file: a missing `weight` in
 * `requires[2]` points at the line of `requires[2]`, a wrong value at the value's own line.
 */
export function lineOf(source: SourceLocation, path: readonly PropertyKey[]): number {
  for (let depth = path.length; depth > 0; depth--) {
    const key = path.slice(0, depth).map(String).join(".");
    const line = source.lines[key];
    if (line !== undefined) return line;
  }
  return 1;
}

export function errorAt(
  source: SourceLocation,
  path: readonly PropertyKey[],
  message: string,
): ContentError {
  const where = path.length > 0 ? `${formatPath(path)}: ` : "";
  return { file: source.file, line: lineOf(source, path), message: `${where}${message}` };
}

export function compareErrors(a: ContentError, b: ContentError): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.message < b.message ? -1 : 1);
}
