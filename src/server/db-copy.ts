import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import {
  applyPostgresMigrations,
  describeTarget,
  POSTGRES_MIGRATION_LOCK,
  SQLITE_MIGRATIONS_DIR,
} from "@/server/migrate";
import { MigrationError, pendingMigrations, readMigrations, type HistoryRow } from "@/server/migrator";

/**
 * `npm run db:copy -- --to postgresql://…`: an instance's SQLite database copied into PostgreSQL
 * (README, "Moving an instance to PostgreSQL"). The target is migrated first with the app's own
 * migrator, so it has exactly the committed schema; the tables, columns and their types are then
 * read from the target's catalogue, so a new table or column is copied without a change here.
 * Everything after the migration happens in ONE target transaction — emptying (with `force`),
 * copying in foreign-key order, moving sequences past the copied ids and verifying every table's
 * row count and checksum against the source — and is rolled back on any error or mismatch, so the
 * target ends with either the whole verified copy or the data it had before.
 */

/** Raised for every refusal and failure: its message is meant for the operator as it is. */
export class CopyError extends Error {
  override name = "CopyError";
}

/** The migrations bookkeeping table: the same on both sides by construction, and not data. */
const HISTORY = "_prisma_migrations";
/** PostgreSQL binds at most 65535 values per statement. */
const MAX_BINDS = 65_535;
/** Rows per INSERT (fewer when a table is wide) and per cursor fetch. */
const BATCH_ROWS = 2_000;

export type TableCheck = {
  table: string;
  sourceRows: number;
  targetRows: number;
  sourceChecksum: string;
  targetChecksum: string;
  matches: boolean;
};

export type CopyReport = { target: string; tables: TableCheck[] };

type Column = { name: string; type: string };
type Table = { name: string; columns: Column[]; primaryKey: string[] };

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

// ---------------------------------------------------------------------------------------------
// Values. Each column's PostgreSQL type says how a value is read from either side and what it is
// compared and written as; SQLite keeps what Prisma's adapter wrote (DateTime as ISO-8601 text
// with `+00:00`, or milliseconds in older rows; Boolean as 0/1; integers read as BigInt here).

type Canonical = string | number | boolean | null;

const TEXT_TYPES = new Set(["text", "character varying", "character"]);
const TIMESTAMP_TYPES = new Set(["timestamp without time zone", "timestamp with time zone"]);
const KNOWN_TYPES = new Set([
  ...TEXT_TYPES,
  ...TIMESTAMP_TYPES,
  "integer",
  "smallint",
  "bigint",
  "double precision",
  "real",
  "boolean",
  "jsonb",
  "json",
  "bytea",
]);

/** Sorted keys at every level, so equal JSON documents have one spelling on both sides. */
function canonicalJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalJson);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonicalJson((value as Record<string, unknown>)[key])]),
    );
  return value;
}

/** A float as JSON can hold it: finite numbers as they are, the three others by name. */
const float = (value: number): Canonical => (Number.isFinite(value) ? value : String(value));

function timestamp(value: Date): string {
  if (Number.isNaN(value.getTime())) throw new Error("not a valid date");
  return value.toISOString();
}

