/**
 * The Content-Security-Policy of every page. Scripts run only with this request's nonce (Next.js
 * puts it on its own inline bootstrap and chunk scripts, read from the request's CSP header) and
 * whatever those scripts load ('strict-dynamic'); no 'unsafe-inline', no 'unsafe-eval' in
 * production. Styles keep 'unsafe-inline' (Tailwind and Next inject style attributes); style
 * injection cannot run code under this policy.
 */
export function contentSecurityPolicy(nonce: string, isDevelopment = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** Headers every response carries (next.config.ts); the CSP is added per request by src/proxy.ts. */
export const STATIC_SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** The JSON API renders no HTML: nothing may load or run in the context of its responses. */
export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
