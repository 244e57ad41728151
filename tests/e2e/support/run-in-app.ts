import { execFileSync } from "node:child_process";
import path from "node:path";

/**
 * Runs a support script inside the app's module graph (tsx with the react-server condition)
 * against the e2e instance's database and data directory, and returns its last stdout line.
 */
export function runInApp(script: string, args: readonly string[]): string {
  const output = execFileSync(
    "npx",
    ["tsx", "--conditions=react-server", path.join("tests/e2e/support", script), ...args],
    {
      encoding: "utf8",
      env: {
        ...process.env,
        DATABASE_PATH: "tests/.tmp/e2e/waypoint.db",
        DATA_DIR: "tests/.tmp/e2e/data",
        NODE_ENV: "test",
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return output.trim().split("\n").at(-1) ?? "";
}
