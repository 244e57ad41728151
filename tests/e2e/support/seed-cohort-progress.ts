import { setAssessmentWindow, findCohortAssessment } from "@/server/cohorts/assessment";
import { createCohort } from "@/server/cohorts/cohorts";
import { inviteEnrollments } from "@/server/cohorts/invitations";
import { db } from "@/server/db";
import { userOwner } from "@/server/identity/owner";
import { sendDueMail } from "@/server/mail-queue";
import { dontKnowAttempt } from "../../factories/people";

/**
 * Run by the staff-readability e2e test against the e2e database (tsx, react-server condition):
 *   seed-cohort-progress.ts <staffEmail> <learnerEmail> <inviteeEmail>
 * makes <staffEmail> staff of a new MLOps cohort with an open assessment window; <learnerEmail>
 * joined and finished the cohort assessment (real engine, "I don't know" answers); <inviteeEmail>
 * is invited and has not joined. Prints the cohort id.
 */
const [staffEmail, learnerEmail, inviteeEmail] = process.argv.slice(2);
if (!staffEmail || !learnerEmail || !inviteeEmail)
  throw new Error("usage: seed-cohort-progress.ts <staffEmail> <learnerEmail> <inviteeEmail>");
const user = (email: string) =>
  db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true } });
const [staff, learner] = [await user(staffEmail), await user(learnerEmail)];
const created = await createCohort(staff, {
  name: "Spring MLOps bootcamp",
  startsOn: "2026-01-05",
  endsOn: "2026-12-18",
  targetRoleId: "mlops-engineer",
  timeZone: "Europe/Berlin",
});
if (!created.ok) throw new Error("cohort not created");
const { cohortId } = created;
const now = Date.now();
await setAssessmentWindow(cohortId, new Date(now - 60 * 60 * 1000), new Date("2099-01-01T08:00:00Z"));
await db.enrollment.create({
  data: {
    cohortId,
    email: learner.email,
    name: learner.name,
    role: "learner",
    userId: learner.id,
    joinedAt: new Date(),
  },
});
const window = await findCohortAssessment(cohortId);
await dontKnowAttempt(userOwner(learner.id), {
  to: "mlops-engineer",
  context: { cohortAssessmentId: window?.id ?? null },
});
const invitee = await db.enrollment.create({
  data: { cohortId, email: inviteeEmail, name: "Maximiliane Oberhauser-Wittgenstein", role: "learner" },
  select: { id: true, email: true, name: true },
});
await inviteEnrollments({ id: cohortId, name: "Spring MLOps bootcamp" }, [invitee], staff);
await sendDueMail();
console.log(cohortId);
