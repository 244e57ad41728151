import { describe, expect, it } from "vitest";
import { readEnv } from "@/env";

const withUrl = (DATABASE_URL?: string) => readEnv({ NODE_ENV: "test", DATABASE_URL });

describe("DATABASE_URL", () => {
  it("selects PostgreSQL with a postgresql:// or postgres:// URL", () => {
    const url = "postgresql://waypoint:secret@127.0.0.1:5432/waypoint";
    expect(withUrl(url).DATABASE_URL).toBe(url);
    expect(withUrl("postgres://db.internal/waypoint").DATABASE_URL).toBe("postgres://db.internal/waypoint");
  });

  it("leaves SQLite the default when unset or empty", () => {
    expect(withUrl().DATABASE_URL).toBeUndefined();
    expect(withUrl("").DATABASE_URL).toBeUndefined();
  });

  it("refuses any other kind of URL, saying what it wants", () => {
    expect(() => withUrl("mysql://db/waypoint")).toThrow(/DATABASE_URL: must be a postgresql:\/\/ URL/);
    expect(() => withUrl("file:data/waypoint.db")).toThrow(/DATABASE_URL/);
  });
});
