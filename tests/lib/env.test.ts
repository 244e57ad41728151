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

describe("WEB_CONCURRENCY", () => {
  const workers = (WEB_CONCURRENCY?: string) =>
    readEnv({ NODE_ENV: "test", WEB_CONCURRENCY }).WEB_CONCURRENCY;

  it("is one worker unless set", () => {
    expect(workers()).toBe(1);
    expect(workers("")).toBe(1);
  });

  it("takes a whole number from 1 to 32", () => {
    expect(workers("1")).toBe(1);
    expect(workers(" 4 ")).toBe(4);
    expect(workers("32")).toBe(32);
  });

  it.each(["0", "-2", "33", "1.5", "two", "4 workers"])("refuses %j, saying what it wants", (value) => {
    expect(() => workers(value)).toThrow(
      /WEB_CONCURRENCY: must be a whole number of worker processes from 1 to 32/,
    );
  });
});

describe("ANSWER_COMMIT", () => {
  const commit = (ANSWER_COMMIT?: string) => readEnv({ NODE_ENV: "test", ANSWER_COMMIT }).ANSWER_COMMIT;

  it("is fast unless set to durable", () => {
    expect(commit()).toBe("fast");
    expect(commit("durable")).toBe("durable");
  });

  it.each(["", "off", "Durable", "sync"])("refuses %j, naming the two values", (value) => {
    expect(() => commit(value)).toThrow(/ANSWER_COMMIT: must be "fast" or "durable"/);
  });
});
