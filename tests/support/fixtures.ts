import path from "node:path";
import type { ContentFile } from "@/domain/content/types";
import { readContentFiles } from "@/server/content-loader";
import { buildValidContentFiles, overlay } from "../factories/content-files";
import { FIXTURES_DIR } from "./paths";

/** Reads a fixture folder's files with content-root-relative posix paths. */
export function readFixtureFiles(name: string): ContentFile[] {
  return readContentFiles(path.join(FIXTURES_DIR, "content", name));
}

/** The valid factory tree with a broken fixture laid over it. */
export function factoryWithFixture(name: string): ContentFile[] {
  return overlay(buildValidContentFiles(), readFixtureFiles(name));
}
