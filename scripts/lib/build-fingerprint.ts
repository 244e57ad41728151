import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Inputs of `next build`; content is read at run time, so it is not one of them. */
const BUILD_INPUTS = [
  "src",
  "public",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];
const FINGERPRINT_FILE = ".next/waypoint-build-fingerprint";

/** SHA-256 over the path and bytes of every build input, so `npm start` rebuilds only when needed. */
export function computeBuildFingerprint(root = process.cwd()): string {
  const hash = createHash("sha256");
  const visit = (relative: string) => {
    const full = path.join(root, relative);
    if (!fs.existsSync(full)) return;
    const stat = fs.statSync(full);
    if (stat.isDirectory()) {
      if (relative === path.join("src", "generated")) {
        // The generated Prisma client follows from the schema.
        hash.update(fs.readFileSync(path.join(root, "prisma/schema.prisma")));
        return;
      }
      for (const entry of fs.readdirSync(full).sort()) visit(path.join(relative, entry));
    } else {
      hash.update(relative).update("\0").update(fs.readFileSync(full)).update("\0");
    }
  };
  for (const input of BUILD_INPUTS) visit(input);
  return hash.digest("hex");
}

export function isBuildCurrent(root = process.cwd()): boolean {
  const file = path.join(root, FINGERPRINT_FILE);
  if (!fs.existsSync(path.join(root, ".next/BUILD_ID")) || !fs.existsSync(file)) return false;
  return fs.readFileSync(file, "utf8").trim() === computeBuildFingerprint(root);
}

export function recordBuildFingerprint(root = process.cwd()): void {
  fs.writeFileSync(path.join(root, FINGERPRINT_FILE), computeBuildFingerprint(root));
}
