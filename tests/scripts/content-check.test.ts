import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildValidContentFiles, overlay } from "../factories/content-files";
import { readFixtureFiles } from "../support/fixtures";
import { TMP_DIR } from "../support/paths";

function writeTree(name: string, fixture?: string): string {
  const root = path.join(TMP_DIR, `content-check-${name}-${process.pid}`);
  const files = fixture
    ? overlay(buildValidContentFiles(), readFixtureFiles(fixture))
    : buildValidContentFiles();
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(root, file.path)), { recursive: true });
    fs.writeFileSync(path.join(root, file.path), file.text);
  }
  return root;
}

function contentCheck(dir: string) {
  return spawnSync(
    "node_modules/.bin/tsx",
    ["--conditions=react-server", "scripts/content-check.ts", "--dir", dir],
    { encoding: "utf8" },
  );
}

describe("npm run content:check", () => {
  it("exits 0 with a one-line summary on valid content", () => {
    const run = contentCheck(writeTree("valid"));
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Content OK: 1 roles, 8 skills, 64 questions, 8 modules\./);
  });

  it("exits 1 and names every problem with file and line", () => {
    const dir = writeTree("broken", "bad-front-matter");
    const run = contentCheck(dir);
    expect(run.status).toBe(1);
    const shown = path.relative(process.cwd(), dir);
    expect(run.stderr).toContain("Content has 7 problems in 3 files:");
    expect(run.stderr).toContain(
      `${shown}/roles/test-role.md:9  requires[2].level: must be a whole number from 1 to 4`,
    );
    expect(run.stderr).toContain(`${shown}/skills/golf.md:5  prerequisite: unknown field`);
    expect(run.stderr).toContain(`${shown}/modules/hotel-intro.md:8  url: must be an https:// address`);
  });

  it("exits 1 when the folder does not exist", () => {
    const run = contentCheck(path.join(TMP_DIR, "no-such-folder"));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("content folder not found");
  });
});

describe("server start-up", () => {
  it("refuses to start on invalid content, printing the same report", () => {
    const dir = writeTree("startup-broken", "cycle");
    const run = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/prepare.ts"], {
      encoding: "utf8",
      env: {
        ...process.env,
        CONTENT_DIR: dir,
        DATABASE_PATH: path.join(TMP_DIR, `startup-${process.pid}.db`),
      },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("prerequisite cycle: alpha → charlie → bravo → alpha");
    expect(run.stderr).toContain("Waypoint will not start on invalid content");
    expect(fs.existsSync(path.join(TMP_DIR, `startup-${process.pid}.db`))).toBe(false);
  });
});
