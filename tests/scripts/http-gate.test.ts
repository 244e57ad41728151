import { once } from "node:events";
import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admitRequest, STRICT_TRANSPORT_SECURITY } from "../../scripts/lib/http-gate";
import { API_BODY_LIMIT, FORM_BODY_LIMIT, ROSTER_IMPORT_BODY_LIMIT } from "@/lib/request-limits";

/**
 * The gate scripts/server.ts runs before Next.js, over real HTTP: a stand-in for Next's handler
 * reports what reached it (method, path, the body it could read).
 */
type Reached = { path: string; bytes: number };

async function startGate(appUrl: string): Promise<{ server: Server; port: number; reached: Reached[] }> {
  const reached: Reached[] = [];
  const server = createServer((request, response) => {
    void admitRequest(request, response, { appUrl }).then(async (admitted) => {
      if (!admitted) return;
      let bytes = 0;
      for await (const chunk of request) bytes += (chunk as Buffer).length;
      reached.push({ path: request.url ?? "", bytes });
      response.end(JSON.stringify({ bytes }));
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { server, port: (server.address() as AddressInfo).port, reached };
}

interface Sent {
  status: number;
  headers: IncomingMessage["headers"];
  body: string;
  /** How many body bytes the client had produced when the answer's headers arrived. */
  producedWhenAnswered: number;
}

/** Sends a body from a lazy generator (so we see how much of it was pulled before the answer). */
function send(
  port: number,
  options: {
    path: string;
    method?: string;
    headers?: Record<string, string>;
    size?: number;
    chunked?: boolean;
  },
): Promise<Sent> {
  const size = options.size ?? 0;
  let produced = 0;
  const chunk = Buffer.alloc(64 * 1024, "a");
  const body = Readable.from(
    (function* () {
      while (produced < size) {
        const piece = chunk.subarray(0, Math.min(chunk.length, size - produced));
        produced += piece.length;
        yield piece;
      }
    })(),
  );
  return new Promise((resolve, reject) => {
    const request = httpRequest({
      host: "127.0.0.1",
      port,
      path: options.path,
      method: options.method ?? "POST",
      headers: {
        ...(options.chunked || !size ? {} : { "content-length": String(size) }),
        ...options.headers,
      },
    });
    request.on("response", (response) => {
      const producedWhenAnswered = produced;
      let text = "";
      response.on("data", (data: Buffer) => (text += data.toString()));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: text,
          producedWhenAnswered,
        }),
      );
      response.on("error", reject);
    });
    // The server may close the connection while we are still sending: that is the point.
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
    });
    if (size) body.pipe(request);
    else request.end();
  });
}

const ORIGIN = (port: number) => ({ origin: `http://127.0.0.1:${port}` });
const MiB = 1024 * 1024;

describe("the request gate in front of Next.js", () => {
  let gate: Awaited<ReturnType<typeof startGate>>;
  beforeAll(async () => {
    gate = await startGate("http://localhost:3000");
  });
  afterAll(() => gate.server.close());

  it("refuses a 30 MiB JSON body with 413 on its Content-Length, without reading it", async () => {
    const answer = await send(gate.port, {
      path: "/api/attempts/x/answers",
      headers: { "content-type": "application/json" },
      size: 30 * MiB,
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: "The request body is larger than 16 KB." });
    expect(answer.producedWhenAnswered).toBeLessThan(30 * MiB);
    expect(gate.reached.some((entry) => entry.path === "/api/attempts/x/answers")).toBe(false);
  });

  it("refuses a chunked API body as soon as it passes 16 KB, and lets a small one through whole", async () => {
    const over = await send(gate.port, { path: "/api/account/sign-in", size: 30 * MiB, chunked: true });
    expect(over.status).toBe(413);
    expect(over.producedWhenAnswered).toBeLessThan(30 * MiB);
    expect(gate.reached.some((entry) => entry.path === "/api/account/sign-in")).toBe(false);

    const small = await send(gate.port, {
      path: "/api/account/profile",
      size: API_BODY_LIMIT,
      chunked: true,
    });
    expect(small.status).toBe(200);
    expect(JSON.parse(small.body)).toEqual({ bytes: API_BODY_LIMIT });
    const empty = await send(gate.port, {
      path: "/api/share",
      size: 0,
      chunked: true,
      method: "PUT",
      headers: { "transfer-encoding": "chunked" },
    });
    expect(JSON.parse(empty.body)).toEqual({ bytes: 0 });
  });

  it("holds forms to 64 KB, and the cohort page (roster import) to 1 MB", async () => {
    const form = {
      ...ORIGIN(gate.port),
      "next-action": "abc123",
      "content-type": "multipart/form-data; boundary=x",
    };
    expect(
      (await send(gate.port, { path: "/teams/t1", headers: form, size: FORM_BODY_LIMIT + 1 })).status,
    ).toBe(413);
    expect(
      (await send(gate.port, { path: "/teams/t1", headers: form, size: FORM_BODY_LIMIT + 1, chunked: true }))
        .status,
    ).toBe(413);
    expect((await send(gate.port, { path: "/teams/t1", headers: form, size: FORM_BODY_LIMIT })).status).toBe(
      200,
    );
    expect((await send(gate.port, { path: "/cohorts/c1", headers: form, size: 300 * 1024 })).status).toBe(
      200,
    );
    expect(
      (await send(gate.port, { path: "/cohorts/c1", headers: form, size: ROSTER_IMPORT_BODY_LIMIT + 1 }))
        .status,
    ).toBe(413);
    // A cohort invitation is not the roster page.
    expect(
      (await send(gate.port, { path: "/cohorts/join/tok", headers: form, size: 100 * 1024 })).status,
    ).toBe(413);
  });

  it("refuses a POST to a page (a server action) without an Origin or from another origin", async () => {
    const action = { "next-action": "abc123", "content-type": "text/plain;charset=UTF-8" };
    const missing = await send(gate.port, { path: "/teams", headers: action, size: 10 });
    expect(missing.status).toBe(403);
    expect(JSON.parse(missing.body).error).toMatch(/origin/i);
    const foreign = await send(gate.port, {
      path: "/teams",
      headers: { ...action, origin: "https://evil.example" },
      size: 10,
    });
    expect(foreign.status).toBe(403);
    // Without JavaScript a form posts multipart with no Next-Action header: the same rule.
    const plain = await send(gate.port, {
      path: "/teams",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      size: 10,
    });
    expect(plain.status).toBe(403);
    const same = await send(gate.port, {
      path: "/teams",
      headers: { ...action, ...ORIGIN(gate.port) },
      size: 10,
    });
    expect(same.status).toBe(200);
    // GETs and the JSON API (which checks Origin itself) are not its business.
    expect((await send(gate.port, { path: "/teams", method: "GET" })).status).toBe(200);
  });

  it("sends no HSTS when the instance is served over http", async () => {
    const answer = await send(gate.port, { path: "/", method: "GET" });
    expect(answer.headers["strict-transport-security"]).toBeUndefined();
  });
});

describe("the request gate of an https instance", () => {
  it("sends Strict-Transport-Security on every answer, refusals included", async () => {
    const gate = await startGate("https://waypoint.example");
    try {
      const page = await send(gate.port, { path: "/", method: "GET" });
      expect(page.headers["strict-transport-security"]).toBe(STRICT_TRANSPORT_SECURITY);
      const refused = await send(gate.port, { path: "/api/share", size: 20 * 1024 });
      expect(refused.status).toBe(413);
      expect(refused.headers["strict-transport-security"]).toBe(STRICT_TRANSPORT_SECURITY);
    } finally {
      gate.server.close();
    }
  });
});
