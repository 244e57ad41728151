import { parseArgs } from "node:util";
import { optionCode } from "@/server/assessment/option-codes";
import { compileContentDir } from "@/server/content-loader";
import { env } from "@/env";

/**
 * tsx --conditions=react-server scripts/lib/profile-http.ts -- --base http://127.0.0.30:3530 --secret S
 * Over HTTP against a running instance (AUTH_SECRET = S, so the client can send option codes): one
 * request at a time, p50/p95 of GET /api/health (what any route handler costs), GET
 * /api/attempts/:id/question and POST /api/attempts/:id/answers with 20 answers stored (the issue's
 * bar). A hand-run profile beside profile-answer.ts: the difference between the two is the framework.
 */
const { values } = parseArgs({
  options: {
    base: { type: "string", default: "http://127.0.0.30:3530" },
    secret: { type: "string" },
    samples: { type: "string", default: "60" },
    "read-ms": { type: "string", default: "20" },
    /** Ask for uncompressed answers (as a client behind a proxy that compresses would). */
    identity: { type: "boolean", default: false },
  },
});
const base = values.base as string;
const secret = values.secret;
if (!secret) throw new Error("--secret (the instance's AUTH_SECRET) is required");
const samples = Number(values.samples);
const readMs = Number(values["read-ms"]);
const compiled = compileContentDir(env.CONTENT_DIR);
if (!compiled.ok) throw new Error("content is invalid");
const graph = compiled.graph;
const roles = graph.roleList.map((role) => role.id);
let turn = 0;

interface Person {
  cookie: string;
  attemptId: string;
  questionId: string | null;
  answered: number;
  lastBody?: string;
}
const encoding: Record<string, string> = values.identity ? { "accept-encoding": "identity" } : {};
const headers = (cookie = "") => ({ "content-type": "application/json", origin: base, cookie, ...encoding });

async function startPerson(): Promise<Person> {
  const response = await fetch(`${base}/api/attempts`, {
    method: "POST",
    headers: headers(),
    body: JSON.stringify({ to: roles[turn++ % roles.length] }),
  });
  if (response.status !== 201) throw new Error(`start failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
  const body = (await response.json()) as { attemptId: string; question: { questionId: string } | null };
  return { cookie, attemptId: body.attemptId, questionId: body.question?.questionId ?? null, answered: 0 };
}

/** The last answer sent again: the route stores nothing and reports where the attempt is (200, the same view). */
async function repeatedAnswer(person: Person): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${base}/api/attempts/${person.attemptId}/answers`, {
    method: "POST",
    headers: headers(person.cookie),
    body: person.lastBody ?? "",
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`expected 200, got ${response.status}`);
  return performance.now() - started;
}

async function answer(person: Person): Promise<number> {
  const question = graph.questions.get(person.questionId ?? "");
  if (!question) throw new Error(`unknown question ${person.questionId}`);
  const right = turn++ % 2 === 0;
  const picked = question.options.filter((option) => (option.correct === true) === right);
  const choice = (right ? picked : picked.slice(0, 1)).map((option) =>
    optionCode(person.attemptId, question.id, option, secret),
  );
  person.lastBody = JSON.stringify({ questionId: question.id, choice });
  const started = performance.now();
  const response = await fetch(`${base}/api/attempts/${person.attemptId}/answers`, {
    method: "POST",
    headers: headers(person.cookie),
    body: person.lastBody,
  });
  const headersAt = performance.now() - started;
  const body = (await response.json()) as { status: string; question?: { questionId: string } };
  const elapsed = performance.now() - started;
  if (person.answered === 20) figures["answerWith20 headers received"]?.push(headersAt);
  if (!response.ok) throw new Error(`answer failed: ${response.status} ${JSON.stringify(body)}`);
  person.answered++;
  person.questionId = body.status === "in_progress" ? (body.question?.questionId ?? null) : null;
  return elapsed;
}

async function timed(url: string, cookie = ""): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie, ...encoding } });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return performance.now() - started;
}

const percentile = (list: number[], p: number) => {
  const sorted = [...list].sort((a, b) => a - b);
  return +(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0).toFixed(2);
};
const figures: Record<string, number[]> = {
  health: [],
  question: [],
  invalidAnswer: [],
  answerWith20: [],
  "health after the pause": [],
  "answer sent again": [],
  "answerWith20 that finished the quiz": [],
  "answerWith20 headers received": [],
};

/** A POST the route refuses before any database work: the floor of a JSON POST through Next. */
async function invalidAnswer(person: Person): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${base}/api/attempts/${person.attemptId}/answers`, {
    method: "POST",
    headers: headers(person.cookie),
    body: JSON.stringify({ unexpected: true }),
  });
  await response.arrayBuffer();
  if (response.status !== 400) throw new Error(`expected 400, got ${response.status}`);
  return performance.now() - started;
}

for (let i = 0; i < 3; i++) {
  const person = await startPerson();
  while (person.questionId && person.answered < 15) await answer(person);
}
while ((figures.answerWith20 as number[]).length < samples) {
  const person = await startPerson();
  while (person.questionId && person.answered < 20) await answer(person);
  if (!person.questionId) continue;
  figures.health?.push(await timed(`${base}/api/health`));
  figures.question?.push(await timed(`${base}/api/attempts/${person.attemptId}/question`, person.cookie));
  figures.invalidAnswer?.push(await invalidAnswer(person));
  // The person reads the question before answering it.
  if (readMs > 0) {
    // The same pause before a cheap request: what waking up after it costs on this machine.
    await new Promise((resolve) => setTimeout(resolve, readMs));
    figures["health after the pause"]?.push(await timed(`${base}/api/health`));
    await new Promise((resolve) => setTimeout(resolve, readMs));
  }
  const elapsed = await answer(person);
  // An answer that ends the quiz also scores it and writes the plan: timed apart.
  (person.questionId ? figures.answerWith20 : figures["answerWith20 that finished the quiz"])?.push(elapsed);
  figures["answer sent again"]?.push(await repeatedAnswer(person));
}
const table = Object.fromEntries(
  Object.entries(figures).map(([name, list]) => [
    name,
    { p50: percentile(list, 50), p95: percentile(list, 95) },
  ]),
);
console.table(table);
console.log(JSON.stringify(table));
