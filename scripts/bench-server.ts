import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { createRandom } from "@/domain/engine/random";
import { env } from "@/env";
import { optionCode } from "@/server/assessment/option-codes";
import { compileContentDir } from "@/server/content-loader";
import { startBenchInstance } from "./lib/bench-instance";

/**
 * npm run bench:server [-- --port 3400 --seconds 20 --rate 62]
 * The quiz's data-path bars (docs/decisions/005-quiz-data-path.md), measured over HTTP against
 * `next start` (via npm start, which builds when needed) on a fresh database:
 *  1. submit-answer-and-get-next p95 < 50 ms for attempts that already hold 20 answers;
 *  2. an open-loop load of answer submissions from concurrent attempts sustains ≥ 60/s with
 *     p95 < 250 ms, and the database holds exactly one row per acknowledged answer.
 */
const { values } = parseArgs({
  options: {
    port: { type: "string", default: "3400" },
    seconds: { type: "string", default: "20" },
    rate: { type: "string", default: "62" },
  },
});
const port = Number(values.port);
const seconds = Number(values.seconds);
const rate = Number(values.rate);
const base = `http://127.0.0.1:${port}`;
const dbPath = path.resolve("tests/.tmp/bench-server/waypoint.db");
fs.rmSync(path.dirname(dbPath), { recursive: true, force: true });
fs.mkdirSync(path.dirname(dbPath), { recursive: true });

const compiled = compileContentDir(env.CONTENT_DIR);
if (!compiled.ok) throw new Error("content is invalid; run npm run content:check");
const graph = compiled.graph;
const random = createRandom(7);
const roles = graph.roleList.map((role) => role.id);

// The benchmark knows the instance's secret so that it can answer with the option codes a person
// who knew the key would click (the server takes codes, never content ids).
const secret = randomBytes(32).toString("base64url");
const instance = startBenchInstance(port, {
  DATABASE_PATH: dbPath,
  DATA_DIR: path.dirname(dbPath),
  AUTH_SECRET: secret,
  WAYPOINT_RATE_LIMIT_SCALE: "1000",
});

interface Question {
  questionId: string;
}
interface Person {
  cookie: string;
  attemptId: string;
  question: Question | null;
  answered: number;
}

async function startPerson(): Promise<Person> {
  let from = roles[Math.floor(random.next() * roles.length)] as string;
  const to = roles[Math.floor(random.next() * roles.length)] as string;
  if (from === to) from = "";
  const response = await fetch(`${base}/api/attempts`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ from, to }),
  });
  if (response.status !== 201) throw new Error(`start failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
  const body = (await response.json()) as { attemptId: string; question: Question | null };
  return { cookie, attemptId: body.attemptId, question: body.question, answered: 0 };
}

/** Answers like someone near the cut: right about half the time, sometimes "I don't know". */
function answerFor(attemptId: string, question: Question) {
  const content = graph.questions.get(question.questionId);
  if (!content) throw new Error(`unknown question ${question.questionId}`);
  const roll = random.next();
  if (roll < 0.1) return { questionId: question.questionId, dontKnow: true };
  const code = (option: (typeof content.options)[number]) =>
    optionCode(attemptId, content.id, option, secret);
  const key = content.options.filter((option) => option.correct).map(code);
  const wrong = content.options.find((option) => !option.correct);
  return { questionId: question.questionId, choice: roll < 0.55 || !wrong ? key : [code(wrong)] };
}

let acknowledged = 0;
async function submit(person: Person): Promise<number> {
  if (!person.question) throw new Error("no question to answer");
  const started = performance.now();
  const response = await fetch(`${base}/api/attempts/${person.attemptId}/answers`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, cookie: person.cookie },
    body: JSON.stringify(answerFor(person.attemptId, person.question)),
  });
  const elapsed = performance.now() - started;
  if (!response.ok) throw new Error(`answer failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { status: string; question?: Question };
  acknowledged++;
  person.answered++;
  person.question = body.status === "in_progress" ? (body.question ?? null) : null;
  return elapsed;
}

const percentile = (samples: number[], p: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

await instance.waitForHealth();

// Warm-up: the first requests pay for JIT compilation and route loading, not for steady state.
for (let i = 0; i < 3; i++) {
  const person = await startPerson();
  while (person.question && person.answered < 15) await submit(person);
}

// 1. Latency with 20 answers already stored.
const warm: number[] = [];
while (warm.length < 60) {
  const person = await startPerson();
  while (person.question && person.answered < 20) await submit(person);
  while (person.question && warm.length < 60 && person.answered < 26) warm.push(await submit(person));
}
const warmP95 = percentile(warm, 95);

// 2. Open-loop load: a submission is due every 1/rate s and goes to an idle attempt.
const loadLatencies: number[] = [];
const pool: Person[] = await Promise.all(Array.from({ length: 40 }, () => startPerson()));
const busy = new Set<Person>();
let missed = 0;
let failures = 0;
const inFlight: Promise<void>[] = [];
const loadStart = performance.now();
const due = Math.round(seconds * rate);
for (let index = 0; index < due; index++) {
  const wait = loadStart + (index * 1000) / rate - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const person = pool.find((candidate) => !busy.has(candidate) && candidate.question);
  if (!person) {
    missed++;
    continue;
  }
  busy.add(person);
  inFlight.push(
    submit(person)
      .then(async (elapsed) => {
        loadLatencies.push(elapsed);
        if (!person.question) Object.assign(person, await startPerson());
      })
      .catch(() => void failures++)
      .finally(() => busy.delete(person)),
  );
}
await Promise.all(inFlight);
const loadSeconds = (performance.now() - loadStart) / 1000;
const sustained = loadLatencies.length / loadSeconds;
const loadP95 = percentile(loadLatencies, 95);

const sqlite = new Database(dbPath, { readonly: true });
const rows = (sqlite.prepare("SELECT COUNT(*) AS n FROM Answer").get() as { n: number }).n;
sqlite.close();
instance.stop();

console.log(
  `submit-and-next with 20 answers stored: p50 ${percentile(warm, 50).toFixed(1)} ms, p95 ${warmP95.toFixed(1)} ms over ${warm.length} (bar p95 < 50 ms)`,
);
console.log(
  `load: ${loadLatencies.length} answers in ${loadSeconds.toFixed(1)} s = ${sustained.toFixed(1)}/s (bar ≥ 60/s); p95 ${loadP95.toFixed(1)} ms (bar < 250 ms); no idle attempt ${missed}×, failed ${failures}`,
);
console.log(`answer rows ${rows}, acknowledged ${acknowledged} (bar: equal)`);
const pass = warmP95 < 50 && sustained >= 60 && loadP95 < 250 && failures === 0 && rows === acknowledged;
console.log(pass ? "PASS" : "FAIL");
process.exit(pass ? 0 : 1);
