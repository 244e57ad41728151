import { spawn } from "node:child_process";
import http from "node:http";
import { describe, expect, it } from "vitest";
import { HEALTHY_AFTER_MS, RESTART_MAX_MS, RESTART_MIN_MS, restartDelay } from "../../scripts/lib/cluster";

describe("restarting a worker that died", () => {
  it("waits a second, doubling while workers keep dying soon after they start, up to 30 s", () => {
    expect(restartDelay(0, 5)).toBe(RESTART_MIN_MS);
    const waits = [RESTART_MIN_MS];
    for (let crash = 0; crash < 6; crash++) waits.push(restartDelay(waits.at(-1) as number, 200));
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, RESTART_MAX_MS]);
  });

  it("starts again from a second once a worker ran long enough to count as healthy", () => {
    expect(restartDelay(16_000, HEALTHY_AFTER_MS)).toBe(RESTART_MIN_MS);
  });
});

/** GET on a fresh connection (no keep-alive), so each request may reach another worker. */
function get(port: number, path = "/"): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path, agent: false }, (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => resolve(body));
      })
      .on("error", reject);
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("the worker supervisor (WEB_CONCURRENCY)", () => {
  it("serves one port from several workers, replaces one that dies, and stops them all on SIGTERM", async () => {
    const primary = spawn("node_modules/.bin/tsx", ["tests/support/cluster-primary.ts", "2"], {
      env: { ...process.env, PORT: "0" },
    });
    let stdout = "";
    let stderr = "";
    primary.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    primary.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => primary.on("exit", (code) => resolve(code)));
    const listening = () => [...stdout.matchAll(/^listening (\d+) (\d+)$/gm)];
    const until = async (condition: () => boolean, what: string) => {
      for (let waited = 0; !condition(); waited += 50) {
        if (waited > 30_000) throw new Error(`timed out waiting for ${what}\n${stdout}\n${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    try {
      await until(() => listening().length >= 2, "two workers");
      const ports = new Set(listening().map((match) => match[1]));
      expect(ports.size).toBe(1); // one port, shared
      const port = Number([...ports][0]);
      const workerPids = listening().map((match) => Number(match[2]));
      expect(new Set(workerPids).size).toBe(2);
      const answered = new Set<string>();
      for (let request = 0; request < 20 && answered.size < 2; request++) answered.add(await get(port));
      expect([...answered].sort()).toEqual(workerPids.map(String).sort());

      const died = Number(await get(port, "/die"));
      await until(() => stderr.includes('"event":"worker.exited"'), "the exit to be logged");
      const logged = JSON.parse(stderr.split("\n").find((line) => line.includes("worker.exited")) ?? "{}");
      expect(logged).toMatchObject({ level: "error", pid: died, code: 3, restartInMs: RESTART_MIN_MS });
      // The other worker serves meanwhile; a replacement joins after the delay.
      expect(Number(await get(port))).not.toBe(died);
      await until(() => listening().length >= 3, "a replacement worker");
      const replacement = Number(listening()[2]?.[2]);
      expect(workerPids).not.toContain(replacement);

      primary.kill("SIGTERM");
      expect(await exited).toBe(0);
      const survivors = [...workerPids, replacement].filter(alive);
      expect(survivors).toEqual([]);
      expect(stderr.match(/worker\.exited/g)).toHaveLength(1); // no restart while stopping
    } finally {
      primary.kill("SIGKILL");
    }
  }, 60_000);
});
