import fs from "node:fs";
import { applyMigrations } from "../../src/server/migrate";
import { TEMPLATE_DB, TMP_DIR } from "./paths";

/** Migrate one template database with the real migrations; each worker copies it (setup.ts). */
export default async function setup(): Promise<void> {
  fs.rmSync(TMP_DIR, { recursive: true, force: true });
  fs.mkdirSync(TMP_DIR, { recursive: true });
  await applyMigrations(TEMPLATE_DB, { quiet: true });
}
