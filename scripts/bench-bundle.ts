import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { isBuildCurrent, recordBuildFingerprint } from "./lib/build-fingerprint";

/**
 * npm run bench:bundle
 * First-load JavaScript per route: the gzip size (node:zlib, default level) of every chunk in the
 * route's `firstLoadChunkPaths` in .next/diagnostics/route-bundle-stats.json, summed. Builds first
 * when the sources changed since the last build (the same check as `npm start`). Prints JSON and
 * exits 1 when the quiz page, /assess/[attemptId], is over its budget.
 *
 * The budget is the quiz page's first load as measured before the readability work (phone layout,
 * phone menu): 141,843 bytes (138.5 KB, 1 KB = 1,024 bytes). The page must not grow past it; lower
 * it when the page shrinks, raise it only with a reason.
 */
const BUDGETED_ROUTE = "/assess/[attemptId]";
const BUDGET_BYTES = 141_843;
const BUDGET_KB = Math.round((BUDGET_BYTES / 1024) * 10) / 10;
const STATS_FILE = ".next/diagnostics/route-bundle-stats.json";

interface RouteStats {
  route: string;
  firstLoadChunkPaths: string[];
}

if (!isBuildCurrent() || !fs.existsSync(STATS_FILE)) {
  console.error("Building (sources changed since the last build)…");
  const build = spawnSync(path.resolve("node_modules/.bin/next"), ["build"], {
    // The build's own progress goes to stderr, so stdout stays one JSON document.
    stdio: ["ignore", 2, "inherit"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  recordBuildFingerprint();
}

const stats = JSON.parse(fs.readFileSync(STATS_FILE, "utf8")) as RouteStats[];
const gzipped = new Map<string, number>();
const gzipSize = (chunk: string) => {
  const known = gzipped.get(chunk);
  if (known !== undefined) return known;
  const size = gzipSync(fs.readFileSync(path.resolve(chunk))).length;
  gzipped.set(chunk, size);
  return size;
};

const routes = Object.fromEntries(
  [...stats]
    .sort((a, b) => a.route.localeCompare(b.route))
    .map((entry) => {
      const bytes = entry.firstLoadChunkPaths.reduce((sum, chunk) => sum + gzipSize(chunk), 0);
      return [
        entry.route,
        {
          chunks: entry.firstLoadChunkPaths.length,
          gzipBytes: bytes,
          gzipKB: Math.round(bytes / 102.4) / 10,
        },
      ];
    }),
);

const quiz = routes[BUDGETED_ROUTE];
if (!quiz) {
  console.error(`${STATS_FILE} lists no ${BUDGETED_ROUTE}`);
  process.exit(2);
}
const pass = quiz.gzipBytes <= BUDGET_BYTES;
console.log(
  JSON.stringify(
    {
      budget: { route: BUDGETED_ROUTE, gzipBytes: BUDGET_BYTES, gzipKB: BUDGET_KB, pass },
      routes,
    },
    null,
    2,
  ),
);
process.exit(pass ? 0 : 1);
