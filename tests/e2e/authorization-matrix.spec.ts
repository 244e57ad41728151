import { expect, test, type APIRequestContext } from "@playwright/test";
import { ROUTE_ROWS, type Actor, type MatrixIds, type Outcome } from "../support/authorization-routes";
import { PASSWORD, uniqueEmail } from "./support/accounts";
import { runInApp } from "./support/run-in-app";

/**
 * Every page and route handler × {anonymous, other user, owner} over real HTTP (the rows live in
 * tests/support/authorization-routes.ts; a vitest test fails when a route has no row).
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE = `http://127.0.0.1:${PORT}`;

async function answerUntilDone(
  owner: APIRequestContext,
  attemptId: string,
  first: { questionId: string },
): Promise<void> {
  let question: { questionId: string } | undefined = first;
  for (let count = 0; question && count < 40; count++) {
    const response = await owner.post(`/api/attempts/${attemptId}/answers`, {
      data: { questionId: question.questionId, dontKnow: true },
    });
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { status: string; question?: { questionId: string } };
    question = body.status === "completed" ? undefined : body.question;
  }
  expect(question).toBeUndefined();
}

async function signedInContext(
  playwright: { request: { newContext: (options: object) => Promise<APIRequestContext> } },
  email = uniqueEmail("matrix"),
): Promise<APIRequestContext> {
  const context = await playwright.request.newContext({ baseURL: BASE, extraHTTPHeaders: { origin: BASE } });
  const response = await context.post("/api/account/sign-up", {
    data: { name: "Matrix", email, password: PASSWORD },
  });
  expect(response.status()).toBe(201);
  return context;
}

function matches(outcome: Outcome, status: number, location: string | undefined): boolean {
  if (outcome === "sign-in") return status === 307 && /^\/sign-in\?next=/.test(location ?? "");
  if (outcome === "redirect") return status === 307 || status === 303;
  return status === outcome;
}

test("every route answers each actor as the matrix says", async ({ playwright }) => {
  test.setTimeout(240_000);
  const ownerEmail = uniqueEmail("matrix-owner");
  const otherEmail = uniqueEmail("matrix-other-staff");
  const learnerEmail = uniqueEmail("matrix-learner");
  const contexts: Record<Actor, APIRequestContext> = {
    anonymous: await playwright.request.newContext({ baseURL: BASE, extraHTTPHeaders: { origin: BASE } }),
    other: await signedInContext(playwright, otherEmail),
    owner: await signedInContext(playwright, ownerEmail),
  };
  const team = JSON.parse(runInApp("seed-team-fixture.ts", [ownerEmail])) as {
    teamId: string;
    teamJoinToken: string;
  };
  runInApp("grant-admin.ts", [ownerEmail]);
  const learner = await signedInContext(playwright, learnerEmail);
  const cohort = JSON.parse(runInApp("seed-cohort-fixture.ts", [ownerEmail, otherEmail, learnerEmail])) as {
    cohortId: string;
    cohortJoinToken: string;
  };
  const owner = contexts.owner;
  const start = async () => {
    const response = await owner.post("/api/attempts", {
      data: { from: "data-scientist", to: "ai-engineer", budget: 15 },
    });
    expect(response.status()).toBe(201);
    return (await response.json()) as { attemptId: string; question: { questionId: string } };
  };
  const completed = await start();
  await answerUntilDone(owner, completed.attemptId, completed.question);
  const inProgress = await start();
  const results = await (await owner.get(`/results/${completed.attemptId}`)).text();
  const planId = /href="\/plan\/([A-Za-z0-9_-]+)"/.exec(results)?.[1];
  expect(planId, "the results page links to the plan").toBeTruthy();
  const share = (await (
    await owner.post("/api/share", { data: { kind: "plan", targetId: planId } })
  ).json()) as { linkId: string; url: string };
  const ids: MatrixIds = {
    inProgressAttemptId: inProgress.attemptId,
    completedAttemptId: completed.attemptId,
    planId: planId as string,
    shareToken: share.url.split("/").at(-1) as string,
    shareLinkId: share.linkId,
    teamId: team.teamId,
    teamJoinToken: team.teamJoinToken,
    cohortId: cohort.cohortId,
    cohortJoinToken: cohort.cohortJoinToken,
  };

  const failures: string[] = [];
  for (const row of ROUTE_ROWS) {
    const [method] = row.route.split(" ");
    for (const actor of ["anonymous", "other", "owner"] as const) {
      const response = await contexts[actor].fetch(row.path(ids), {
        method,
        maxRedirects: 0,
        ...(row.body ? { data: row.body(ids) } : {}),
      });
      const expected = row.expect[actor];
      if (!matches(expected, response.status(), response.headers().location))
        failures.push(`${row.route} as ${actor}: expected ${expected}, got ${response.status()}`);
      // The other user's export must hold nothing of the owner's.
      if (
        row.route === "GET /api/account/export" &&
        actor === "other" &&
        (await response.text()).includes(ids.completedAttemptId)
      )
        failures.push("the other user's export contains the owner's attempt");
    }
    if (row.learner !== undefined) {
      const response = await learner.fetch(row.path(ids), {
        method,
        maxRedirects: 0,
        ...(row.body ? { data: row.body(ids) } : {}),
      });
      if (!matches(row.learner, response.status(), response.headers().location))
        failures.push(`${row.route} as learner: expected ${row.learner}, got ${response.status()}`);
    }
  }
  expect(failures).toEqual([]);
  for (const context of [...Object.values(contexts), learner]) await context.dispose();
});
