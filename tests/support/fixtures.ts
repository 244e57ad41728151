import fs from "node:fs";
import path from "node:path";
import type { ContentFile } from "@/domain/content/types";
import { buildValidContentFiles, overlay } from "../factories/content-files";
import { FIXTURES_DIR } from "./paths";

/** Reads a fixture folder's files with content-root-relative posix paths. */
export function readFixtureFiles(name: string): ContentFile[] {
  const root = path.join(FIXTURES_DIR, "content", name);
  const files: ContentFile[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push({ path: path.relative(root, full).split(path.sep).join("/"), text: fs.readFileSync(full, "utf8") });
    }
  };
  walk(root);
  return files;
}

/** The valid factory tree with a broken fixture laid over it. */
export function factoryWithFixture(name: string): ContentFile[] {
  return overlay(buildValidContentFiles(), readFixtureFiles(name));
}
