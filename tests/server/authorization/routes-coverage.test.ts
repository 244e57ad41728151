import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROUTE_ROWS } from "../../support/authorization-routes";

/** Every page and every exported HTTP method of every route handler under src/app, as "METHOD /path". */
function discoverRoutes(): string[] {
  const app = path.resolve("src/app");
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      const route = `/${path
        .relative(app, dir)
        .split(path.sep)
        .filter((segment) => segment && !/^\(.*\)$/.test(segment))
        .join("/")}`;
      if (entry.name === "page.tsx") found.push(`GET ${route}`);
      if (entry.name === "route.ts") {
        for (const match of fs
          .readFileSync(full, "utf8")
          .matchAll(/export\s+(?:async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE)\b/g))
          found.push(`${match[1]} ${route}`);
      }
    }
  };
  walk(app);
  return found.sort();
}

describe("authorisation matrix for routes", () => {
  it("has exactly one row for every page and route handler method", () => {
    expect(ROUTE_ROWS.map((row) => row.route).sort()).toEqual(discoverRoutes());
  });
});
