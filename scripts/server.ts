import cluster from "node:cluster";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { readEnv } from "../src/env";
import { redactUrl } from "../src/lib/redact-url";
import { purgeAnonymousIn } from "../src/lib/retention";
import {
  CLIENT_ADDRESS_HEADER,
  PROXY_HEADERS,
  clientAddress,
  isTrusted,
  parseTrustedProxies,
} from "../src/lib/client-address";
import { logEvent } from "../src/server/log";
import { superviseWorkers } from "./lib/cluster";
import { admitRequest } from "./lib/http-gate";
import { createLoadShedder, readShedSettings } from "./lib/load-shed";

/**
 * Waypoint's HTTP server: Next.js's request handler behind a plain Node server that decides the
 * client address. `next start` passes a client-sent X-Forwarded-For through, which would let
 * anyone pick the address rate limits count against; here forwarding headers are honoured only
 * from a proxy named in TRUST_PROXY and dropped otherwise. Started by `npm start` (and `npm run
 * dev` with --dev); the end-to-end tests run against it. Before Next.js sees a request, the gate
 * (scripts/lib/http-gate.ts) refuses oversized bodies and origin-less form posts, and adds HSTS.
 * With WEB_CONCURRENCY > 1 (not with --dev) this process supervises that many workers, each
 * running this file to serve on the one port (scripts/lib/cluster.ts); the supervisor alone runs
 * the daily purge.
 */
const isDevelopment = process.argv.includes("--dev");
// Dual-stack by default (IPv4 and IPv6 clients); HOST narrows it, e.g. HOST=127.0.0.1.
const hostname = process.env.HOST ?? "::";
const env = readEnv();
const trusted = parseTrustedProxies(env.TRUST_PROXY);
const DAY_MS = 24 * 60 * 60 * 1000;

/** Daily while running (npm start also purges before serving): unclaimed anonymous work past retention. */
function purgeDaily(): void {
  purgeAnonymousIn(env, env.ANONYMOUS_RETENTION_DAYS).then(
    (purged) => logEvent("info", "retention.purged", purged),
    (error: unknown) => logEvent("error", "retention.failed", { error: String(error) }),
  );
}

function firstHeader(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

export function assignClientAddress(request: IncomingMessage): void {
  const peer = request.socket.remoteAddress ?? "";
  const address = clientAddress(peer, firstHeader(request, "x-forwarded-for"), trusted);
  if (!isTrusted(peer, trusted)) for (const name of PROXY_HEADERS) delete request.headers[name];
  request.headers[CLIENT_ADDRESS_HEADER] = address;
}

const port = env.PORT;
const app = next({ dev: isDevelopment, dir: process.cwd(), hostname: "localhost", port });
const handle = app.getRequestHandler();
// The quiz API past this process's capacity is refused with 503 + Retry-After (scripts/lib/load-shed.ts).
const shedder = createLoadShedder(readShedSettings());

const supervising = cluster.isPrimary && !isDevelopment && env.WEB_CONCURRENCY > 1;
if (supervising) setInterval(purgeDaily, DAY_MS).unref();
// The supervisor never serves: its promise never settles, each worker prepares Next.js itself.
(supervising ? superviseWorkers(env.WEB_CONCURRENCY) : app.prepare()).then(() => {
  const fail = (request: IncomingMessage, response: ServerResponse) => (error: unknown) => {
    // Logged paths never carry invitation, share, reset or verification tokens.
    logEvent("error", "request.failed", { url: redactUrl(request.url), error: String(error) });
    if (!response.headersSent) {
      response.statusCode = 500;
      response.end("Internal server error");
    }
  };
  const server = createServer((request, response) => {
    assignClientAddress(request);
    admitRequest(request, response, { appUrl: env.APP_URL })
      .then((admitted) =>
        admitted ? shedder.handle(request, response, () => handle(request, response)) : undefined,
      )
      .catch(fail(request, response));
  });
  server.on("error", (error: NodeJS.ErrnoException) => {
    // A machine without IPv6 cannot bind "::": fall back to every IPv4 address.
    if (
      hostname === "::" &&
      !process.env.HOST &&
      (error.code === "EAFNOSUPPORT" || error.code === "EADDRNOTAVAIL")
    )
      server.listen(port, "0.0.0.0");
    else throw error;
  });
  server.on("listening", () =>
    console.log(
      `Waypoint listening on http://localhost:${port}${trusted.size ? ` (trusting proxies: ${[...trusted].join(", ")})` : ""}`,
    ),
  );
  server.listen(port, hostname);
  if (cluster.isPrimary) setInterval(purgeDaily, DAY_MS).unref();
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => server.close(() => process.exit(0)));
});
