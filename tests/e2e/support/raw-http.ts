import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { Readable } from "node:stream";

export const PORT = Number(process.env.E2E_PORT ?? 3100);
export const ORIGIN = `http://127.0.0.1:${PORT}`;

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** Body bytes the client had produced when the answer's headers arrived. */
  producedWhenAnswered: number;
}

/**
 * One HTTP request below Playwright's and fetch's conveniences: from a chosen loopback address
 * (127.0.0.x is a client of its own for per-address limits), with a body of `size` bytes produced
 * lazily and paced (so a test sees how much was sent before the answer), chunked or with Content-Length,
 * or with a Content-Length promising more than is ever sent (`stallAfter` bytes, then nothing).
 */
export function rawRequest(options: {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  size?: number;
  chunked?: boolean;
  stallAfter?: number;
  localAddress?: string;
  /** Another instance's port (default: the instance under test). */
  port?: number;
}): Promise<RawAnswer> {
  const fixed = options.body === undefined ? null : Buffer.from(options.body);
  const size = fixed ? fixed.length : (options.size ?? 0);
  let produced = 0;
  return new Promise((resolve, reject) => {
    const request = httpRequest({
      host: "127.0.0.1",
      port: options.port ?? PORT,
      path: options.path,
      method: options.method ?? "POST",
      localAddress: options.localAddress,
      headers: { ...(options.chunked ? {} : { "content-length": String(size) }), ...options.headers },
    });
    let answered = false;
    request.on("response", (response) => {
      answered = true;
      const producedWhenAnswered = produced;
      let text = "";
      response.on("data", (data: Buffer) => (text += data.toString()));
      response.on("end", () => {
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: text,
          producedWhenAnswered,
        });
        request.destroy();
      });
    });
    // The server may close the connection while we are still sending: that is what some tests want.
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (!answered || !["EPIPE", "ECONNRESET"].includes(error.code ?? "")) reject(error);
    });
    if (options.stallAfter !== undefined) {
      request.write(Buffer.alloc(options.stallAfter, " "));
      produced = options.stallAfter;
      return; // never ends: only an answer that does not wait for the body resolves this
    }
    if (fixed) {
      produced = size;
      request.end(fixed);
      return;
    }
    const piece = Buffer.alloc(64 * 1024, "a");
    // Paced like a real upload (a short pause every 256 KB), so whether the answer came before the
    // body was sent does not hinge on how much loopback's socket buffers swallow at once; once an
    // answer is in, nothing more is produced.
    Readable.from(
      (async function* () {
        while (produced < size && !answered) {
          const next = piece.subarray(0, Math.min(piece.length, size - produced));
          produced += next.length;
          yield next;
          if (produced % (256 * 1024) === 0) await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })(),
    )
      .on("error", () => undefined)
      .pipe(request);
  });
}
