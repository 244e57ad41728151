import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_FLAGS } from "./scripts/lib/chromium";
import { E2E_ON_POSTGRES, e2eDatabaseUrl } from "./tests/e2e/support/postgres";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? "list" : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // Browsers send Origin on every POST; API calls made through Playwright's request context do the same.
    extraHTTPHeaders: { origin: `http://127.0.0.1:${PORT}` },
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromium,
          args: CHROMIUM_FLAGS,
        },
      },
    },
  ],
  // The real start path: validate content, migrate a fresh database (removed first: rate-limit
  // counters live in it), build if needed, then
  // Waypoint's own server (scripts/server.ts) around Next's handler.
  // With E2E_DB=postgres (npm run test:e2e:pg) the same server runs on a fresh PostgreSQL database.
  webServer: {
    command: E2E_ON_POSTGRES
      ? "node_modules/.bin/tsx tests/e2e/support/fresh-postgres-database.ts && npm start"
      : "node_modules/.bin/tsx tests/e2e/support/fresh-sqlite-database.ts && npm start",
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      DATABASE_PATH: "tests/.tmp/e2e/waypoint.db",
      // Auth secret and mail outbox of the test instance (the outbox is where reset links land).
      DATA_DIR: "tests/.tmp/e2e/data",
      APP_URL: `http://127.0.0.1:${PORT}`,
      // Every log line also lands here, where the security-log test reads it.
      LOG_FILE: "tests/.tmp/e2e/server.log",
      NEXT_TELEMETRY_DISABLED: "1",
      ...(E2E_ON_POSTGRES ? { DATABASE_URL: e2eDatabaseUrl(PORT) } : {}),
    },
  },
});
