import { env } from "@/env";
import { getAuth } from "@/server/auth/auth";
import { ensureAuthSecret } from "@/server/auth/secret";
import { setAssessmentWindow, findCohortAssessment } from "@/server/cohorts/assessment";
import { createCohort } from "@/server/cohorts/cohorts";
import { inviteEnrollments } from "@/server/cohorts/invitations";
import { db } from "@/server/db";
import { userOwner } from "@/server/identity/owner";
import { sendDueMail } from "@/server/mail-queue";
import { dontKnowAttempt } from "../../factories/people";
import { PASSWORD } from "./accounts";

/**
 * Run by the staff-readability e2e test against the e2e database (tsx, react-server condition):
 *   seed-cohort-progress.ts <staffEmail> <learnerEmail> <inviteeEmail>
 * creates the staff member and the learner as accounts (through the auth API, so the test spends
 * none of the sign-up or sign-in budget the form specs share) and signs both in; makes the staff
 * member staff of a new MLOps cohort with an open assessment window; the learner joined and
 * finished the cohort assessment (real engine, "I don't know" answers); <inviteeEmail> is invited
 * and has not joined. Prints {"cohortId", "staffCookies", "learnerCookies"} (name=value pairs).
 */
const [staffEmail, learnerEmail, inviteeEmail] = process.argv.slice(2);
if (!staffEmail || !learnerEmail || !inviteeEmail)
  throw new Error("usage: seed-cohort-progress.ts <staffEmail> <learnerEmail> <inviteeEmail>");
ensureAuthSecret(env.DATA_DIR);
async function signedIn(name: string, email: string) {
  await getAuth().api.signUpEmail({ body: { name, email, password: PASSWORD }, headers: new Headers() });
  const { headers } = await getAuth().api.signInEmail({
    body: { email, password: PASSWORD },
    headers: new Headers(),
    returnHeaders: true,
  });
  const cookies = headers.getSetCookie().map((line) => line.split(";")[0] ?? "");
  const user = await db.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, email: true, name: true },
  });
  return { user, cookies };
}
const staffSession = await signedIn("Sam Staff", staffEmail);
const learnerSession = await signedIn("Lena Learner", learnerEmail);
const [staff, learner] = [staffSession.user, learnerSession.user];
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
console.log(
  JSON.stringify({ cohortId, staffCookies: staffSession.cookies, learnerCookies: learnerSession.cookies }),
);
