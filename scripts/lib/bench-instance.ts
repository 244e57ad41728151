import { spawn } from "node:child_process";

/**
 * A Waypoint instance for a benchmark: `npm start` (which builds when needed) on `port` with the
 * given environment, in its own process group so stopping it stops Next too. It is stopped when
 * the benchmark exits; its output is kept for the error when it never becomes healthy.
 */
export function startBenchInstance(port: number, env: Record<string, string>) {
  const base = `http://127.0.0.1:${port}`;
  const server = spawn("npm", ["start"], {
    env: { ...process.env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1", ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  server.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
  server.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const stop = () => {
    try {
      if (server.pid) process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.on("exit", stop);

  async function waitForHealth() {
    const deadline = Date.now() + 600_000;
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) return;
      } catch {
        // not up yet
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`server did not become healthy:\n${log.slice(-2000)}`);
  }

  return { base, stop, waitForHealth, log: () => log };
}
