import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { isBuildCurrent, recordBuildFingerprint } from "./lib/build-fingerprint";
import { prepareInstance } from "./lib/prepare-instance";

/**
 * `npm start`: validate content, migrate the database, build when the sources changed since the
 * last build (and only then), and serve on PORT (3000 by default) through scripts/server.ts.
 */
process.env.NEXT_TELEMETRY_DISABLED = "1";
await prepareInstance();

const nextBin = path.resolve("node_modules/.bin/next");
if (isBuildCurrent()) {
  console.log("Build is up to date; starting.");
} else {
  console.log("Building (sources changed since the last build)…");
  const build = spawnSync(nextBin, ["build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  recordBuildFingerprint();
}

// Our server around Next's handler (client address from the socket, see scripts/server.ts).
// Without the react-server condition: Next sets up React's server/client split itself.
const server = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/server.ts"], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
