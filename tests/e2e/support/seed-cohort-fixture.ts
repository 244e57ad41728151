import { randomUUID } from "node:crypto";
import { createCohort } from "@/server/cohorts/cohorts";
import { inviteEnrollments } from "@/server/cohorts/invitations";
import { db } from "@/server/db";
import { outboxDir } from "@/server/auth/mail";
import { sendDueMail } from "@/server/mail-queue";
import { lastMailTo } from "../../support/outbox";

/**
 * Run by the authorisation-matrix e2e test against the e2e database (tsx, react-server condition):
 *   seed-cohort-fixture.ts <ownerEmail> <otherEmail> <learnerEmail>
 * makes the owner staff of a new cohort whose learner is <learnerEmail>, makes <otherEmail> staff
 * of a different cohort, invites an address nobody uses, and prints {"cohortId", "cohortJoinToken"}.
 */
const [ownerEmail, otherEmail, learnerEmail] = process.argv.slice(2);
if (!ownerEmail || !otherEmail || !learnerEmail)
  throw new Error("usage: seed-cohort-fixture.ts <ownerEmail> <otherEmail> <learnerEmail>");
const user = (email: string) =>
  db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true } });
const [owner, other, learner] = [await user(ownerEmail), await user(otherEmail), await user(learnerEmail)];
const dates = {
  startsOn: "2026-01-01",
  endsOn: "2026-12-31",
  targetRoleId: "mlops-engineer",
  timeZone: "UTC",
};
const mine = await createCohort(owner, { name: "Matrix cohort", ...dates });
const theirs = await createCohort(other, { name: "Another cohort", ...dates });
if (!mine.ok || !theirs.ok) throw new Error("cohorts not created");
await db.enrollment.create({
  data: {
    cohortId: mine.cohortId,
    email: learner.email,
    name: learner.name,
    role: "learner",
    userId: learner.id,
    joinedAt: new Date(),
  },
});
const invitee = `invitee-${randomUUID().slice(0, 8)}@example.com`;
const enrollment = await db.enrollment.create({
  data: { cohortId: mine.cohortId, email: invitee, name: "Invitee", role: "learner" },
  select: { id: true, email: true, name: true },
});
await inviteEnrollments({ id: mine.cohortId, name: "Matrix cohort" }, [enrollment], owner);
// This process sends the queued mail itself (as a second sender beside the server's, which is safe).
await sendDueMail();
// The token exists only in the mail.
const mail = lastMailTo(outboxDir(), invitee)?.text ?? "";
const token = /\/cohorts\/join\/([A-Za-z0-9_-]+)/.exec(mail)?.[1];
if (!token) throw new Error("no invitation mail");
console.log(JSON.stringify({ cohortId: mine.cohortId, cohortJoinToken: token }));
