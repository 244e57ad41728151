import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/security-headers";

/**
 * Runs before every page and route: a fresh CSP nonce per request. Next.js reads the nonce from
 * the request's Content-Security-Policy header and stamps it on the scripts it renders.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Static assets and the JSON API carry no HTML, so they need no nonce; the API gets a static
  // script-free policy from next.config.ts instead (and skips this hop on the quiz's hot path).
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/).*)" }],
};
