import type { NextConfig } from "next";
import { ROSTER_IMPORT_BODY_LIMIT } from "./src/lib/request-limits";
import { API_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS } from "./src/lib/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // better-sqlite3 is a native addon: keep it out of the bundle; pg (PostgreSQL, decision 011)
  // loads its optional native binding dynamically, so it and its adapter stay outside too.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  experimental: {
    // Next's limit is one for every server action: the largest any form needs (the cohort roster
    // import). scripts/server.ts holds every other form to a smaller one (src/lib/request-limits.ts).
    serverActions: { bodySizeLimit: ROSTER_IMPORT_BODY_LIMIT },
  },
  async headers() {
    return [
      {
        source: "/:path*",
        // The Content-Security-Policy is set per request with a nonce (src/proxy.ts).
        headers: [...STATIC_SECURITY_HEADERS],
      },
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }],
      },
    ];
  },
};

export default nextConfig;