/** A SQLite value, as better-sqlite3 returns it with safe integers, in canonical form. */
function fromSqlite(value: unknown, type: string): Canonical {
  if (value === null) return null;
  if (TEXT_TYPES.has(type)) {
    if (typeof value !== "string") throw new Error(`expected text, found ${typeof value}`);
    return value;
  }
  switch (type) {
    case "integer":
    case "smallint":
      if (typeof value !== "bigint") throw new Error(`expected an integer, found ${typeof value}`);
      return Number(value);
    case "bigint":
      if (typeof value !== "bigint") throw new Error(`expected an integer, found ${typeof value}`);
      return value.toString();
    case "double precision":
    case "real":
      if (typeof value !== "bigint" && typeof value !== "number")
        throw new Error(`expected a number, found ${typeof value}`);
      return float(Number(value));
    case "boolean":
      if (value !== 0n && value !== 1n) throw new Error(`expected 0 or 1, found ${String(value)}`);
      return value === 1n;
    case "jsonb":
    case "json":
      if (typeof value !== "string") throw new Error(`expected JSON text, found ${typeof value}`);
      return JSON.stringify(canonicalJson(JSON.parse(value)));
    case "bytea":
      if (!Buffer.isBuffer(value)) throw new Error(`expected a blob, found ${typeof value}`);
      return value.toString("hex");
    default:
      // Timestamps: milliseconds since the epoch, ISO-8601 with an offset, or SQLite's own
      // CURRENT_TIMESTAMP text ("YYYY-MM-DD HH:MM:SS", UTC).
      if (typeof value === "bigint" || typeof value === "number") return timestamp(new Date(Number(value)));
      if (typeof value !== "string") throw new Error(`expected a date, found ${typeof value}`);
      if (/^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?$/.test(value))
        return timestamp(new Date(`${value.replace(" ", "T")}Z`));
      return timestamp(new Date(value));
  }
}

/**
 * A PostgreSQL value in its text form (the client below parses nothing) in canonical form. The
 * session runs with DateStyle ISO and TimeZone UTC, so timestamps read as UTC.
 */
