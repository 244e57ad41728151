import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ensureAuthSecret, readAuthSecret, secretPath } from "@/server/auth/secret";
import { TMP_DIR } from "../support/paths";

let dirs = 0;
const newDataDir = () => path.join(TMP_DIR, `auth-secret-${process.pid}-${dirs++}`);

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the instance's auth secret", () => {
  it("is read from disk once per process, not per call", () => {
    const dataDir = newDataDir();
    expect(ensureAuthSecret(dataDir)).toBe(true);
    const reads = vi.spyOn(fs, "readFileSync");
    const first = readAuthSecret(undefined, dataDir);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    for (let i = 0; i < 5; i++) expect(readAuthSecret(undefined, dataDir)).toBe(first);
    expect(reads.mock.calls.filter(([file]) => file === secretPath(dataDir))).toHaveLength(1);
  });

  it("is read afresh once ensureAuthSecret has written a new one (deleted and generated again)", () => {
    const dataDir = newDataDir();
    ensureAuthSecret(dataDir);
    const before = readAuthSecret(undefined, dataDir);
    fs.rmSync(secretPath(dataDir));
    expect(ensureAuthSecret(dataDir)).toBe(true);
    const after = readAuthSecret(undefined, dataDir);
    expect(after).not.toBe(before);
    expect(after).toBe(fs.readFileSync(secretPath(dataDir), "utf8").trim());
  });

  it("keeps failing clearly while the file is missing or short, and reads it once it is fixed", () => {
    const dataDir = newDataDir();
    expect(() => readAuthSecret(undefined, dataDir)).toThrow(/No auth secret: set AUTH_SECRET/);
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(secretPath(dataDir), "too-short\n");
    expect(() => readAuthSecret(undefined, dataDir)).toThrow(/shorter than 32 characters/);
    expect(() => readAuthSecret(undefined, dataDir)).toThrow(/shorter than 32 characters/);
    fs.rmSync(secretPath(dataDir));
    ensureAuthSecret(dataDir);
    expect(readAuthSecret(undefined, dataDir)).toBe(fs.readFileSync(secretPath(dataDir), "utf8").trim());
  });

  it("prefers AUTH_SECRET and then touches no file", () => {
    const reads = vi.spyOn(fs, "readFileSync");
    const configured = "configured-secret-0123456789abcdefghijkl";
    expect(readAuthSecret(configured, newDataDir())).toBe(configured);
    expect(reads).not.toHaveBeenCalled();
  });
});
