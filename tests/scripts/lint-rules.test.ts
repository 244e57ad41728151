import fs from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { FIXTURES_DIR } from "../support/paths";

// Each fixture under tests/fixtures/lint/ is linted with the project's real eslint.config.mjs as if it
// lived at the same path in the repository (tests/fixtures/lint/src/domain/x.ts → src/domain/x.ts).
const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
const LINT_FIXTURES = path.join(FIXTURES_DIR, "lint");
const RULE = "@typescript-eslint/no-restricted-imports";

const eslint = new ESLint({ cwd: REPO_ROOT });

/** The import-restriction errors for a fixture, as "line: source" strings. */
async function restrictedImports(fixture: string): Promise<string[]> {
  const code = fs.readFileSync(path.join(LINT_FIXTURES, fixture), "utf8");
  const [result] = await eslint.lintText(code, { filePath: path.join(REPO_ROOT, fixture) });
  const lines = code.split("\n");
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === RULE && message.severity === 2)
    .map((message) => `${message.line}: ${lines[message.line - 1]}`);
}

describe("the import-direction lint rules", () => {
  it("keep src/domain free of server, UI and database modules, by alias", async () => {
    expect(await restrictedImports("src/domain/imports-server.ts")).toEqual([
      '1: import { db } from "@/server/db";',
      '2: import { MyAttempts } from "@/components/assess/my-attempts";',
    ]);
  });

  it("keep src/domain free of server modules reached by a relative path", async () => {
    expect(await restrictedImports("src/domain/engine/imports-server-relatively.ts")).toEqual([
      '1: import { db } from "../../server/db";',
    ]);
  });

  it("keep src/domain free of node modules that do I/O", async () => {
    expect(await restrictedImports("src/domain/does-io.ts")).toEqual([
      '1: import fs from "node:fs";',
      '2: import { readFile } from "fs/promises";',
      '3: import { execFile } from "node:child_process";',
    ]);
  });

  it("let src/domain compute with node:path, node:crypto and zod", async () => {
    expect(await restrictedImports("src/domain/computes.ts")).toEqual([]);
  });

  it("keep server values out of components, by alias and by relative path", async () => {
    expect(await restrictedImports("src/components/imports-server-values.tsx")).toEqual([
      '1: import { db } from "@/server/db";',
      '2: import { listMyAttempts } from "../server/assessment/history";',
    ]);
  });

  it("let components name server types", async () => {
    expect(await restrictedImports("src/components/imports-server-types.tsx")).toEqual([]);
  });

  it("keep UI out of src/server", async () => {
    expect(await restrictedImports("src/server/imports-component.ts")).toEqual([
      '1: import { MyAttempts } from "../components/assess/my-attempts";',
    ]);
  });
});