function fromPostgres(value: string | null, type: string): Canonical {
  if (value === null) return null;
  if (TEXT_TYPES.has(type)) return value;
  switch (type) {
    case "integer":
    case "smallint":
      return Number(value);
    case "bigint":
      return value;
    case "double precision":
    case "real":
      return float(Number(value));
    case "boolean":
      return value === "t";
    case "jsonb":
    case "json":
      return JSON.stringify(canonicalJson(JSON.parse(value)));
    case "bytea":
      return value.replace(/^\\x/, "");
    default: {
      const iso = value.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00");
      return timestamp(new Date(/[Zz]|[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`));
    }
  }
}

/** What is bound for a canonical value: timestamps as ISO text in UTC, blobs as bytes. */
function toParameter(value: Canonical, type: string): unknown {
  if (value === null) return null;
  if (type === "bytea") return Buffer.from(value as string, "hex");
  return value;
}

// ---------------------------------------------------------------------------------------------
// Both sides' tables.

/** The SQLite database at `sourcePath`, read-only, refused unless every committed migration is in. */
function openSource(sourcePath: string, migrationsDir: string): Database.Database {
  if (!fs.existsSync(sourcePath))
    throw new CopyError(`No SQLite database at ${sourcePath} (set DATABASE_PATH to the instance's file).`);
  let source: Database.Database;
  try {
    source = new Database(sourcePath, { readonly: true, fileMustExist: true });
    source.prepare("SELECT count(*) FROM sqlite_master").get();
  } catch (error) {
    throw new CopyError(`Cannot read ${sourcePath} as a SQLite database: ${(error as Error).message}`);
  }
  const run = "run npm run db:migrate (or npm start, which migrates) on it first, then copy again.";
  try {
    const hasHistory = source
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
      .get(HISTORY);
    if (!hasHistory) throw new CopyError(`${sourcePath} is not a migrated Waypoint database: ${run}`);
    const history = source
      .prepare(
        `SELECT migration_name AS migrationName, checksum, finished_at AS finishedAt,
                rolled_back_at AS rolledBackAt
           FROM ${quote(HISTORY)} ORDER BY started_at, migration_name`,
      )
      .all() as HistoryRow[];
    const pending = pendingMigrations(readMigrations(path.resolve(migrationsDir)), history);
    if (pending.length > 0)
      throw new CopyError(
        `${sourcePath} lacks ${pending.length} migration(s) (${pending.map((m) => m.name).join(", ")}): ${run}`,
      );
  } catch (error) {
    source.close();
    if (error instanceof MigrationError) throw new CopyError(`${sourcePath}: ${error.message}`);
    throw error;
  }
  return source;
}

function sourceTables(source: Database.Database): Map<string, string[]> {
  const names = source
    .prepare(
      `SELECT name FROM sqlite_master
        WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> ? ORDER BY name`,
    )
    .all(HISTORY) as { name: string }[];
  return new Map(
    names.map(({ name }) => [
      name,
      (source.prepare(`PRAGMA table_info(${quote(name)})`).all() as { name: string }[]).map((c) => c.name),
    ]),
  );
}

/** The target's app tables with their columns (in order), types and primary keys, from its catalogue. */
async function targetTables(client: pg.ClientBase): Promise<Table[]> {
  const { rows: columns } = await client.query<{ table: string; name: string; type: string }>(
    `SELECT c.table_name AS "table", c.column_name AS name, c.data_type AS type
       FROM information_schema.columns c
       JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.table_name <> $1
      ORDER BY c.table_name, c.ordinal_position`,
    [HISTORY],
  );
  const { rows: keys } = await client.query<{ table: string; name: string }>(
    `SELECT cls.relname AS "table", a.attname AS name
       FROM pg_index i
       JOIN pg_class cls ON cls.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = cls.relnamespace AND n.nspname = current_schema()
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
       JOIN pg_attribute a ON a.attrelid = cls.oid AND a.attnum = k.attnum
      WHERE i.indisprimary
      ORDER BY cls.relname, k.position`,
  );
  const tables = new Map<string, Table>();
  for (const column of columns) {
    const table = tables.get(column.table) ?? { name: column.table, columns: [], primaryKey: [] };
    table.columns.push({ name: column.name, type: column.type });
    tables.set(column.table, table);
  }
  for (const key of keys) tables.get(key.table)?.primaryKey.push(key.name);
  return [...tables.values()];
}

/** The tables in an order in which every row's foreign keys point at rows already copied. */
async function foreignKeyOrder(client: pg.ClientBase, tables: Table[]): Promise<Table[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `SELECT child.relname AS child, parent.relname AS parent
       FROM pg_constraint con
       JOIN pg_class child ON child.oid = con.conrelid
       JOIN pg_class parent ON parent.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = child.relnamespace AND n.nspname = current_schema()
      WHERE con.contype = 'f'`,
  );
  const parents = new Map(tables.map((table) => [table.name, new Set<string>()]));
  for (const { child, parent } of rows) parents.get(child)?.add(parent);
  const ordered: Table[] = [];
  const done = new Set<string>();
  let rest = [...tables].sort((a, b) => (a.name < b.name ? -1 : 1));
  while (rest.length > 0) {
    const ready = rest.filter((table) => [...parents.get(table.name)!].every((parent) => done.has(parent)));
    if (ready.length === 0)
      throw new CopyError(
        `Cannot order tables ${rest.map((t) => t.name).join(", ")} by their foreign keys (they form a cycle).`,
      );
    for (const table of ready) {
      ordered.push(table);
      done.add(table.name);
    }
    rest = rest.filter((table) => !done.has(table.name));
  }
  return ordered;
}

/** Refuses unless both sides have the same tables and each table the same columns, naming the first difference. */
function matchTables(source: Map<string, string[]>, target: Table[]): void {
  const targetNames = new Set(target.map((table) => table.name));
  const onlySource = [...source.keys()].filter((name) => !targetNames.has(name));
  const onlyTarget = [...targetNames].filter((name) => !source.has(name));
  if (onlySource.length > 0)
    throw new CopyError(
      `Table(s) ${onlySource.join(", ")} exist in the SQLite database but not in the migrated PostgreSQL one.`,
    );
  if (onlyTarget.length > 0)
    throw new CopyError(
      `Table(s) ${onlyTarget.join(", ")} exist in the PostgreSQL database but not in the SQLite one.`,
    );
  for (const table of target) {
    const sourceColumns = new Set(source.get(table.name));
    const targetColumns = new Set(table.columns.map((column) => column.name));
    const differ = [
      ...[...sourceColumns].filter((c) => !targetColumns.has(c)).map((c) => `${c} (SQLite only)`),
      ...[...targetColumns].filter((c) => !sourceColumns.has(c)).map((c) => `${c} (PostgreSQL only)`),
    ];
    if (differ.length > 0)
      throw new CopyError(`Table ${table.name} has different columns: ${differ.join(", ")}.`);
    if (table.primaryKey.length === 0)
      throw new CopyError(
        `Table ${table.name} has no primary key, so its copy cannot be verified row by row.`,
      );
    for (const column of table.columns)
      if (!KNOWN_TYPES.has(column.type))
        throw new CopyError(
          `Column ${table.name}.${column.name} has type ${column.type}, which db:copy does not know how to copy.`,
        );
  }
}

// ---------------------------------------------------------------------------------------------
// Reading rows in primary-key order from both sides. Text keys compare byte by byte on both
// (SQLite's BINARY collation; COLLATE "C" on PostgreSQL), so the two orders are the same.

function* sourceRows(source: Database.Database, table: Table): Generator<Canonical[]> {
  const columns = table.columns.map((column) => quote(column.name)).join(", ");
  const order = table.primaryKey.map(quote).join(", ");
  const statement = source.prepare(`SELECT ${columns} FROM ${quote(table.name)} ORDER BY ${order}`);
  statement.raw(true).safeIntegers(true);
  for (const row of statement.iterate() as Iterable<unknown[]>) {
    yield table.columns.map((column, index) => {
      try {
        return fromSqlite(row[index], column.type);
      } catch (error) {
        const key = table.primaryKey.map((name) =>
          String(row[table.columns.findIndex((c) => c.name === name)]),
        );
        throw new CopyError(
          `${table.name}.${column.name} of row ${key.join("/")} cannot be read as ${column.type}: ${(error as Error).message}`,
        );
      }
    });
  }
}

/** Reads through a cursor in the open transaction of `client`, `BATCH_ROWS` at a time. */
async function* targetRows(client: pg.ClientBase, table: Table): AsyncGenerator<Canonical[]> {
  const columns = table.columns.map((column) => quote(column.name)).join(", ");
  const order = table.primaryKey
    .map((name) => {
      const type = table.columns.find((column) => column.name === name)!.type;
      return TEXT_TYPES.has(type) ? `${quote(name)} COLLATE "C"` : quote(name);
    })
    .join(", ");
  await client.query(`DECLARE copy_rows NO SCROLL CURSOR FOR
    SELECT ${columns} FROM ${quote(table.name)} ORDER BY ${order}`);
  try {
    for (;;) {
      const { rows } = await client.query<string[]>({
        text: `FETCH ${BATCH_ROWS} FROM copy_rows`,
        rowMode: "array",
        types: { getTypeParser: () => (value: string) => value },
      });
      for (const row of rows)
        yield table.columns.map((column, index) => fromPostgres(row[index]!, column.type));
      if (rows.length < BATCH_ROWS) break;
    }
  } finally {
    await client.query("CLOSE copy_rows");
  }
}

/** Rows and SHA-256 over each row's canonical JSON, one line per row, in primary-key order. */
async function digest(rows: Iterable<Canonical[]> | AsyncIterable<Canonical[]>) {
  const hash = createHash("sha256");
  let count = 0;
  for await (const row of rows) {
    hash.update(JSON.stringify(row));
    hash.update("\n");
    count += 1;
  }
  return { rows: count, checksum: hash.digest("hex") };
}

async function compare(
  source: Database.Database,
  client: pg.ClientBase,
  tables: Table[],
): Promise<TableCheck[]> {
  const checks: TableCheck[] = [];
  for (const table of [...tables].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const left = await digest(sourceRows(source, table));
    const right = await digest(targetRows(client, table));
    checks.push({
      table: table.name,
      sourceRows: left.rows,
      targetRows: right.rows,
      sourceChecksum: left.checksum,
      targetChecksum: right.checksum,
      matches: left.rows === right.rows && left.checksum === right.checksum,
    });
  }
  return checks;
}

// ---------------------------------------------------------------------------------------------
// The target.

/** A connection to `url` or a CopyError saying why not; the session reads times as UTC, ISO. */
async function connectTarget(url: string): Promise<pg.Client> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CopyError(`--to must be a postgresql:// URL; "${url}" is not a URL.`);
  }
  if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:")
    throw new CopyError(`--to must be a postgresql:// URL, not ${parsed.protocol}//…`);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 15_000 });
  client.on("error", () => {}); // A dropped connection surfaces as the failing query's error.
  try {
    await client.connect();
    await client.query("SET DateStyle = ISO; SET TimeZone = 'UTC'; SET extra_float_digits = 1");
  } catch (error) {
    await client.end().catch(() => {});
    const missing = (error as { code?: string }).code === "3D000" ? " (create it first: createdb …)" : "";
    throw new CopyError(
      `Cannot connect to ${describeTarget({ provider: "postgresql", url })}: ${(error as Error).message}${missing}`,
    );
  }
  return client;
}

/** Moves every sequence behind a copied column (serial, identity) past the largest copied value. */
async function advanceSequences(client: pg.ClientBase, tables: Table[]): Promise<void> {
  const { rows } = await client.query<{ table: string; column: string; sequence: string }>(
    `SELECT table_name AS "table", column_name AS "column",
            pg_get_serial_sequence(quote_ident(table_name), column_name) AS sequence
       FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ANY($1)
        AND pg_get_serial_sequence(quote_ident(table_name), column_name) IS NOT NULL`,
    [tables.map((table) => table.name)],
  );
  for (const { table, column, sequence } of rows)
    await client.query(
      `SELECT setval($1, COALESCE((SELECT max(${quote(column)}) FROM ${quote(table)}), 0) + 1, false)`,
      [sequence],
    );
}

async function insertAll(source: Database.Database, client: pg.ClientBase, table: Table): Promise<void> {
  const width = table.columns.length;
  const perStatement = Math.max(1, Math.min(BATCH_ROWS, Math.floor(MAX_BINDS / width)));
  const head = `INSERT INTO ${quote(table.name)} (${table.columns.map((c) => quote(c.name)).join(", ")}) VALUES `;
  let batch: unknown[] = [];
  let rows = 0;
  const flush = async () => {
    if (rows === 0) return;
    const tuples = Array.from(
      { length: rows },
      (_, row) => `(${Array.from({ length: width }, (_, col) => `$${row * width + col + 1}`).join(", ")})`,
    );
    await client.query(head + tuples.join(", "), batch);
    batch = [];
    rows = 0;
  };
  for (const row of sourceRows(source, table)) {
    row.forEach((value, index) => batch.push(toParameter(value, table.columns[index]!.type)));
    rows += 1;
    if (rows === perStatement) await flush();
  }
  await flush();
}

/** Which app tables of the target hold rows. */
async function nonEmpty(client: pg.ClientBase, tables: Table[]): Promise<string[]> {
  const full: string[] = [];
  for (const table of tables) {
    const { rows } = await client.query<{ any: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ${quote(table.name)}) AS any`,
    );
    if (rows[0]?.any) full.push(table.name);
  }
  return full;
}

export type CopyOptions = {
  /** Empty the target's app tables first instead of refusing a non-empty target. */
  force?: boolean;
  log?: (line: string) => void;
  /** The source's and the target's committed migrations (tests only). */
  sqliteMigrationsDir?: string;
  postgresMigrationsDir?: string;
};

/**
 * Copies the SQLite database at `sourcePath` into the PostgreSQL database at `targetUrl` (which
 * must exist) and verifies the copy; see the top of this file. Throws CopyError on any refusal,
 * failure or mismatch, with the target's transaction rolled back.
 */
export async function copyToPostgres(
  sourcePath: string,
  targetUrl: string,
  options: CopyOptions = {},
): Promise<CopyReport> {
  const log = options.log ?? (() => {});
  const source = openSource(path.resolve(sourcePath), options.sqliteMigrationsDir ?? SQLITE_MIGRATIONS_DIR);
  try {
    const client = await connectTarget(targetUrl);
    try {
      try {
        await applyPostgresMigrations(targetUrl, {
          quiet: true,
          migrationsDir: options.postgresMigrationsDir,
        });
      } catch (error) {
        throw new CopyError(`Migrating the target failed: ${(error as Error).message}`);
      }
      log(`Target migrated: ${describeTarget({ provider: "postgresql", url: targetUrl })}`);
      // One read snapshot of the source for the copy and its verification.
      source.exec("BEGIN");
      await client.query("BEGIN");
      try {
        // Migrators and a second db:copy wait until this one is done.
        await client.query("SELECT pg_advisory_xact_lock($1)", [POSTGRES_MIGRATION_LOCK]);
        const tables = await foreignKeyOrder(client, await targetTables(client));
        matchTables(sourceTables(source), tables);
        const full = await nonEmpty(client, tables);
        if (full.length > 0 && !options.force)
          throw new CopyError(
            `The target is not empty (rows in ${full.sort().join(", ")}). Copy into an empty database, ` +
              `or add --force to replace everything in it.`,
          );
        if (full.length > 0) {
          await client.query(`TRUNCATE ${tables.map((table) => quote(table.name)).join(", ")}`);
          log(`Emptied ${full.length} table(s) of the target (--force).`);
        }
        for (const table of tables) await insertAll(source, client, table);
        await advanceSequences(client, tables);
        const checks = await compare(source, client, tables);
        const bad = checks.filter((check) => !check.matches);
        if (bad.length > 0)
          throw new CopyError(
            `${formatChecks(checks)}\nThe copy of ${bad.map((check) => check.table).join(", ")} does not match the source; nothing was kept.`,
          );
        await client.query("COMMIT");
        return { target: describeTarget({ provider: "postgresql", url: targetUrl }), tables: checks };
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        if (error instanceof CopyError) throw error;
        throw new CopyError(`The copy failed and was rolled back: ${(error as Error).message}`);
      } finally {
        if (source.inTransaction) source.exec("COMMIT");
      }
    } finally {
      await client.end().catch(() => {});
    }
  } finally {
    source.close();
  }
}

/**
 * Compares the SQLite database at `sourcePath` with the PostgreSQL copy at `targetUrl`, table by
 * table: row counts and checksums of the rows in primary-key order. Writes nothing.
 */
export async function verifyCopy(
  sourcePath: string,
  targetUrl: string,
  options: Pick<CopyOptions, "sqliteMigrationsDir"> = {},
): Promise<TableCheck[]> {
  const source = openSource(path.resolve(sourcePath), options.sqliteMigrationsDir ?? SQLITE_MIGRATIONS_DIR);
  try {
    const client = await connectTarget(targetUrl);
    try {
      source.exec("BEGIN");
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const tables = await targetTables(client);
      matchTables(sourceTables(source), tables);
      return await compare(source, client, tables);
    } finally {
      await client.query("ROLLBACK").catch(() => {});
      if (source.inTransaction) source.exec("COMMIT");
      await client.end().catch(() => {});
    }
  } finally {
    source.close();
  }
}

/** The per-table result as a plain text table. */
export function formatChecks(checks: TableCheck[]): string {
  const header = ["table", "SQLite rows", "PostgreSQL rows", "checksum"];
  const lines = checks.map((check) => [
    check.table,
    String(check.sourceRows),
    String(check.targetRows),
    check.matches ? "match" : check.sourceRows === check.targetRows ? "MISMATCH" : "MISMATCH (rows)",
  ]);
  const widths = header.map((title, index) =>
    Math.max(title.length, ...lines.map((line) => line[index]!.length)),
  );
  const format = (cells: string[]) =>
    cells
      .map((cell, index) => (index === 0 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!)))
      .join("  ");
  return [format(header), ...lines.map(format)].join("\n");
}
