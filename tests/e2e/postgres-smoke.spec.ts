import { expect, test } from "@playwright/test";
import pg from "pg";
import { E2E_ON_POSTGRES, e2eDatabaseUrl } from "./support/postgres";
import { answerUntilResults, startQuiz } from "./support/quiz";

// The one end-to-end journey that also runs on PostgreSQL (npm run test:e2e:pg; decision 011).
// The rest of the suite runs on SQLite, where this is skipped.
test.skip(!E2E_ON_POSTGRES, "runs against PostgreSQL only: npm run test:e2e:pg");

test("on PostgreSQL: start an assessment, answer until the results show, and find them stored there", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await startQuiz(page, "ai-engineer", "data-scientist");
  const answered = await answerUntilResults(page, 3);
  await expect(page.getByRole("heading", { name: /AI Engineer/ }).first()).toBeVisible();
  const attemptId = /\/results\/([\w-]+)/.exec(page.url())?.[1];
  expect(attemptId).toBeTruthy();

  const client = new pg.Client({ connectionString: e2eDatabaseUrl(Number(process.env.E2E_PORT ?? 3100)) });
  await client.connect();
  try {
    const { rows } = await client.query<{ status: string; answers: number; estimates: number }>(
      `SELECT "status",
              (SELECT count(*)::int FROM "Answer" WHERE "attemptId" = $1) AS "answers",
              (SELECT count(*)::int FROM "SkillEstimate" WHERE "attemptId" = $1) AS "estimates"
         FROM "Attempt" WHERE "id" = $1`,
      [attemptId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.status).toBe("completed");
    expect(rows[0]?.answers).toBe(answered);
    expect(rows[0]?.estimates).toBeGreaterThan(0);
  } finally {
    await client.end();
  }
});
