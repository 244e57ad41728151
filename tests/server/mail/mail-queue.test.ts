import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { MAIL_MAX_ATTEMPTS } from "@/domain/mail-queue";
import { outboxDir, type MailTransport } from "@/server/auth/mail";
import { createCohort } from "@/server/cohorts/cohorts";
import { loadCohortDashboard } from "@/server/cohorts/dashboard";
import { importRoster } from "@/server/cohorts/roster";
import { db } from "@/server/db";
import { claimDueMail, retryFailedMail, sendDueMail } from "@/server/mail-queue";
import { createEmailInvitations, listInvitations, revokeInvitation } from "@/server/teams/invitations";
import { createTeam } from "@/server/teams/teams";
import { createPerson } from "../../factories/people";
import { TMP_DIR } from "../../support/paths";

const run = promisify(execFile);
const SECOND = 1000;
const outboxCount = () => (fs.existsSync(outboxDir()) ? fs.readdirSync(outboxDir()).length : 0);

async function newTeam() {
  const owner = await createPerson(`Owner ${randomUUID().slice(0, 6)}`);
  const created = await createTeam(owner.id, { name: "Queue team", targetRoleId: "mlops-engineer" });
  if (!created.ok) throw new Error("team not created");
  return { owner, team: { id: created.teamId, name: "Queue team" } };
}

const addresses = (count: number) =>
  Array.from({ length: count }, (_, index) => `invitee-${index}-${randomUUID().slice(0, 8)}@example.com`);

/** A transport that refuses every message, as an SMTP server answering 550 would. */
const refusing: MailTransport = {
  kind: "smtp",
  send: () => Promise.reject(new Error("550 mailbox unavailable")),
};

// Each test starts with nothing due in this worker's database (other files leave sent mail only).
const clearQueue = () =>
  db.queuedMail.updateMany({ where: { status: "pending" }, data: { status: "cancelled" } });
beforeEach(clearQueue);
afterAll(clearQueue);

