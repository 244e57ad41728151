import path from "node:path";

export const TMP_DIR = path.resolve(import.meta.dirname, "../.tmp");
/** Migrated once per run by global-setup, then copied for each worker. */
export const TEMPLATE_DB = path.join(TMP_DIR, "template.db");
export const REPO_CONTENT_DIR = path.resolve(import.meta.dirname, "../../content");
export const FIXTURES_DIR = path.resolve(import.meta.dirname, "../fixtures");
