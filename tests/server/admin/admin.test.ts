import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { grantAdmin } from "@/server/accounts";
import { instanceOverview } from "@/server/admin/instance";
import { findAccounts, listRightsChanges, setRight } from "@/server/admin/rights";
import { allowCohortCreation } from "@/server/cohorts/cohorts";
import { getSkillsGraph } from "@/server/content-loader";
import { itemStatisticsFor } from "@/server/item-statistics";
import { db } from "@/server/db";
import {
  listOpenReportsByQuestion,
  listResolvedReports,
  openReportCounts,
  reportsForQuestion,
  resolveReport,
} from "@/server/question-reports";
import { onPostgres } from "../../support/postgres";
import { createPerson } from "../../factories/people";

const rightsOf = (id: string) =>
  db.user.findUniqueOrThrow({ where: { id }, select: { isAdmin: true, canCreateCohorts: true } });
const changesAbout = (subjectId: string) =>
  db.rightsChange.findMany({
    where: { subjectId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { actorId: true, rightName: true, isGranted: true, via: true },
  });
const web = (actorId: string) => ({ via: "web" as const, actorId });

describe("finding accounts by email", () => {
  it("finds the exact address and every address starting with what was typed, in any case", async () => {
    const stem = `find-${randomUUID().slice(0, 8)}`;
    for (const local of ["", "-b", "-a"])
      await db.user.create({
        data: { id: `u-${stem}${local}`, name: "Found", email: `${stem}${local}@example.com` },
      });
    const exact = await findAccounts(`${stem.toUpperCase()}@EXAMPLE.COM`);
    expect(exact.accounts.map((account) => account.email)).toEqual([`${stem}@example.com`]);
    const prefix = await findAccounts(`  ${stem.toUpperCase()}`);
    expect(prefix.accounts.map((account) => account.email)).toEqual([
      `${stem}-a@example.com`,
      `${stem}-b@example.com`,
      `${stem}@example.com`,
    ]);
    expect(prefix.hasMore).toBe(false);
    const limited = await findAccounts(stem, 2);
    expect(limited.accounts).toHaveLength(2);
    expect(limited.hasMore).toBe(true);
  });

  it("reads _ and % as themselves, not as wildcards", async () => {
    const stem = `wild${randomUUID().slice(0, 8)}`;
    await db.user.create({ data: { id: `u-${stem}`, name: "Wild", email: `${stem}x@example.com` } });
    expect((await findAccounts(`${stem}_`)).accounts).toEqual([]);
    expect((await findAccounts(`${stem.slice(0, 6)}%`)).accounts).toEqual([]);
  });
});

describe("granting and revoking rights", () => {
  it("changes each right and logs who changed what for whom; asking for what holds logs nothing", async () => {
    const admin = await createPerson("Admin");
    await db.user.update({ where: { id: admin.id }, data: { isAdmin: true } });
    const person = await createPerson("Person");
    expect(await setRight(person.id, "admin", true, web(admin.id))).toEqual({ ok: true, changed: true });
    expect(await setRight(person.id, "cohorts", true, web(admin.id))).toEqual({ ok: true, changed: true });
    expect(await rightsOf(person.id)).toEqual({ isAdmin: true, canCreateCohorts: true });
    expect(await setRight(person.id, "cohorts", true, web(admin.id))).toEqual({ ok: true, changed: false });
    expect(await setRight(person.id, "cohorts", false, web(admin.id))).toEqual({ ok: true, changed: true });
    expect(await setRight(person.id, "admin", false, web(admin.id))).toEqual({ ok: true, changed: true });
    expect(await rightsOf(person.id)).toEqual({ isAdmin: false, canCreateCohorts: false });
    expect(await changesAbout(person.id)).toEqual([
      { actorId: admin.id, rightName: "admin", isGranted: true, via: "web" },
      { actorId: admin.id, rightName: "cohorts", isGranted: true, via: "web" },
      { actorId: admin.id, rightName: "cohorts", isGranted: false, via: "web" },
      { actorId: admin.id, rightName: "admin", isGranted: false, via: "web" },
    ]);
    const recent = await listRightsChanges(4);
    expect(recent[0]).toMatchObject({
      rightName: "admin",
      isGranted: false,
      actor: { email: admin.email, name: "Admin" },
      subject: { email: person.email, name: "Person" },
    });
  });

  it("answers an unknown account with not-found and logs nothing", async () => {
    const admin = await createPerson("Admin");
    const before = await db.rightsChange.count();
    expect(await setRight("u-nobody", "admin", true, web(admin.id))).toEqual({
      ok: false,
      reason: "not-found",
    });
    expect(await db.rightsChange.count()).toBe(before);
  });

  it("refuses to revoke the last administrator, themself included, and keeps them an administrator", async () => {
    await db.user.updateMany({ where: { isAdmin: true }, data: { isAdmin: false } });
    const only = await createPerson("Only admin");
    await setRight(only.id, "admin", true, { via: "cli" });
    const before = await changesAbout(only.id);
    expect(await setRight(only.id, "admin", false, web(only.id))).toEqual({
      ok: false,
      reason: "last-admin",
    });
    expect(await rightsOf(only.id)).toMatchObject({ isAdmin: true });
    expect(await changesAbout(only.id)).toEqual(before);
    // With a second administrator, the first may step down.
    const second = await createPerson("Second admin");
    await setRight(second.id, "admin", true, web(only.id));
    expect(await setRight(only.id, "admin", false, web(only.id))).toEqual({ ok: true, changed: true });
    expect(await db.user.count({ where: { isAdmin: true } })).toBe(1);
  });

  it("leaves one administrator when the last two revoke each other at the same moment", async () => {
    await db.user.updateMany({ where: { isAdmin: true }, data: { isAdmin: false } });
    const one = await createPerson("One");
    const two = await createPerson("Two");
    await db.user.updateMany({ where: { id: { in: [one.id, two.id] } }, data: { isAdmin: true } });
    const outcomes = await Promise.all([
      setRight(two.id, "admin", false, web(one.id)),
      setRight(one.id, "admin", false, web(two.id)),
    ]);
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([{ ok: false, reason: "last-admin" }]);
    expect(await db.user.count({ where: { isAdmin: true } })).toBe(1);
    // One change happened, and the log holds exactly it.
    const logged = await db.rightsChange.findMany({ where: { subjectId: { in: [one.id, two.id] } } });
    expect(logged).toHaveLength(1);
    const revoked = outcomes[0]?.ok ? two.id : one.id;
    expect(logged[0]).toMatchObject({ subjectId: revoked, rightName: "admin", isGranted: false, via: "web" });
  });

  it("logs a grant asked for twice at the same moment once, as it happened once", async () => {
    const admin = await createPerson("Granting admin");
    const person = await createPerson("Granted twice");
    const outcomes = await Promise.all([
      setRight(person.id, "cohorts", true, web(admin.id)),
      setRight(person.id, "cohorts", true, web(admin.id)),
    ]);
    expect(outcomes.filter((outcome) => outcome.ok && outcome.changed)).toHaveLength(1);
    expect(await rightsOf(person.id)).toMatchObject({ canCreateCohorts: true });
    expect(await changesAbout(person.id)).toHaveLength(1);
  });

  it("logs the command-line scripts' changes too, as made on the server", async () => {
    const person = await createPerson("Scripted");
    expect(await grantAdmin(person.email.toUpperCase())).toBe(true);
    expect(await allowCohortCreation(person.email)).toBe(true);
    expect(await allowCohortCreation(person.email, false)).toBe(true);
    expect(await changesAbout(person.id)).toEqual([
      { actorId: null, rightName: "admin", isGranted: true, via: "cli" },
      { actorId: null, rightName: "cohorts", isGranted: true, via: "cli" },
      { actorId: null, rightName: "cohorts", isGranted: false, via: "cli" },
    ]);
    expect(await grantAdmin(`nobody-${randomUUID()}@example.com`)).toBe(false);
  });

  it("keeps the log when either account is deleted, without anything that identified them", async () => {
    const admin = await createPerson("Leaving admin");
    const person = await createPerson("Leaving person");
    await setRight(person.id, "cohorts", true, web(admin.id));
    const row = await db.rightsChange.findFirstOrThrow({
      where: { subjectId: person.id },
      select: { id: true },
    });
    await db.user.delete({ where: { id: person.id } });
    await db.user.delete({ where: { id: admin.id } });
    const kept = await db.rightsChange.findUniqueOrThrow({ where: { id: row.id } });
    expect(kept).toMatchObject({ actorId: null, subjectId: null, rightName: "cohorts", isGranted: true });
    expect(JSON.stringify(kept)).not.toMatch(/Leaving|example\.com/);
    const shown = (await listRightsChanges(200)).find((change) => change.id === row.id);
    expect(shown).toMatchObject({ actor: null, subject: null });
  });
});

describe("problem reports", () => {
  const report = (questionId: string, reason = "unclear", details = "") =>
    db.questionReport.create({
      data: { questionId, reason, details, contentHash: getSkillsGraph().contentHash },
      select: { id: true },
    });

  it("lists open reports per question, most reported first, and resolves one with its note", async () => {
    const [first, second] = [...getSkillsGraph().questions.keys()].slice(-2) as [string, string];
    await db.questionReport.deleteMany({ where: { questionId: { in: [first, second] } } });
    const lone = await report(first, "typo", "a typo");
    const busy = [await report(second, "wrong-key", "key is B"), await report(second)];
    const open = await listOpenReportsByQuestion();
    const mine = open.filter((group) => group.questionId === first || group.questionId === second);
    expect(mine.map((group) => [group.questionId, group.reports.length])).toEqual([
      [second, 2],
      [first, 1],
    ]);
    expect((await openReportCounts()).get(second)).toBe(2);

    const admin = await createPerson("Resolver");
    expect(await resolveReport({ reportId: busy[0]?.id ?? "", note: "Fixed the key" }, admin.id)).toEqual({
      status: "resolved",
      questionId: second,
    });
    // The first resolution stands; a second one is told, and changes nothing.
    expect(await resolveReport({ reportId: busy[0]?.id ?? "", note: "Overwrite" }, admin.id)).toEqual({
      status: "already-resolved",
    });
    expect(await resolveReport({ reportId: "no-such-report", note: "x" }, admin.id)).toEqual({
      status: "not-found",
    });
    expect((await openReportCounts()).get(second)).toBe(1);
    const ofSecond = await reportsForQuestion(second);
    expect(ofSecond.map((row) => [row.resolvedAt === null, row.resolutionNote])).toEqual([
      [true, null],
      [false, "Fixed the key"],
    ]);
    expect(ofSecond[1]?.resolvedBy).toEqual({ name: "Resolver" });
    const resolved = await listResolvedReports();
    expect(resolved[0]).toMatchObject({ id: busy[0]?.id, resolutionNote: "Fixed the key" });
    expect((await reportsForQuestion(first)).map((row) => row.id)).toEqual([lone.id]);

    // The items table counts open reports only.
    expect((await itemStatisticsFor(second))?.openReports).toBe(1);

    // The resolution outlives the resolver's account; only the link goes.
    await db.user.delete({ where: { id: admin.id } });
    expect((await reportsForQuestion(second))[1]).toMatchObject({
      resolvedBy: null,
      resolutionNote: "Fixed the key",
    });
  });
});

describe("the instance overview", () => {
  it("shows the content in use, the database, its migrations and the mail queue", async () => {
    const graph = getSkillsGraph();
    const before = await instanceOverview();
    expect(before.content).toEqual({
      hash: graph.contentHash,
      roles: graph.roles.size,
      skills: graph.skills.size,
      questions: graph.questions.size,
      modules: graph.modules.size,
    });
    expect(before.database).toBe(onPostgres ? "postgresql" : "sqlite");
    expect(before.migrations).toMatchObject({ ok: true, pending: [] });
    if (before.migrations.ok) expect(before.migrations.applied).toBe(before.migrations.total);

    const due = new Date("2026-01-02T03:04:00Z");
    const mail = { kind: "team-invitation", recipient: "q@example.com", subject: "S", text: "T" } as const;
    await db.queuedMail.createMany({
      data: [
        { ...mail, nextAttemptAt: due },
        { ...mail, nextAttemptAt: new Date("2099-01-01T00:00:00Z") },
        { ...mail, status: "failed", attempts: 6 },
      ],
    });
    const after = await instanceOverview();
    expect(after.mail.queued - before.mail.queued).toBe(2);
    expect(after.mail.failed - before.mail.failed).toBe(1);
    expect(after.mail.oldestDueAt?.getTime()).toBeLessThanOrEqual(due.getTime());
  });

  it("says when a migration is pending", async () => {
    const [latest] = await db.$queryRaw<{ name: string }[]>`
      SELECT "migration_name" AS "name" FROM "_prisma_migrations" ORDER BY "migration_name" DESC LIMIT 1`;
    const name = latest?.name ?? "";
    await db.$executeRaw`UPDATE "_prisma_migrations" SET "rolled_back_at" = "finished_at" WHERE "migration_name" = ${name}`;
    try {
      const overview = await instanceOverview();
      expect(overview.migrations).toMatchObject({ ok: true, pending: [name] });
    } finally {
      await db.$executeRaw`UPDATE "_prisma_migrations" SET "rolled_back_at" = NULL WHERE "migration_name" = ${name}`;
    }
  });
});
