import { hkdfSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * The auth secret signs session cookies. It is never committed: AUTH_SECRET when configured,
 * otherwise a random 256-bit value that the first `npm start` writes to DATA_DIR/auth-secret
 * (mode 600) and every later start reuses.
 */
export const SECRET_FILE = "auth-secret";

export function secretPath(dataDir: string): string {
  return path.join(dataDir, SECRET_FILE);
}

/**
 * Secrets read from files, per process and absolute path. The file is written before the server
 * starts (`npm start` runs ensureAuthSecret before any worker serves) and only replaced by deleting
 * it and restarting, so the first good read stands for the process's lifetime: option codes and
 * rate-limit keys, which ask for the secret several times per request, no longer read the disk
 * each time. A missing or short file is not remembered (the next call reads again), and
 * ensureAuthSecret forgets the path when it writes a new secret there.
 */
const readSecrets = new Map<string, string>();

/** Creates the secret file when missing; returns whether it wrote one. */
export function ensureAuthSecret(dataDir: string): boolean {
  const file = secretPath(dataDir);
  if (fs.existsSync(file)) {
    fs.chmodSync(file, 0o600);
    return false;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  // "wx": never overwrite a secret another process wrote a moment ago.
  try {
    fs.writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return false;
  }
  readSecrets.delete(path.resolve(file));
  return true;
}

export function readAuthSecret(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = secretPath(dataDir);
  const key = path.resolve(file);
  const known = readSecrets.get(key);
  if (known) return known;
  if (!fs.existsSync(file))
    throw new Error(`No auth secret: set AUTH_SECRET or run npm start once to generate ${file}.`);
  const secret = fs.readFileSync(file, "utf8").trim();
  if (secret.length < 32)
    throw new Error(`${file} is shorter than 32 characters; delete it and restart to generate a new one.`);
  readSecrets.set(key, secret);
  return secret;
}

const derivedKeys = new Map<string, Buffer>();
/**
 * A 256-bit key of its own for `purpose` (HKDF-SHA-256 of `secret`), so a key the secret yields
 * for option codes or rate-limit counters never doubles as anything the secret itself signs.
 * Derived once per secret and purpose.
 */
export function derivedKey(secret: string, purpose: string): Buffer {
  const id = `${purpose}\0${secret}`;
  let key = derivedKeys.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "waypoint", purpose, 32));
    derivedKeys.set(id, key);
  }
  return key;
}
