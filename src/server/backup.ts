import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * An online-safe copy of the live database through SQLite's backup API: readers and writers
 * carry on while it runs, and the copy is a consistent snapshot including WAL contents. The
 * result is a plain SQLite file with mode 600; restore by pointing DATABASE_PATH at it.
 */
export async function backupDatabase(
  sourcePath: string,
  destinationPath: string,
): Promise<{ path: string; bytes: number }> {
  if (!fs.existsSync(sourcePath)) throw new Error(`No database at ${sourcePath}`);
  fs.mkdirSync(path.dirname(destinationPath), { recursive: true, mode: 0o700 });
  // Created empty (a valid empty database) with mode 600 before SQLite writes into it: a backup
  // holds every account's data. `wx` also makes "never overwrite" atomic.
  try {
    fs.writeFileSync(destinationPath, "", { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST")
      throw new Error(`Refusing to overwrite ${destinationPath}`);
    throw error;
  }
  const source = new Database(sourcePath, { readonly: true, fileMustExist: true });
  try {
    await source.backup(destinationPath);
  } finally {
    source.close();
  }
  // The copy inherits WAL mode; fold it into one self-contained file.
  const copy = new Database(destinationPath);
  try {
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
  return { path: destinationPath, bytes: fs.statSync(destinationPath).size };
}

export function defaultBackupPath(databasePath: string, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  return path.join(
    path.dirname(databasePath),
    "backups",
    `${path.basename(databasePath, ".db")}-${stamp}.db`,
  );
}
