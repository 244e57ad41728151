import { ISSUE_POPULATION, populationSampler } from "./engine-bench/world";
import { DEMO_DOMAIN, signUp, simulateAttempt } from "./demo-team";
import { createRandom } from "@/domain/engine/random";
import { getEngine } from "@/server/assessment/engine";
import { setAssessmentWindow, findCohortAssessment } from "@/server/cohorts/assessment";
import { addRule, applyRules } from "@/server/cohorts/assignments";
import { createCohort } from "@/server/cohorts/cohorts";
import { db } from "@/server/db";

/**
 * `npm run db:seed -- --demo` also seeds a demo cohort (run after seedDemoTeam, which clears the
 * demo accounts): a staff account allowed to create cohorts, ten learners on the roster (eight
 * joined, seven of them finished the cohort assessment through the real engine on simulated
 * answers), two rules applied, and a few assigned modules marked done. Everything is labelled demo.
 */
export const DEMO_STAFF_EMAIL = `staff@${DEMO_DOMAIN}`;
const LEARNERS = ["Iris", "Jon", "Kemi", "Luis", "Mina", "Nico", "Olga", "Pavel", "Quinn", "Rosa"].map(
  (name, index) => ({
    name: `Demo: ${name}`,
    email: `learner-${index + 1}@${DEMO_DOMAIN}`,
    role: ["data-scientist", "data-engineer", "ml-engineer"][index % 3] as string,
  }),
);
const DAY = 24 * 60 * 60 * 1000;

export async function seedDemoCohort(): Promise<{ cohortId: string; learners: number }> {
  await db.cohort.deleteMany({ where: { isDemo: true } });
  const engine = getEngine();
  const random = createRandom(20261130);
  const targetRoleId = "mlops-engineer";
  const staffId = await signUp("Demo: Sasha (staff)", DEMO_STAFF_EMAIL);
  await db.user.update({ where: { id: staffId }, data: { canCreateCohorts: true } });
  const today = new Date();
  const created = await createCohort(
    { id: staffId, email: DEMO_STAFF_EMAIL, name: "Demo: Sasha (staff)" },
    {
      name: "Demo: Spring MLOps bootcamp",
      startsOn: new Date(today.getTime() - 14 * DAY).toISOString().slice(0, 10),
      endsOn: new Date(today.getTime() + 70 * DAY).toISOString().slice(0, 10),
      targetRoleId,
      timeZone: "Europe/Berlin",
    },
    { isDemo: true },
  );
  if (!created.ok) throw new Error("demo cohort could not be created");
  const cohortId = created.cohortId;
  await setAssessmentWindow(
    cohortId,
    new Date(today.getTime() - 10 * DAY),
    new Date(today.getTime() + 4 * DAY),
  );
  const window = await findCohortAssessment(cohortId);
  if (!window) throw new Error("demo window missing");
  const sample = populationSampler(engine.model, engine.graph, ISSUE_POPULATION);

  for (const [index, learner] of LEARNERS.entries()) {
    // The last two are on the roster but never joined (no account).
    const userId = index < 8 ? await signUp(learner.name, learner.email) : null;
    await db.enrollment.create({
      data: {
        cohortId,
        email: learner.email,
        name: learner.name,
        role: "learner",
        userId,
        joinedAt: userId ? new Date() : null,
      },
    });
    if (userId && index < 7)
      await simulateAttempt(
        userId,
        learner.role,
        targetRoleId,
        sample(learner.role, targetRoleId, random).theta,
        { cohortAssessmentId: window.id },
        random,
      );
  }
  await addRule(cohortId, {
    skillId: "ci-cd-ml",
    condition: "belowLevel",
    threshold: 2,
    moduleId: "ci-cd-ml-build-test-push",
    dueDays: 14,
  });
  await addRule(cohortId, {
    skillId: "docker",
    condition: "pMeetsBelow",
    threshold: 0.5,
    moduleId: "docker-dockerfile-and-compose",
    dueDays: 21,
  });
  await applyRules({
    id: cohortId,
    name: "Demo: Spring MLOps bootcamp",
    targetRoleId,
    timeZone: "Europe/Berlin",
  });
  // Every other assignment done, so the dashboard shows completion as well as open work.
  const assignments = await db.assignment.findMany({
    where: { cohortId },
    orderBy: { id: "asc" },
    select: { userId: true, moduleId: true },
  });
  for (const [index, row] of assignments.entries()) {
    if (index % 2 === 0)
      await db.planItem.updateMany({
        where: { moduleId: row.moduleId, plan: { is: { userId: row.userId, targetRoleId } } },
        data: { doneAt: today },
      });
  }
  return { cohortId, learners: LEARNERS.length };
}
