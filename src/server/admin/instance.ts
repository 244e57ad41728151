import "server-only";
import { calibrationInUse } from "../calibration";
import { getSkillsGraph } from "../content-loader";
import { databaseProvider, db } from "../db";
import { POSTGRES_MIGRATIONS_DIR, SQLITE_MIGRATIONS_DIR } from "../migrate";
import { MigrationError, pendingMigrations, readMigrations, type HistoryRow } from "../migrator";

/**
 * What /admin/instance shows: the content in use, the database and its migrations as the app's
 * own migrator sees them, the calibration set in force (calibration.ts) and the mail queue. Read-only.
 */
export type MigrationStatus =
  | { ok: true; applied: number; total: number; pending: string[]; latest: string | null }
  /** The migrator would refuse to run (a changed, missing or unfinished migration): its words. */
  | { ok: false; problem: string };

/** The history table as the migrator reads it (the same columns on both databases). */
async function migrationHistory(): Promise<HistoryRow[]> {
  const rows = await db.$queryRaw<
    { migrationName: string; checksum: string; finishedAt: unknown; rolledBackAt: unknown }[]
  >`SELECT "migration_name" AS "migrationName", "checksum", "finished_at" AS "finishedAt",
           "rolled_back_at" AS "rolledBackAt"
      FROM "_prisma_migrations" ORDER BY "started_at", "migration_name"`;
  return rows.map((row) => ({
    migrationName: row.migrationName,
    checksum: row.checksum,
    finishedAt: row.finishedAt === null ? null : String(row.finishedAt),
    rolledBackAt: row.rolledBackAt === null ? null : String(row.rolledBackAt),
  }));
}

export async function migrationStatus(): Promise<MigrationStatus> {
  const files = readMigrations(
    databaseProvider === "postgresql" ? POSTGRES_MIGRATIONS_DIR : SQLITE_MIGRATIONS_DIR,
  );
  const history = await migrationHistory();
  try {
    const pending = pendingMigrations(files, history).map((file) => file.name);
    const applied = files.length - pending.length;
    return { ok: true, applied, total: files.length, pending, latest: files[applied - 1]?.name ?? null };
  } catch (error) {
    if (error instanceof MigrationError) return { ok: false, problem: error.message };
    throw error;
  }
}

/** The outbox: messages waiting (and the earliest due of them), failed for good, sent. */
export async function mailQueueState() {
  const [byStatus, oldestDue] = await Promise.all([
    db.queuedMail.groupBy({ by: ["status"], _count: { _all: true } }),
    db.queuedMail.findFirst({
      where: { status: "pending" },
      orderBy: { nextAttemptAt: "asc" },
      select: { nextAttemptAt: true, createdAt: true },
    }),
  ]);
  const count = (status: string) => byStatus.find((row) => row.status === status)?._count._all ?? 0;
  return {
    queued: count("pending"),
    failed: count("failed"),
    sent: count("sent"),
    cancelled: count("cancelled"),
    oldestDueAt: oldestDue?.nextAttemptAt ?? null,
    oldestQueuedAt: oldestDue?.createdAt ?? null,
  };
}

export async function instanceOverview() {
  const graph = getSkillsGraph();
  const [migrations, mail, administrators, cohortCreators, accounts, calibration] = await Promise.all([
    migrationStatus(),
    mailQueueState(),
    db.user.count({ where: { isAdmin: true } }),
    db.user.count({ where: { canCreateCohorts: true } }),
    db.user.count(),
    calibrationInUse(graph),
  ]);
  return {
    content: {
      hash: graph.contentHash,
      roles: graph.roles.size,
      skills: graph.skills.size,
      questions: graph.questions.size,
      modules: graph.modules.size,
    },
    database: databaseProvider,
    migrations,
    mail,
    calibration,
    people: { accounts, administrators, cohortCreators },
  };
}
export type InstanceOverview = Awaited<ReturnType<typeof instanceOverview>>;
