import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Comments may point readers only at documents the repository holds: docs/**, README.md, the
// content guide. Planning documents and issue numbers from outside the repository mean nothing to
// the next reader.
const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
const SCANNED = ["src", "scripts", "tests", "prisma"];
const SKIPPED = new Set(["src/generated", "tests/.tmp", "tests/fixtures", "prisma/migrations"]);
const THIS_FILE = path.relative(REPO_ROOT, import.meta.filename);
// Names the virtual src/ paths its lint fixtures are linted at.
const LINT_TEST = "tests/scripts/lint-rules.test.ts";

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (SKIPPED.has(relative)) return [];
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.(ts|tsx|mjs|prisma)$/.test(entry.name) && relative !== THIS_FILE ? [relative] : [];
  });
}

const files = SCANNED.flatMap(sourceFiles);
const lines = files.flatMap((file) =>
  fs
    .readFileSync(path.join(REPO_ROOT, file), "utf8")
    .split("\n")
    .map((text, index) => ({ where: `${file}:${index + 1}`, text })),
);

describe("references in code comments", () => {
  it("scans the code", () => {
    expect(files).toContain("src/server/db.ts");
  });

  it("cite no document outside the repository", () => {
    const outside = /\bSPEC\b|\bSTYLE §|ENGINE\.md|\b[Ii]ssue \d/;
    expect(lines.filter((line) => outside.test(line.text)).map((line) => line.where)).toEqual([]);
  });

  it("name only documents, scripts and source files that exist, in code and in the docs", () => {
    const docs = ["README.md", ...fs.readdirSync(path.join(REPO_ROOT, "docs"), { recursive: true })]
      .map((file) => (file === "README.md" ? file : path.posix.join("docs", String(file))))
      .filter((file) => file.endsWith(".md"));
    const docLines = docs.flatMap((file) =>
      fs
        .readFileSync(path.join(REPO_ROOT, file), "utf8")
        .split("\n")
        .map((text, index) => ({ where: `${file}:${index + 1}`, text })),
    );
    const missing = [...lines.filter((line) => !line.where.startsWith(LINT_TEST)), ...docLines].flatMap(
      (line) =>
        [...line.text.matchAll(/(?<![\w/.-])(?:docs|scripts|src)\/[\w/.[\]-]+\.(?:md|ts|tsx|mjs)\b/g)]
          .filter((match) => !fs.existsSync(path.join(REPO_ROOT, match[0])))
          .map((match) => `${line.where} ${match[0]}`),
    );
    expect(missing).toEqual([]);
  });
});
