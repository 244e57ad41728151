import "server-only";
import { randomBytes } from "node:crypto";
import { afterFailure, describeMailState, type MailState } from "@/domain/mail-queue";
import { Prisma } from "@/generated/prisma/client";
import { mailTransport, type MailTransport } from "./auth/mail";
import { databaseProvider, db } from "./db";
import { logEvent } from "./log";

/**
 * The outgoing-mail queue (docs/decisions/010). A request writes QueuedMail rows (in the same
 * batch transaction as the invitations they carry) and answers at once; a sender in the server
 * process claims due rows, sends them, and records the outcome: sent (the text, which holds the
 * invitation link, is cleared), pending again with a later nextAttemptAt, or failed for good
 * after MAIL_MAX_ATTEMPTS. Staff see each invitation's state and can retry a failed one.
 */
export type QueuedMailInput = Pick<
  Prisma.QueuedMailUncheckedCreateInput,
  "kind" | "recipient" | "subject" | "text" | "teamId" | "cohortId"
>;

/** How long a claim holds: longer than one send can take (SMTP timeouts are at most 60 s each). */
const CLAIM_MS = 5 * 60 * 1000;
const BATCH = 20;

export interface ClaimedMail {
  id: string;
  recipient: string;
  subject: string;
  text: string;
  attempts: number;
}

/**
 * Claims up to `limit` due messages for `owner` in ONE statement, so two senders (processes or
 * instances) can never both get a row: SQLite runs the statement under its write lock; on
 * PostgreSQL the due rows are picked FOR UPDATE SKIP LOCKED and updated in the same statement, so
 * racing senders take different rows (a row another claim committed meanwhile is re-checked and
 * passed over). Picking without the lock, every racing sender chose the same first rows and the
 * losers' re-check emptied their batches: they came away with nothing while mail was still due
 * (measured: of three senders at once, one took all 150). The claim counts as an attempt: a
 * sender that dies mid-send still uses one up.
 */
export async function claimDueMail(
  owner: string,
  now = new Date(),
  limit = BATCH,
  claimMs = CLAIM_MS,
): Promise<ClaimedMail[]> {
  const until = new Date(now.getTime() + claimMs);
  const due = Prisma.sql`"status" = 'pending' AND "nextAttemptAt" <= ${now}
    AND ("claimedUntil" IS NULL OR "claimedUntil" <= ${now})`;
  if (databaseProvider === "postgresql")
    return db.$queryRaw<ClaimedMail[]>`
      WITH "picked" AS (
        SELECT "id" FROM "QueuedMail" WHERE ${due} ORDER BY "nextAttemptAt", "id" LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      UPDATE "QueuedMail" AS q
      SET "claimedBy" = ${owner}, "claimedUntil" = ${until}, "attempts" = q."attempts" + 1, "updatedAt" = ${now}
      FROM "picked" WHERE q."id" = "picked"."id"
      RETURNING q."id", q."recipient", q."subject", q."text", q."attempts"`;
  return db.$queryRaw<ClaimedMail[]>`
    UPDATE "QueuedMail"
    SET "claimedBy" = ${owner}, "claimedUntil" = ${until}, "attempts" = "attempts" + 1, "updatedAt" = ${now}
    WHERE "id" IN (
      SELECT "id" FROM "QueuedMail" WHERE ${due} ORDER BY "nextAttemptAt", "id" LIMIT ${limit}
    ) AND ${due}
    RETURNING "id", "recipient", "subject", "text", "attempts"`;
}

