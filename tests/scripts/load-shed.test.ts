import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  createLoadShedder,
  isShedPath,
  readShedSettings,
  SHED_DEFAULTS,
  type ShedSettings,
} from "../../scripts/lib/load-shed";
import { requestsInHand } from "@/lib/requests-in-hand";

/**
 * The shedder scripts/server.ts puts in front of the quiz API, over real HTTP: a stand-in for
 * Next's handler holds each request until the test lets it go, and records what reached it (what
 * reaches the handler is what could be stored).
 */
interface Held {
  path: string;
  finish: () => void;
}

let server: Server | undefined;
afterEach(() => void server?.close());

async function startShedder(settings: ShedSettings) {
  const reached: Held[] = [];
  const arrivals: (() => void)[] = [];
  const shedder = createLoadShedder(settings);
  server = createServer((request, response) => {
    void shedder.handle(request, response, async () => {
      let body = "";
      for await (const chunk of request) body += String(chunk);
      await new Promise<void>((finish) => {
        reached.push({ path: `${request.url} ${body}`, finish });
        arrivals.shift()?.();
      });
      response.end("ok");
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = (path: string, body: string) =>
    fetch(`${base}${path}`, { method: "POST", body, headers: { "content-type": "application/json" } });
  /** Resolves once `count` requests have reached the handler. */
  const reachedCount = async (count: number) => {
    while (reached.length < count) await new Promise<void>((resolve) => arrivals.push(resolve));
  };
  return { shedder, reached, post, reachedCount };
}

describe("load shedding on the quiz API", () => {
  it("runs up to the limit, queues the next and refuses the rest with 503 + Retry-After before the handler", async () => {
    const { shedder, reached, post, reachedCount } = await startShedder({
      maxInFlight: 2,
      maxQueue: 1,
      maxWaitMs: 60_000,
    });
    const first = post("/api/attempts/a1/answers", "1");
    const second = post("/api/attempts/a2/answers", "2");
    await reachedCount(2);
    const queued = post("/api/attempts/a3/answers", "3");
    while (shedder.load().queued < 1) await new Promise((resolve) => setTimeout(resolve, 5));
    // Every request in hand counts, running or waiting (the look-ahead waits for none).
    expect(requestsInHand.count).toBe(3);
    const refused = await post("/api/attempts/a4/answers", "4");
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("60");
    expect(await refused.json()).toEqual({ error: expect.stringContaining("nothing was saved") });
    expect(reached.map((entry) => entry.path)).toEqual([
      "/api/attempts/a1/answers 1",
      "/api/attempts/a2/answers 2",
    ]);

    // A slot frees: the queued request runs, in order; the refused one never reached the handler.
    reached[0]?.finish();
    await reachedCount(3);
    expect(reached[2]?.path).toBe("/api/attempts/a3/answers 3");
    for (const entry of reached.slice(1)) entry.finish();
    expect((await Promise.all([first, second, queued])).map((response) => response.status)).toEqual([
      200, 200, 200,
    ]);
    expect(reached).toHaveLength(3);
    expect(shedder.load()).toEqual({ inFlight: 0, queued: 0 });
    expect(requestsInHand.count).toBe(0);
  });

  it("refuses a request whose wait in the queue runs out, and never runs it afterwards", async () => {
    const { shedder, reached, post, reachedCount } = await startShedder({
      maxInFlight: 1,
      maxQueue: 10,
      maxWaitMs: 50,
    });
    const held = post("/api/attempts/a1/answers", "1");
    await reachedCount(1);
    // The held request never finishes until released, so this one can only leave the queue by timing out.
    const waited = await post("/api/attempts/a2/answers", "2");
    expect(waited.status).toBe(503);
    expect(waited.headers.get("retry-after")).toBe("1");
    reached[0]?.finish();
    expect((await held).status).toBe(200);
    expect(reached).toHaveLength(1);
    expect(shedder.load()).toEqual({ inFlight: 0, queued: 0 });
  });

  it("lets pages and other routes through whatever the load", async () => {
    const { reached, post, reachedCount } = await startShedder({
      maxInFlight: 1,
      maxQueue: 0,
      maxWaitMs: 1000,
    });
    const held = post("/api/attempts", "{}");
    await reachedCount(1);
    const page = post("/quiz/a1", "x");
    await reachedCount(2);
    expect((await post("/api/attempts/a9/question", "")).status).toBe(503);
    for (const entry of reached) entry.finish();
    expect((await held).status).toBe(200);
    expect((await page).status).toBe(200);
  });

  it("covers the quiz API's paths only", () => {
    expect(["/api/attempts", "/api/attempts/x1/answers", "/api/attempts/x1/question"].every(isShedPath)).toBe(
      true,
    );
    expect(["/api/health", "/quiz/x1", "/api/attempts/x1/other", "/api/account"].some(isShedPath)).toBe(
      false,
    );
  });

  it("reads its settings from the environment and names a bad one", () => {
    expect(readShedSettings({})).toEqual(SHED_DEFAULTS);
    expect(
      readShedSettings({
        WAYPOINT_MAX_IN_FLIGHT: "4",
        WAYPOINT_QUEUE_DEPTH: "0",
        WAYPOINT_QUEUE_WAIT_MS: "2500",
      }),
    ).toEqual({ maxInFlight: 4, maxQueue: 0, maxWaitMs: 2500 });
    expect(() => readShedSettings({ WAYPOINT_MAX_IN_FLIGHT: "0" })).toThrow(
      'WAYPOINT_MAX_IN_FLIGHT must be a whole number of at least 1 (got "0").',
    );
    expect(() => readShedSettings({ WAYPOINT_QUEUE_WAIT_MS: "soon" })).toThrow(/WAYPOINT_QUEUE_WAIT_MS/);
  });
});
