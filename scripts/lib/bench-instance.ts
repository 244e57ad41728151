import { spawn } from "node:child_process";

/**
 * A Waypoint instance for a benchmark: `npm start` (which builds when needed) on `port` with the
 * given environment, in its own process group so stopping it stops Next (and any workers) too.
 * It is stopped when the benchmark exits; the tail of its output is kept for the error when it
 * never becomes healthy.
 */
export function startBenchInstance(port: number, env: Record<string, string>) {
  const host = "127.0.0.1";
  const base = `http://${host}:${port}`;
  const server = spawn("npm", ["start"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: host,
      APP_URL: base,
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  // Under load the server logs a line per refused request: keep the tail only.
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000));
  server.stdout.on("data", keep);
  server.stderr.on("data", keep);
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  let running = true;
  void exited.then(() => (running = false));
  const kill = () => {
    try {
      if (server.pid) process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.on("exit", kill);

  /** Stops the instance and resolves once `npm start` has exited. */
  async function stop() {
    kill();
    await exited;
    process.off("exit", kill);
  }

  async function waitForHealth() {
    const deadline = Date.now() + 600_000;
    while (Date.now() < deadline && running) {
      try {
        if ((await fetch(`${base}/api/health`)).ok) return;
      } catch {
        // not up yet
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    throw new Error(`the instance on port ${port} did not become healthy:\n${log.slice(-2000)}`);
  }

  return { base, stop, waitForHealth, log: () => log };
}

export type BenchInstance = ReturnType<typeof startBenchInstance>;
