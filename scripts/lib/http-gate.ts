import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { CLIENT_ADDRESS_HEADER } from "../../src/lib/client-address";
import { redactUrl } from "../../src/lib/redact-url";
import { bodyLimitFor, describeBytes, isApiPath } from "../../src/lib/request-limits";
import { isSameOrigin } from "../../src/lib/same-origin";
import { logEvent } from "../../src/server/log";

/**
 * What scripts/server.ts checks before Next.js sees a request, so that nothing Next (or a route)
 * does can be reached around it:
 * - body size: a body over its limit (src/lib/request-limits.ts) is refused with 413 before
 *   anything reads it: by Content-Length at once, a chunked body as soon as its bytes pass the
 *   limit. The connection is closed instead of reading the rest.
 * - server actions: Next.js runs a server action on a POST to a page and lets it through when
 *   the Origin header is missing. A POST to any page must carry an Origin naming this host
 *   (browsers send one on every POST); the JSON API checks its own (src/server/json-api.ts).
 * - HSTS, when the instance is served over https (APP_URL).
 */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000";

export interface GateSettings {
  appUrl: string;
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function pathOf(target: string | undefined): string {
  const path = (target ?? "/").split("?")[0] as string;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Answers `status` with a JSON message and closes the connection without reading the body. */
export function refuse(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  message: string,
  event: string,
  context: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): false {
  logEvent("warn", event, {
    method: request.method,
    path: redactUrl(request.url),
    address: header(request, CLIENT_ADDRESS_HEADER),
    ...context,
  });
  // The rest of the body is not read: the connection closes after this answer (lingering briefly).
  lingerThenClose(request);
  response.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
    Connection: "close",
    ...headers,
  });
  response.end(JSON.stringify({ error: message }));
  return false;
}

/** How long a refused client may go on sending (discarded) before its connection is cut. */
const LINGER_MS = 2000;

/**
 * Closing a socket while the client is still sending makes the kernel answer with a reset, which
 * can destroy our answer before the client has read it. So instead of Node's immediate close
 * after a "Connection: close" answer, the write side is closed and whatever still arrives is
 * discarded, never kept, for a moment (as nginx's lingering close does); then the socket goes.
 */
function lingerThenClose(request: IncomingMessage): void {
  const socket = request.socket;
  socket.destroySoon = () => {
    socket.end();
    request.resume();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
}

const tooLarge = (limit: number) => `The request body is larger than ${describeBytes(limit)}.`;

/**
 * Reads a chunked body up to `limit` bytes, then hands Next.js the same bytes as the request's
 * body (the way Next.js itself replaces a body it has buffered). Over the limit: 413.
 */
function capStreamedBody(
  request: IncomingMessage,
  response: ServerResponse,
  limit: number,
): Promise<boolean> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("error", onGone);
      request.off("aborted", onGone);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      stop();
      request.pause();
      resolve(
        refuse(request, response, 413, tooLarge(limit), "request.too-large", { limit, streamed: true }),
      );
    };
    const onEnd = () => {
      stop();
      // Swap the body in once the spent stream has finished closing (it auto-destroys after "end").
      request.once("close", () => {
        const body = new Readable({ read() {} });
        body.push(Buffer.concat(chunks));
        body.push(null);
        for (const key in body) {
          const value = (body as unknown as Record<string, unknown>)[key];
          (request as unknown as Record<string, unknown>)[key] =
            typeof value === "function" ? value.bind(request) : value;
        }
        resolve(true);
      });
    };
    const onGone = () => {
      stop();
      resolve(false);
    };
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", onGone);
    request.on("aborted", onGone);
  });
}

/** Resolves true when the request may go on to Next.js; otherwise it has been answered already. */
export async function admitRequest(
  request: IncomingMessage,
  response: ServerResponse,
  settings: GateSettings,
): Promise<boolean> {
  if (settings.appUrl.startsWith("https://"))
    response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  const path = pathOf(request.url);
  if (
    request.method === "POST" &&
    !isApiPath(path) &&
    !isSameOrigin(header(request, "origin"), header(request, "host"))
  )
    return refuse(
      request,
      response,
      403,
      "Cross-origin or origin-less form posts are not allowed.",
      "csrf.refused",
      {
        origin: header(request, "origin") ?? "missing",
        serverAction: header(request, "next-action") !== undefined,
      },
    );
  const limit = bodyLimitFor(path);
  const declared = header(request, "content-length");
  if (declared !== undefined)
    return Number(declared) > limit
      ? refuse(request, response, 413, tooLarge(limit), "request.too-large", {
          limit,
          declared: Number(declared),
        })
      : true;
  // Neither Content-Length nor Transfer-Encoding: no body at all.
  if (header(request, "transfer-encoding") === undefined) return true;
  return capStreamedBody(request, response, limit);
}
