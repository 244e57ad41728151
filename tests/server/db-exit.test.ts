import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TMP_DIR } from "../support/paths";
import fs from "node:fs";

/**
 * Scripts (db:copy, the benchmark's child processes, seeds) end by `db.$disconnect()` and expect
 * the process to exit then. On PostgreSQL the pool keeps idle connections for minutes, so it must
 * be ended by the disconnect, and must not hold the process open on its own.
 */
describe("a process using the database", () => {
  it("exits as soon as its work is done, after a disconnect or without one", () => {
    const script = path.join(TMP_DIR, `db-exit-${process.pid}.ts`);
    fs.writeFileSync(
      script,
      `import { db } from "@/server/db";
       import { findOwnedAttemptWithAnswers } from "@/server/attempts";
       await db.$queryRaw\`SELECT 1\`;
       await findOwnedAttemptWithAnswers("missing", { userId: "nobody", tokenHash: null });
       if (process.argv[2] === "disconnect") await db.$disconnect();
       console.log("done");`,
    );
    for (const mode of ["disconnect", "forget"]) {
      // The pool keeps idle connections for 300 s: a process held open by them hits this timeout.
      const run = spawnSync(
        path.resolve("node_modules/.bin/tsx"),
        ["--conditions=react-server", "--tsconfig", "tsconfig.json", script, mode],
        { env: process.env, encoding: "utf8", timeout: 120_000 },
      );
      expect(run.error).toBeUndefined();
      expect({ mode, status: run.status, stdout: run.stdout.trim() }).toEqual({
        mode,
        status: 0,
        stdout: "done",
      });
    }
  }, 300_000);
});
