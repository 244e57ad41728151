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
  },
});
const base = values.base as string;
const secret = values.secret;
if (!secret) throw new Error("--secret (the instance's AUTH_SECRET) is required");
const samples = Number(values.samples);
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
}
const headers = (cookie = "") => ({ "content-type": "application/json", origin: base, cookie });

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

async function answer(person: Person): Promise<number> {
  const question = graph.questions.get(person.questionId ?? "");
  if (!question) throw new Error(`unknown question ${person.questionId}`);
  const right = turn++ % 2 === 0;
  const picked = question.options.filter((option) => (option.correct === true) === right);
  const choice = (right ? picked : picked.slice(0, 1)).map((option) =>
    optionCode(person.attemptId, question.id, option, secret),
  );
  const started = performance.now();
  const response = await fetch(`${base}/api/attempts/${person.attemptId}/answers`, {
    method: "POST",
    headers: headers(person.cookie),
    body: JSON.stringify({ questionId: question.id, choice }),
  });
  const body = (await response.json()) as { status: string; question?: { questionId: string } };
  const elapsed = performance.now() - started;
  if (!response.ok) throw new Error(`answer failed: ${response.status} ${JSON.stringify(body)}`);
  person.answered++;
  person.questionId = body.status === "in_progress" ? (body.question?.questionId ?? null) : null;
  return elapsed;
}

async function timed(url: string, cookie = ""): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return performance.now() - started;
}

const percentile = (list: number[], p: number) => {
  const sorted = [...list].sort((a, b) => a - b);
  return +(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0).toFixed(2);
};
const figures: Record<string, number[]> = { health: [], question: [], answerWith20: [] };

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
  // The person reads the question before answering it.
  await new Promise((resolve) => setTimeout(resolve, 20));
  figures.answerWith20?.push(await answer(person));
}
const table = Object.fromEntries(
  Object.entries(figures).map(([name, list]) => [
    name,
    { p50: percentile(list, 50), p95: percentile(list, 95) },
  ]),
);
console.table(table);
console.log(JSON.stringify(table));