/** Sends what `claimDueMail` gave this owner and records each outcome (only while the claim is ours). */
async function deliver(
  claimed: ClaimedMail[],
  owner: string,
  transport: MailTransport,
  clock: () => Date,
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (const mail of claimed) {
    const ours = { id: mail.id, claimedBy: owner };
    try {
      await transport.send({ to: mail.recipient, subject: mail.subject, text: mail.text });
      await db.queuedMail.updateMany({
        where: ours,
        data: { status: "sent", sentAt: clock(), text: "", claimedBy: null, claimedUntil: null },
      });
      sent += 1;
    } catch (error) {
      failed += 1;
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 300);
      const next = afterFailure(mail.attempts, clock());
      await db.queuedMail.updateMany({
        where: ours,
        data: {
          status: next.status,
          lastError,
          claimedBy: null,
          claimedUntil: null,
          ...(next.status === "pending" ? { nextAttemptAt: next.retryAt } : {}),
        },
      });
      logEvent("warn", "mail.failed", {
        mailId: mail.id,
        attempts: mail.attempts,
        final: next.status === "failed",
        error: lastError,
      });
    }
  }
  return { sent, failed };
}

/**
 * One pass of the sender: claim due messages and send them, batch after batch, until none is
 * due. Tests call it directly (with their own transport and clock); the server's sender loop
 * calls it when kicked and on a timer.
 */
export async function sendDueMail(
  options: { owner?: string; transport?: MailTransport; now?: () => Date } = {},
): Promise<{ sent: number; failed: number }> {
  const owner = options.owner ?? senderId;
  const transport = options.transport ?? mailTransport();
  const clock = options.now ?? (() => new Date());
  const total = { sent: 0, failed: 0 };
  for (;;) {
    const claimed = await claimDueMail(owner, clock());
    if (claimed.length === 0) return total;
    const outcome = await deliver(claimed, owner, transport, clock);
    total.sent += outcome.sent;
    total.failed += outcome.failed;
  }
}

const senderId = `sender-${process.pid}-${randomBytes(4).toString("hex")}`;
const POLL_MS = 30_000;

interface SenderState {
  wake: () => void;
}
// On globalThis: Next.js may load this module more than once in one process (route bundles,
// instrumentation); all of them share the one sender.
const holder = globalThis as unknown as { waypointMailSender?: SenderState };

/**
 * Starts the process's sender (src/instrumentation.ts, once per server process): it runs a pass
 * every POLL_MS (mail due for a retry, mail left by a stopped instance) and whenever kicked.
 */
export function startMailSender(): void {
  if (holder.waypointMailSender) return;
  let running = false;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    sendDueMail()
      .catch((error: unknown) => logEvent("error", "mail.sender-failed", { error: String(error) }))
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          run();
        }
      });
  };
  holder.waypointMailSender = { wake: run };
  setInterval(run, POLL_MS).unref();
  run();
}

/** Right after enqueueing: mail goes out within seconds. A no-op where no sender runs (unit tests). */
export function kickMailSender(): void {
  holder.waypointMailSender?.wake();
}

const stateSelect = {
  id: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  lastError: true,
  sentAt: true,
} as const;
export const latestMailSelect = {
  select: stateSelect,
  orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  take: 1,
} satisfies Prisma.Invitation$mailArgs;

/** The state of an invitation's newest message as staff read it, or null when it has none. */
export function mailStatusOf(mail: readonly (MailState & { id: string })[]) {
  const latest = mail[0];
  return latest ? { mailId: latest.id, ...describeMailState(latest) } : null;
}

export type MailStatusView = NonNullable<ReturnType<typeof mailStatusOf>>;

/**
 * Staff retry a message that failed for good: pending again, due now, with a fresh count of
 * attempts, while its invitation is still open. `scope` pins it to the team or cohort whose staff
 * asked; anything else is false (404).
 */
export async function retryFailedMail(
  mailId: string,
  scope: { teamId: string } | { cohortId: string },
  now = new Date(),
): Promise<boolean> {
  const open = { revokedAt: null, usedAt: null, expiresAt: { gt: now } };
  const { count } = await db.queuedMail.updateMany({
    where: {
      id: mailId,
      status: "failed",
      ...("teamId" in scope
        ? { teamId: scope.teamId, invitation: open }
        : { cohortId: scope.cohortId, cohortInvitation: open }),
    },
    data: {
      status: "pending",
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
      claimedBy: null,
      claimedUntil: null,
    },
  });
  if (count === 1) kickMailSender();
  return count === 1;
}