describe("the mail queue", () => {
  it("answers an invitation request of 200 addresses without sending anything: the mail is queued", async () => {
    const { owner, team } = await newTeam();
    const before = outboxCount();
    const outcome = await createEmailInvitations(team, owner, addresses(200).join("\n"));
    expect(outcome).toEqual({ ok: true, queued: 200 });
    expect(outboxCount()).toBe(before);
    expect(await db.queuedMail.count({ where: { teamId: team.id, status: "pending" } })).toBe(200);
    const listed = await listInvitations(team.id);
    expect(listed).toHaveLength(200);
    expect(listed.every((row) => row.mail?.label === "Mail queued")).toBe(true);
  });

  it("hands each due message to exactly one of several senders claiming at the same time", async () => {
    const { owner, team } = await newTeam();
    await createEmailInvitations(team, owner, addresses(150).join("\n"));
    const ours = new Set(
      (await db.queuedMail.findMany({ where: { teamId: team.id }, select: { id: true } })).map(
        (row) => row.id,
      ),
    );
    const barrier = fs.mkdtempSync(path.join(TMP_DIR, "claim-"));
    const workers = ["one", "two", "three"].map((owner) =>
      run("npx", ["tsx", "--conditions=react-server", "tests/support/claim-worker.ts", owner, barrier, "3"], {
        env: process.env,
      }),
    );
    const claims = (await Promise.all(workers)).map(
      (result) => JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "[]") as string[],
    );
    const all = claims.flat().filter((id) => ours.has(id));
    expect(all).toHaveLength(ours.size); // every message claimed …
    expect(new Set(all).size).toBe(ours.size); // … by exactly one sender
    // All three took part, so the claims really raced — and a sender that lost a race for one row
    // went on to others rather than coming away empty while mail was due (PostgreSQL: SKIP LOCKED).
    expect(claims.every((ids) => ids.length > 0)).toBe(true);
    const rows = await db.queuedMail.findMany({
      where: { teamId: team.id },
      select: { attempts: true, claimedBy: true },
    });
    expect(rows.every((row) => row.attempts === 1 && row.claimedBy !== null)).toBe(true);
    // A claimed message is nobody else's until its claim expires.
    expect(await claimDueMail("late", new Date("2100-01-01T00:01:00Z"))).toEqual([]);
    const taken = await claimDueMail("late", new Date("2100-01-01T01:00:00Z"), 500);
    expect(taken.filter((row) => ours.has(row.id))).toHaveLength(ours.size);
  }, 60_000);

  it("sends each message once when two instances run their senders at the same moment", async () => {
    const { owner, team } = await newTeam();
    const invited = addresses(60);
    await createEmailInvitations(team, owner, invited.join("\n"));
    const barrier = fs.mkdtempSync(path.join(TMP_DIR, "send-"));
    const senders = ["first", "second"].map((name) =>
      run(
        "npx",
        ["tsx", "--conditions=react-server", "tests/support/claim-worker.ts", name, barrier, "2", "send"],
        { env: process.env },
      ),
    );
    const sentTo = (await Promise.all(senders)).flatMap(
      (result) => JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "[]") as string[],
    );
    const ours = sentTo.filter((email) => invited.includes(email));
    expect(ours).toHaveLength(invited.length); // every invitation mailed …
    expect(new Set(ours).size).toBe(invited.length); // … once
    const rows = await db.queuedMail.findMany({
      where: { teamId: team.id },
      select: { status: true, attempts: true },
    });
    expect(rows.every((row) => row.status === "sent" && row.attempts === 1)).toBe(true);
  }, 60_000);

  it("retries a failing message with growing waits, gives up, shows it to staff, and sends it on their retry", async () => {
    const { owner, team } = await newTeam();
    const [email] = addresses(1);
    await createEmailInvitations(team, owner, email as string);
    let now = new Date();
    const clock = () => now;
    const statusOf = async () => (await listInvitations(team.id, now))[0]?.mail;

    expect(await sendDueMail({ transport: refusing, now: clock })).toEqual({ sent: 0, failed: 1 });
    expect(await statusOf()).toMatchObject({
      label: expect.stringMatching(/^Mail failed \(550 mailbox unavailable\); retrying at .* UTC$/),
      canRetry: false,
    });
    // Not due again before its wait is over: 30 s after the first failure, then 2 min, 8 min, …
    now = new Date(now.getTime() + 29 * SECOND);
    expect(await sendDueMail({ transport: refusing, now: clock })).toEqual({ sent: 0, failed: 0 });
    const waits: number[] = [];
    for (let attempt = 2; attempt <= MAIL_MAX_ATTEMPTS; attempt++) {
      const row = await db.queuedMail.findFirstOrThrow({ where: { teamId: team.id } });
      waits.push((row.nextAttemptAt.getTime() - now.getTime()) / SECOND);
      now = row.nextAttemptAt;
      expect(await sendDueMail({ transport: refusing, now: clock })).toEqual({ sent: 0, failed: 1 });
    }
    expect(waits).toEqual([1, 120, 480, 1920, 7680]);
    const failed = await statusOf();
    expect(failed).toMatchObject({
      label: `Mail failed permanently after ${MAIL_MAX_ATTEMPTS} attempts: 550 mailbox unavailable`,
      canRetry: true,
    });
    now = new Date(now.getTime() + 24 * 60 * 60 * SECOND);
    expect(await sendDueMail({ transport: refusing, now: clock })).toEqual({ sent: 0, failed: 0 });

    // Staff of another team cannot retry it; this team's staff can, and it goes out.
    expect(await retryFailedMail(failed?.mailId ?? "", { teamId: "another-team" }, now)).toBe(false);
    expect(await retryFailedMail(failed?.mailId ?? "", { teamId: team.id }, now)).toBe(true);
    expect(await statusOf()).toMatchObject({ label: "Mail queued", canRetry: false });
    const before = outboxCount();
    expect(await sendDueMail({ now: clock })).toEqual({ sent: 1, failed: 0 });
    expect(outboxCount()).toBe(before + 1);
    expect(await statusOf()).toMatchObject({ label: "Mail sent", canRetry: false });
    // The sent text (it held the link) is not kept.
    expect(await db.queuedMail.findFirstOrThrow({ where: { teamId: team.id } })).toMatchObject({
      status: "sent",
      text: "",
    });
  });

  it("cancels the mail of a revoked invitation that was not sent yet", async () => {
    const { owner, team } = await newTeam();
    await createEmailInvitations(team, owner, addresses(1)[0] as string);
    const [invitation] = await listInvitations(team.id);
    expect(await revokeInvitation(team.id, invitation?.id ?? "")).toBe(true);
    const before = outboxCount();
    expect(await sendDueMail()).toEqual({ sent: 0, failed: 0 });
    expect(outboxCount()).toBe(before);
  });

  it("queues roster invitations and shows each one's mail state on the cohort roster", async () => {
    const staff = await createPerson("Staff");
    await db.user.update({ where: { id: staff.id }, data: { canCreateCohorts: true } });
    const created = await createCohort(staff, {
      name: "Queue cohort",
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
      targetRoleId: "mlops-engineer",
      timeZone: "UTC",
    });
    if (!created.ok) throw new Error("cohort not created");
    const cohort = {
      id: created.cohortId,
      name: "Queue cohort",
      targetRoleId: "mlops-engineer",
      timeZone: "UTC",
    };
    const [ada, bob] = addresses(2);
    const before = outboxCount();
    expect(await importRoster(cohort, staff, `name,email\nAda,${ada}\nBob,${bob}\n`)).toMatchObject({
      ok: true,
      added: 2,
    });
    expect(outboxCount()).toBe(before);
    const labels = async () =>
      Object.fromEntries(
        (await loadCohortDashboard(cohort)).learners.map((row) => [row.email, row.mail?.label]),
      );
    expect(await labels()).toEqual({ [ada as string]: "Mail queued", [bob as string]: "Mail queued" });
    let calls = 0;
    const firstFails: MailTransport = {
      kind: "smtp",
      send: async () => {
        calls += 1;
        if (calls === 1) throw new Error("421 try later");
      },
    };
    expect(await sendDueMail({ transport: firstFails })).toEqual({ sent: 1, failed: 1 });
    const after = Object.values(await labels());
    expect(after).toHaveLength(2);
    expect(after).toEqual(
      expect.arrayContaining([
        "Mail sent",
        expect.stringMatching(/^Mail failed \(421 try later\); retrying at /),
      ]),
    );
  });
});
