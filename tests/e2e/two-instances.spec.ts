import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { E2E_ON_POSTGRES, e2eDatabaseUrl } from "./support/postgres";
import { PORT, rawRequest } from "./support/raw-http";

// Two instances on one PostgreSQL database (npm run test:e2e:pg): the one Playwright
// starts (npm start) and a second started here from the same build, database, auth secret and
// data directory on another port, itself running two workers (WEB_CONCURRENCY=2). Whatever they
// must agree on is in the database: rate-limit counters, sessions and anonymous owners, attempts.
test.skip(!E2E_ON_POSTGRES, "runs against PostgreSQL only: npm run test:e2e:pg");
test.describe.configure({ mode: "serial" });

const SECOND_PORT = Number(process.env.E2E_SECOND_PORT ?? PORT + 1);
const FIRST = `http://127.0.0.1:${PORT}`;
const SECOND = `http://127.0.0.1:${SECOND_PORT}`;
// A client address of this spec's own, so the flood spends no other spec's sign-in budget.
const FLOOD_FROM = "127.0.0.22";
const SIGN_IN_LIMIT = 20; // RATE_RULES.signInPerAddress

let second: ChildProcess | undefined;
let secondLog = "";
const database = () => new pg.Client({ connectionString: e2eDatabaseUrl(PORT) });

test.beforeAll(async () => {
  if (!E2E_ON_POSTGRES) return;
  test.setTimeout(180_000);
  second = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(SECOND_PORT),
      HOST: "127.0.0.1",
      APP_URL: SECOND,
      DATABASE_URL: e2eDatabaseUrl(PORT),
      DATA_DIR: "tests/.tmp/e2e/data",
      WEB_CONCURRENCY: "2",
    },
  });
  second.stdout?.on("data", (chunk: Buffer) => (secondLog += chunk.toString()));
  second.stderr?.on("data", (chunk: Buffer) => (secondLog += chunk.toString()));
  // Both workers listening: each logs its own line.
  await expect
    .poll(() => secondLog.match(/Waypoint listening on/g)?.length ?? 0, { timeout: 150_000 })
    .toBe(2);
  await expect.poll(async () => (await fetch(`${SECOND}/api/health`)).status, { timeout: 30_000 }).toBe(200);
});

test.afterAll(async () => {
  if (!second || second.exitCode !== null) return;
  const exited = new Promise((resolve) => second?.on("exit", resolve));
  second.kill("SIGTERM");
  await exited;
});

test("a sign-in flood from one address, split across both instances, is refused at one instance's limit", async () => {
  const statuses: number[] = [];
  for (let index = 0; index < SIGN_IN_LIMIT + 6; index++) {
    const port = index % 2 === 0 ? PORT : SECOND_PORT;
    const origin = `http://127.0.0.1:${port}`;
    const answer = await rawRequest({
      path: "/api/account/sign-in",
      port,
      localAddress: FLOOD_FROM,
      headers: { host: `127.0.0.1:${port}`, origin, "content-type": "application/json" },
      // A new account each time, so the per-account limit is not what trips.
      body: JSON.stringify({
        email: `flood-${randomUUID().slice(0, 8)}@example.com`,
        password: "wrong but long password",
      }),
    });
    statuses.push(answer.status);
    if (answer.status === 429) expect(Number(answer.headers["retry-after"])).toBeGreaterThan(0);
  }
  expect(statuses.slice(0, SIGN_IN_LIMIT)).toEqual(Array(SIGN_IN_LIMIT).fill(401));
  // Refused from the 21st on, on both instances alike.
  expect(statuses.slice(SIGN_IN_LIMIT)).toEqual(Array(6).fill(429));
});

interface QuestionAnswer {
  status: "in_progress" | "completed";
  question?: { questionId: string; options: { id: string }[]; answered: number };
  resultsUrl?: string;
}

async function answer(api: APIRequestContext, base: string, attemptId: string, questionId: string) {
  const response = await api.post(`${base}/api/attempts/${attemptId}/answers`, {
    data: { questionId, dontKnow: true },
    headers: { origin: base },
  });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as QuestionAnswer;
}

async function answerRows(attemptId: string): Promise<number> {
  const client = database();
  await client.connect();
  try {
    const { rows } = await client.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM "Answer" WHERE "attemptId" = $1`,
      [attemptId],
    );
    return rows[0]?.count ?? -1;
  } finally {
    await client.end();
  }
}

test("an attempt started on one instance continues on the other, and one answer sent to both at once is stored once", async () => {
  test.setTimeout(120_000);
  // One browser-like client: its anonymous owner cookie (set by instance 1) goes to both ports.
  const api = await playwrightRequest.newContext();
  try {
    const started = await api.post(`${FIRST}/api/attempts`, {
      data: { from: "data-scientist", to: "ai-engineer", budget: 15 },
      headers: { origin: FIRST },
    });
    expect(started.status()).toBe(201);
    const { attemptId, question } = (await started.json()) as {
      attemptId: string;
      question: { questionId: string };
    };

    // Instance 2 knows the attempt and shows the same question.
    const shown = await api.get(`${SECOND}/api/attempts/${attemptId}/question`);
    expect(shown.status()).toBe(200);
    expect(((await shown.json()) as QuestionAnswer).question?.questionId).toBe(question.questionId);

    // The first answer, sent to both instances at the same moment: stored once, both agree.
    const [one, two] = await Promise.all([
      answer(api, FIRST, attemptId, question.questionId),
      answer(api, SECOND, attemptId, question.questionId),
    ]);
    expect(await answerRows(attemptId)).toBe(1);
    expect(one.status).toBe("in_progress");
    expect(two.status).toBe("in_progress");
    expect(two.question?.questionId).toBe(one.question?.questionId);
    expect(one.question?.answered).toBe(1);
    expect(two.question?.answered).toBe(1);

    // The rest alternates between the instances until the results are in.
    let current = one;
    let answered = 1;
    for (let turn = 0; current.status === "in_progress" && turn < 40; turn++) {
      const base = turn % 2 === 0 ? SECOND : FIRST;
      current = await answer(api, base, attemptId, current.question?.questionId ?? "");
      answered += 1;
      if (current.status === "in_progress") expect(current.question?.answered).toBe(answered);
    }
    expect(current).toEqual({ status: "completed", resultsUrl: `/results/${attemptId}` });
    expect(await answerRows(attemptId)).toBe(answered);

    // Finished on the two of them, readable on the first.
    const results = await api.get(`${FIRST}/results/${attemptId}`);
    expect(results.status()).toBe(200);
    expect(await results.text()).toContain("AI Engineer");
  } finally {
    await api.dispose();
  }
});
