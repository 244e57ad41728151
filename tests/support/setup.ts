import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, inject, vi } from "vitest";
import { TEMPLATE_DB, TMP_DIR } from "./paths";
import { createDatabase, databaseExists, onPostgres, postgresUrl } from "./postgres";

// One database per worker, copied from the migrated template, chosen before src/env.ts is first
// imported (setup files run before the test file's imports): a file, or on PostgreSQL a database.
const worker = process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? "0";
const workerDb = path.join(TMP_DIR, `worker-${worker}.db`);
if (!fs.existsSync(workerDb)) fs.copyFileSync(TEMPLATE_DB, workerDb);
process.env.DATABASE_PATH = workerDb;
if (onPostgres) {
  const run = inject("postgresRun");
  const name = `${run}w${worker}`;
  process.env.DATABASE_URL = (await databaseExists(name))
    ? postgresUrl(name)
    : await createDatabase(name, `${run}template`);
} else {
  delete process.env.DATABASE_URL;
}
// Auth needs a secret and mail an outbox: both per worker, never the developer's data/.
process.env.DATA_DIR = path.join(TMP_DIR, `data-${worker}`);
process.env.AUTH_SECRET ??= "test-only-secret-0123456789abcdefghijklmnopqrstuvwxyz";

// A test fails on an unexpected console.error: an error the code logs but the test does not
// assert is a failure nobody would otherwise notice.
let errorSpy: { mock: { calls: unknown[][] }; mockRestore: () => void } | undefined;
beforeEach(() => {
  errorSpy = vi.spyOn(console, "error");
});
afterEach(() => {
  const calls = errorSpy?.mock.calls ?? [];
  errorSpy?.mockRestore();
  if (calls.length > 0)
    throw new Error(
      `Unexpected console.error: ${calls.map((call: unknown[]) => call.map(String).join(" ")).join("\n")}`,
    );
});
