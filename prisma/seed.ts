import { createHash } from "node:crypto";
import { db } from "@/server/db";
import { env } from "@/env";
import { getSkillsGraph } from "@/server/content-loader";
import { databaseTarget, describeTarget, migrateTarget } from "@/server/migrate";
import { nominalParameters } from "@/domain/engine/model";
import { DEMO_MANAGER_EMAIL, DEMO_PASSWORD, seedDemoTeam } from "../scripts/lib/demo-team";
import { DEMO_STAFF_EMAIL, seedDemoCohort } from "../scripts/lib/demo-cohort";
import { clearDemoResponses, DEMO_RESPONSE_ATTEMPTS, seedDemoResponses } from "../scripts/lib/demo-responses";

/**
 * Development data (`npm run db:seed`, plus `-- --demo` for a demo team): one in-progress anonymous attempt (Data Scientist → AI Engineer) with a few
 * answers to real questions from the current content, owned by the fixed token `demo`. Idempotent:
 * re-running replaces the demo attempt. Refuses to run in production.
 */
if (env.NODE_ENV === "production") {
  console.error("db:seed writes demo data and does not run with NODE_ENV=production.");
  process.exit(1);
}
await migrateTarget(databaseTarget(env), { quiet: true });

// --demo: a team of synthetic people whose results come from the real engine (scripts/lib/demo-team.ts).
if (process.argv.includes("--demo")) {
  const started = performance.now();
  const { members } = await seedDemoTeam();
  console.log(
    `Seeded the demo team “Demo: ML platform team” (${members} members, two rounds) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
  console.log(
    `Sign in as ${DEMO_MANAGER_EMAIL} with the password “${DEMO_PASSWORD}” and open Teams → the demo team → Dashboard.`,
  );
  const cohortStarted = performance.now();
  const cohort = await seedDemoCohort();
  console.log(
    `Seeded the demo cohort “Demo: Spring MLOps bootcamp” (${cohort.learners} learners on the roster) in ${((performance.now() - cohortStarted) / 1000).toFixed(1)} s.`,
  );
  console.log(`Sign in as ${DEMO_STAFF_EMAIL} with the same password and open Cohorts → the demo cohort.`);
  // Replacing the demo team and cohort deleted their old attempts, whose demo answers moved into
  // the demo records (response-records.ts): every demo record is replaced here, after that.
  await clearDemoResponses();
  const responsesStarted = performance.now();
  const responses = await seedDemoResponses(DEMO_RESPONSE_ATTEMPTS);
  console.log(
    `Simulated ${responses.attempts} demo quizzes through the engine: ${responses.records} demo response records for the item statistics' demo view (never in live figures or calibration) in ${((performance.now() - responsesStarted) / 1000).toFixed(1)} s.`,
  );
}
const graph = getSkillsGraph();
const DEMO_ID = "demo-attempt";
const tokenHash = createHash("sha256").update("demo").digest("hex");
const questions = ["python", "llm-apis", "retrieval-augmented-generation"].flatMap((skill) =>
  (graph.questionsBySkill.get(skill) ?? []).slice(0, 2),
);

await db.$transaction([
  db.attempt.deleteMany({ where: { id: DEMO_ID } }),
  db.attempt.create({
    data: {
      id: DEMO_ID,
      anonymousTokenHash: tokenHash,
      currentRoleId: "data-scientist",
      targetRoleId: "ai-engineer",
      contentHash: graph.contentHash,
      engineSeed: 1,
      answers: {
        create: questions.map((question, index) => {
          const key = question.options.filter((option) => option.correct).map((option) => option.id);
          // Lower-level items answered correctly, higher-level ones not: a plausible learner.
          const isCorrect = question.level <= 2;
          return {
            questionId: question.id,
            skillId: question.skill,
            chosenOptionIds: JSON.stringify(
              isCorrect ? key : [question.options.find((option) => !option.correct)?.id ?? ""],
            ),
            isCorrect,
            position: index + 1,
            ...nominalParameters(question),
          };
        }),
      },
    },
  }),
]);
console.log(`Seeded ${DEMO_ID} with ${questions.length} answers in ${describeTarget(databaseTarget(env))}.`);
