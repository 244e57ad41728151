import type { IncomingMessage, ServerResponse } from "node:http";
import { requestsInHand } from "../../src/lib/requests-in-hand";
import { refuse } from "./http-gate";

/**
 * Load shedding for the quiz's JSON API, per process (scripts/server.ts). Past what a process can
 * finish, more concurrent requests only make every answer slower until clients time out. So at
 * most `maxInFlight` of these requests run at once; the rest wait in a first-in, first-out queue of
 * at most `maxQueue`, each for at most `maxWaitMs`. A request that finds the queue full, or whose
 * wait runs out, is refused with 503, a Retry-After and a JSON message — before Next.js (or the
 * route) has read its body, so a refused answer is never stored and the client may send it again
 * (answers are idempotent). Pages and everything else pass straight through.
 *
 * Settings from the environment (README, "Under overload"): WAYPOINT_MAX_IN_FLIGHT (default 8),
 * WAYPOINT_QUEUE_DEPTH (default 2000), WAYPOINT_QUEUE_WAIT_MS (default 10000); Retry-After is the
 * longest wait in whole seconds.
 */
export interface ShedSettings {
  maxInFlight: number;
  maxQueue: number;
  maxWaitMs: number;
}

export const SHED_DEFAULTS: ShedSettings = { maxInFlight: 8, maxQueue: 2000, maxWaitMs: 10_000 };

const SETTING_NAMES = {
  maxInFlight: "WAYPOINT_MAX_IN_FLIGHT",
  maxQueue: "WAYPOINT_QUEUE_DEPTH",
  maxWaitMs: "WAYPOINT_QUEUE_WAIT_MS",
} as const satisfies Record<keyof ShedSettings, string>;

/** The settings from `environment`; an invalid value is an error naming the variable. */
export function readShedSettings(
  environment: Readonly<Record<string, string | undefined>> = process.env,
): ShedSettings {
  const settings = { ...SHED_DEFAULTS };
  for (const [key, name] of Object.entries(SETTING_NAMES) as [keyof ShedSettings, string][]) {
    const text = environment[name];
    if (text === undefined || text === "") continue;
    const value = Number(text);
    const least = key === "maxInFlight" ? 1 : 0;
    if (!Number.isInteger(value) || value < least)
      throw new Error(`${name} must be a whole number of at least ${least} (got "${text}").`);
    settings[key] = value;
  }
  return settings;
}

/** The quiz's JSON API: starting an attempt, its question, its answers. */
export function isShedPath(path: string): boolean {
  return /^\/api\/attempts(?:\/[^/]+\/(?:answers|question))?\/?$/.test(path);
}

const OVERLOADED = "The server is busy; nothing was saved. Please send this again in a few seconds.";

export function createLoadShedder(settings: ShedSettings) {
  let inFlight = 0;
  const queue: (() => void)[] = [];
  const retryAfter = String(Math.max(1, Math.ceil(settings.maxWaitMs / 1000)));

  const overloaded = (request: IncomingMessage, response: ServerResponse, reason: string): Promise<void> => {
    refuse(
      request,
      response,
      503,
      OVERLOADED,
      "request.shed",
      { reason, inFlight, queued: queue.length },
      { "Retry-After": retryAfter },
    );
    return Promise.resolve();
  };

  function start(response: ServerResponse, work: () => Promise<void>): Promise<void> {
    inFlight++;
    let released = false;
    response.once("close", () => {
      if (released) return;
      released = true;
      inFlight--;
      queue.shift()?.();
    });
    return work();
  }

  /** Runs `work` now, after a wait in the queue, or never (then the request was refused with 503). */
  function run(request: IncomingMessage, response: ServerResponse, work: () => Promise<void>): Promise<void> {
    if (inFlight < settings.maxInFlight) return start(response, work);
    if (queue.length >= settings.maxQueue) return overloaded(request, response, "queue full");
    return new Promise<void>((resolve, reject) => {
      let waiting = true;
      const leave = () => {
        waiting = false;
        clearTimeout(timer);
        const at = queue.indexOf(next);
        if (at >= 0) queue.splice(at, 1);
      };
      const timer = setTimeout(() => {
        if (!waiting) return;
        leave();
        resolve(overloaded(request, response, "waited too long"));
      }, settings.maxWaitMs);
      const next = () => {
        if (!waiting) return;
        leave();
        start(response, work).then(resolve, reject);
      };
      // A client that gives up while waiting frees its place.
      response.once("close", () => {
        if (!waiting) return;
        leave();
        resolve();
      });
      queue.push(next);
    });
  }

  return {
    /** The quiz API goes through `run`; every other request straight to `work`. Counts requests in hand. */
    handle(request: IncomingMessage, response: ServerResponse, work: () => Promise<void>): Promise<void> {
      requestsInHand.count++;
      response.once("close", () => void requestsInHand.count--);
      const path = (request.url ?? "/").split("?")[0] as string;
      return isShedPath(path) ? run(request, response, work) : work();
    },
    /** Requests running and waiting now (tests, logs). */
    load: () => ({ inFlight, queued: queue.length }),
  };
}
