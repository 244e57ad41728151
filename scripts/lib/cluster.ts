import cluster, { type Worker } from "node:cluster";
import { logEvent } from "../../src/server/log";

/**
 * WEB_CONCURRENCY > 1: the process scripts/server.ts starts as becomes a supervisor. It forks that
 * many workers (node:cluster), each running scripts/server.ts again to prepare Next.js and serve;
 * they share the port (the primary holds the listening socket and hands connections out). Nothing
 * they must agree on lives in a worker's memory: sessions, rate-limit counters, the mail queue and
 * attempts are in the database. The supervisor
 * - restarts a worker that exits while it is not stopping, logging why, after a delay that doubles
 *   (1 s up to 30 s) while workers keep dying soon after they start, so a crash on startup is not
 *   a tight loop;
 * - on SIGINT or SIGTERM forwards the signal to every worker (each closes its server) and exits
 *   once all have stopped (0, or 1 when one had to be killed after `stopTimeoutMs`).
 */
export const RESTART_MIN_MS = 1000;
export const RESTART_MAX_MS = 30_000;
/** A worker that ran this long before exiting counts as healthy: the next restart waits the minimum. */
export const HEALTHY_AFTER_MS = 60_000;

/** How long to wait before replacing a worker that exited after `livedMs`, given the last wait. */
export function restartDelay(previousDelayMs: number, livedMs: number): number {
  if (livedMs >= HEALTHY_AFTER_MS || previousDelayMs <= 0) return RESTART_MIN_MS;
  return Math.min(RESTART_MAX_MS, previousDelayMs * 2);
}

export interface SuperviseOptions {
  /** The script workers run (default: the primary's own, i.e. scripts/server.ts). */
  exec?: string;
  /** After a stop signal, how long workers get to close before they are killed. */
  stopTimeoutMs?: number;
}

/** Runs the supervisor; the promise never settles (the process exits when its workers have stopped). */
export function superviseWorkers(count: number, options: SuperviseOptions = {}): Promise<never> {
  if (options.exec) cluster.setupPrimary({ exec: options.exec });
  const startedAt = new Map<Worker, number>();
  const pendingRestarts = new Set<NodeJS.Timeout>();
  let delayMs = 0;
  let stopping = false;
  let forced = false;

  const fork = () => startedAt.set(cluster.fork(), Date.now());
  cluster.on("exit", (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? Date.now());
    startedAt.delete(worker);
    if (stopping) {
      if (startedAt.size === 0) process.exit(forced ? 1 : 0);
      return;
    }
    delayMs = restartDelay(delayMs, lived);
    logEvent("error", "worker.exited", {
      pid: worker.process.pid,
      code,
      signal,
      livedMs: lived,
      restartInMs: delayMs,
    });
    const timer = setTimeout(() => {
      pendingRestarts.delete(timer);
      if (!stopping) fork();
    }, delayMs);
    pendingRestarts.add(timer);
  });

  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      for (const timer of pendingRestarts) clearTimeout(timer);
      if (startedAt.size === 0) process.exit(0);
      for (const worker of startedAt.keys()) worker.process.kill(signal);
      setTimeout(() => {
        forced = true;
        for (const worker of startedAt.keys()) worker.process.kill("SIGKILL");
      }, options.stopTimeoutMs ?? 10_000).unref();
    });

  for (let index = 0; index < count; index++) fork();
  logEvent("info", "workers.started", { workers: count, primaryPid: process.pid });
  return new Promise<never>(() => {});
}
