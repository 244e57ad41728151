import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { createRandom } from "@/domain/engine/random";
import { env } from "@/env";
import { compileContentDir } from "@/server/content-loader";
import { createAnswerer, percentile } from "./lib/bench-answerer";
import { createBenchDatabase, type BenchDatabase, type BenchProvider } from "./lib/bench-databases";
import { startBenchInstance, type BenchInstance } from "./lib/bench-instance";

/**
 * npm run bench:server -- [--db sqlite|postgres] [--workers N] [--json] [--smoke] [--seconds S] [--port P]
 *
 * The scale-out bars for the answer path and for serving (README, "Measured"), each measured on fresh throw-away
 * databases of the chosen provider (PostgreSQL: created on BENCH_DATABASE_URL's server, default the
 * local one over its Unix socket, and dropped at the end), against `npm start` instances (which
 * build when needed) on ports P… (default 3400), bench client on the same machine:
 *  - inProcess: submitAnswer, the function POST /api/attempts/:id/answers calls, for attempts
 *    holding 25 answers: p95 warm (120 attempts answered in the same process) and p95 after a
 *    restart (8 fresh processes, 15 timed answers each; the first answer each gives on an attempt,
 *    once warmed up on others: scripts/lib/bench-answer-path.ts). A p95 over about 120 samples:
 *    over 60 the third-largest value decided it, and quiet runs of one commit ranged 3.8–6.6 ms;
 *  - http: one worker, the answer to an attempt holding 20 answers, one request at a time, 200
 *    attempts, timed once the look-ahead their preparation queued has run;
 *  - capacity: `--workers N` (default 2, WEB_CONCURRENCY), open-loop answers (each due on a
 *    clock and sent to an attempt not waiting for an answer), SECONDS at each offered rate, rising
 *    until p95 passes its bar; the highest rate achieved below it;
 *  - burst: the same instance offered a burst well over capacity: acknowledged (2xx) within the
 *    deadline, refused with 503 + Retry-After (and 503 without it, counted apart), other errors;
 *  - twoInstances (--db postgres only): two instances on one database with the same secret and
 *    data directory, answers spread over both (an attempt moves between them, some answers sent
 *    to both at once), and whether a sign-in flood split over both is refused at the limit one
 *    instance enforces (measured first on one instance from another client address). They run
 *    with the normal rate limits; every other instance with WAYPOINT_RATE_LIMIT_SCALE=1000 so the
 *    benchmark's single client address is not refused.
 * Every section checks that the Answer table gained exactly one row per acknowledged answer.
 *
 * Output: a line or two per section as it finishes, then one JSON line last (the figures, every
 * capacity step, a pass flag per bar and `pass`). With --json the human lines go to stderr, so
 * stdout is the JSON line alone (`npm run -s` also drops npm's banner). Exit 1 when a bar is missed.
 * --smoke: a few seconds per section at small rates (CI): timings are printed but do not gate; exit
 * 1 only on lost or doubled answers (rows != acknowledged) or errors other than 503.
 * --seconds S: seconds per capacity step instead of the 60 the bars are defined with (a full run
 * with another value is reported, but is not the bars' method).
 */

/** The bars and the method they are defined with, in one place; everything else derives from these. */
const BARS = {
  inProcessWarmP95Ms: 2,
  inProcessAfterRestartP95Ms: 6,
  httpP95Ms: 10,
  capacityAnswersPerSecond: 200,
  capacityP95Ms: 150,
  burstAcknowledgedShare: 0.95,
};
const FULL = {
  inProcess: { stored: 25, warmSamples: 120, restartProcesses: 8, restartWarmup: 30, restartSamples: 15 },
  http: { stored: 20, samples: 200, settleMs: 2000 },
  capacity: { firstRate: 100, step: 50, lastRate: 600, seconds: 60, p95StopMs: BARS.capacityP95Ms },
  burst: { rate: 400, seconds: 10, acknowledgeWithinMs: 30_000 },
  twoInstances: { people: 20, answersEach: 12 },
};
const SMOKE: typeof FULL = {
  inProcess: { stored: 25, warmSamples: 8, restartProcesses: 1, restartWarmup: 2, restartSamples: 3 },
  http: { stored: 20, samples: 8, settleMs: 500 },
  capacity: { firstRate: 40, step: 40, lastRate: 40, seconds: 4, p95StopMs: BARS.capacityP95Ms },
  burst: { rate: 80, seconds: 3, acknowledgeWithinMs: 30_000 },
  twoInstances: { people: 6, answersEach: 8 },
};
/** Load sections raise every limit (one client address sends everything); twoInstances does not. */
const LOAD_RATE_LIMIT_SCALE = "1000";
/** The address the single-instance sign-in flood comes from (the split flood uses 127.0.0.1). */
const REFERENCE_CLIENT_ADDRESS = "127.0.0.31";
/** Give up on a request after this long (counted as an error). */
const REQUEST_TIMEOUT_MS = 120_000;

const USAGE =
  "usage: npm run bench:server -- [--db sqlite|postgres] [--workers N] [--json] [--smoke] [--seconds S] [--port P]";
function usage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}
let parsed;
try {
  parsed = parseArgs({
    options: {
      db: { type: "string", default: "sqlite" },
      workers: { type: "string", default: "2" },
      json: { type: "boolean", default: false },
      smoke: { type: "boolean", default: false },
      seconds: { type: "string" },
      port: { type: "string", default: "3400" },
    },
  }).values;
} catch (error) {
  usage(error instanceof Error ? error.message : String(error));
}
const provider = parsed.db as BenchProvider;
if (provider !== "sqlite" && provider !== "postgres")
  usage(`--db must be sqlite or postgres, not "${parsed.db}"`);
const workers = Number(parsed.workers);
if (!Number.isInteger(workers) || workers < 1 || workers > 64)
  usage("--workers must be a whole number from 1 to 64");
const port = Number(parsed.port);
if (!Number.isInteger(port) || port < 1 || port > 65532)
  usage("--port must be a port number (P to P+3 are used)");
const smoke = parsed.smoke;
const method = structuredClone(smoke ? SMOKE : FULL);
if (parsed.seconds !== undefined) {
  const seconds = Number(parsed.seconds);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600)
    usage("--seconds must be a number of seconds (0–600]");
  method.capacity.seconds = seconds;
}
/** Human lines: stdout, or stderr with --json so stdout carries the JSON line alone. */
const say = (line: string) => (parsed.json ? console.error(line) : console.log(line));
const ms = (value: number | null) => (value === null ? "–" : `${value.toFixed(1)} ms`);

const compiled = compileContentDir(env.CONTENT_DIR);
if (!compiled.ok) usage("content is invalid; run npm run content:check");
const graph = compiled.graph;
const roles = graph.roleList.map((role) => role.id);
const random = createRandom(7);
// The benchmark knows the instances' secret so that it can answer with the option codes a person
// who knew the key would click (the server takes codes, never content ids).
const secret = randomBytes(32).toString("base64url");
const answerFor = createAnswerer(graph, random, secret);

const workDir = path.resolve(`tests/.tmp/bench-server-${port}`);
fs.rmSync(workDir, { recursive: true, force: true });
fs.mkdirSync(workDir, { recursive: true });
// One data directory for every instance: the quiz-length estimate is made once, and the two
// instances share it as two instances of one deployment would.
const dataDir = path.join(workDir, "data");
const databases: BenchDatabase[] = [];
const instances: BenchInstance[] = [];
async function newDatabase(label: string): Promise<BenchDatabase> {
  const database = await createBenchDatabase(provider, `bench_server_${process.pid}_${label}`, workDir);
  databases.push(database);
  return database;
}
async function cleanUp() {
  await Promise.all(instances.splice(0).map((instance) => instance.stop()));
  for (const database of databases.splice(0)) await database.drop().catch(() => undefined);
}
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => void cleanUp().finally(() => process.exit(130)));

async function startInstance(offset: number, database: BenchDatabase, extra: Record<string, string>) {
  const instance = startBenchInstance(port + offset, {
    ...database.env,
    DATA_DIR: dataDir,
    AUTH_SECRET: secret,
    ...extra,
  });
  instances.push(instance);
  await instance.waitForHealth();
  return instance;
}
async function stopInstance(instance: BenchInstance) {
  instances.splice(instances.indexOf(instance), 1);
  await instance.stop();
}

// ---- HTTP clients ---------------------------------------------------------------------------

interface Person {
  cookie: string;
  attemptId: string;
  questionId: string | null;
  answered: number;
}
type Outcome =
  | { kind: "ok"; elapsed: number }
  | { kind: "refused"; elapsed: number; retryAfter: boolean }
  | { kind: "error"; elapsed: number; message: string };

interface QuestionBody {
  questionId: string;
}

class StartRefused extends Error {
  constructor(
    readonly status: number,
    readonly retryAfter: boolean,
    body: string,
  ) {
    super(`start failed: ${status} ${body.slice(0, 200)}`);
  }
}

/** Every 2xx reply to an answer so far (a section compares its share with the rows it added). */
let acknowledgedAnswers = 0;

async function startPerson(base: string): Promise<Person> {
  let from = roles[Math.floor(random.next() * roles.length)] as string;
  const to = roles[Math.floor(random.next() * roles.length)] as string;
  if (from === to) from = "";
  const response = await fetch(`${base}/api/attempts`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ from, to, budget: 30 }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (response.status !== 201)
    throw new StartRefused(response.status, response.headers.has("retry-after"), await response.text());
  const cookie = (response.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
  const body = (await response.json()) as { attemptId: string; question: QuestionBody | null };
  return { cookie, attemptId: body.attemptId, questionId: body.question?.questionId ?? null, answered: 0 };
}

/** Starts `count` people, a few at a time. */
async function startPeople(base: string | (() => string), count: number, concurrency = 6): Promise<Person[]> {
  const people: Person[] = [];
  const next = () => (typeof base === "string" ? base : base());
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (people.length < count) {
        people.push({} as Person);
        Object.assign(people[people.length - 1] as Person, await startPerson(next()));
      }
    }),
  );
  return people;
}

/** Why fetch failed: undici's code (e.g. UND_ERR_CONNECT_TIMEOUT, ECONNRESET), not just "fetch failed". */
function networkCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? String(error);
}

/** Sends the answer to the person's current question to `base`; moves the person on when acknowledged. */
async function submit(
  person: Person,
  base: string,
  answer = answerFor(person.attemptId, person.questionId ?? ""),
) {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  let response: Response;
  try {
    response = await fetch(`${base}/api/attempts/${person.attemptId}/answers`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base, cookie: person.cookie },
      body: JSON.stringify(answer),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    return {
      kind: "error",
      elapsed: elapsed(),
      message: `network: ${networkCause(error)}`,
    } satisfies Outcome;
  }
  if (response.status === 503) {
    await response.body?.cancel();
    return {
      kind: "refused",
      elapsed: elapsed(),
      retryAfter: response.headers.has("retry-after"),
    } satisfies Outcome;
  }
  if (!response.ok)
    return {
      kind: "error",
      elapsed: elapsed(),
      message: `${response.status} ${(await response.text()).slice(0, 200)}`,
    } satisfies Outcome;
  const body = (await response.json()) as { status: string; question?: QuestionBody };
  const done = elapsed();
  acknowledgedAnswers++;
  person.answered++;
  person.questionId = body.status === "in_progress" ? (body.question?.questionId ?? null) : null;
  return { kind: "ok", elapsed: done } satisfies Outcome;
}

interface LoadRun {
  /** Answers due (rate × seconds). */
  due: number;
  offeredPerSecond: number;
  sent: number;
  /** Due, but every attempt was waiting for an answer: counted as offered and not acknowledged. */
  unsent: number;
  acknowledged: number;
  acknowledgedWithinDeadline: number;
  /**
   * Answers acknowledged per second of the schedule: those whose reply came before the schedule's
   * end plus the capacity step's latency bar (150 ms), over its `seconds`. Not acknowledged ÷ the
   * time until the last reply: that adds the last reply's latency to every step, so a step served
   * in full at 200/s measured 199.99/s and could never meet a bar of 200/s.
   */
  achievedPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  refusedWithRetryAfter: number;
  refusedWithoutRetryAfter: number;
  errors: number;
  /** How many errors of each kind (status and body start, or the network cause). */
  errorKinds: Record<string, number>;
  /** Starts of attempts replacing finished ones refused with 503 + Retry-After. */
  startsRefused: number;
  seconds: number;
  rows: number;
}

/**
 * Open loop: answer number i is due at start + i/rate, whatever happened to the ones before; it
 * goes to an attempt that is not waiting for a reply (a finished attempt is replaced by a new one).
 * Returns once every reply is in; rows is what the Answer table gained meanwhile.
 */
async function openLoop(
  base: () => string,
  pool: Person[],
  rate: number,
  seconds: number,
  database: BenchDatabase,
  deadlineMs = Infinity,
): Promise<LoadRun> {
  const rowsBefore = await database.countAnswers();
  const idle = pool.filter((person) => person.questionId);
  const latencies: number[] = [];
  const errorKinds: Record<string, number> = {};
  const tally = (kind: string) => (errorKinds[kind] = (errorKinds[kind] ?? 0) + 1);
  const run = { sent: 0, unsent: 0, within: 0, withRetry: 0, withoutRetry: 0, errors: 0, startsRefused: 0 };
  const inFlight: Promise<void>[] = [];
  const due = Math.round(seconds * rate);
  const start = performance.now();
  const windowEnd = start + seconds * 1000 + BARS.capacityP95Ms;
  let acknowledgedInWindow = 0;
  for (let index = 0; index < due; index++) {
    const wait = start + (index * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    const person = idle.pop();
    if (!person) {
      run.unsent++;
      continue;
    }
    run.sent++;
    inFlight.push(
      submit(person, base()).then(async (outcome) => {
        if (outcome.kind === "ok") {
          latencies.push(outcome.elapsed);
          if (performance.now() <= windowEnd) acknowledgedInWindow++;
          if (outcome.elapsed <= deadlineMs) run.within++;
        } else if (outcome.kind === "refused") {
          if (outcome.retryAfter) run.withRetry++;
          else run.withoutRetry++;
        } else {
          run.errors++;
          tally(outcome.message);
        }
        if (!person.questionId && outcome.kind === "ok") {
          // A new attempt replaces a finished one; under overload its start may be refused too.
          const replacement = await startPerson(base()).catch((error: unknown) => {
            if (error instanceof StartRefused && error.status === 503 && error.retryAfter)
              run.startsRefused++;
            else {
              run.errors++;
              tally(`start: ${error instanceof StartRefused ? error.message : networkCause(error)}`);
            }
            return null;
          });
          if (!replacement) return;
          pool[pool.indexOf(person)] = replacement;
          idle.unshift(replacement);
        } else idle.unshift(person);
      }),
    );
  }
  await Promise.all(inFlight);
  const elapsedSeconds = (performance.now() - start) / 1000;
  const rows = (await database.countAnswers()) - rowsBefore;
  return {
    due,
    offeredPerSecond: rate,
    sent: run.sent,
    unsent: run.unsent,
    acknowledged: latencies.length,
    acknowledgedWithinDeadline: run.within,
    achievedPerSecond: acknowledgedInWindow / seconds,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    refusedWithRetryAfter: run.withRetry,
    refusedWithoutRetryAfter: run.withoutRetry,
    errors: run.errors,
    errorKinds,
    startsRefused: run.startsRefused,
    seconds: elapsedSeconds,
    rows,
  };
}

/** Tops the pool up to `size` people with an open question. */
async function topUp(pool: Person[], base: () => string, size: number) {
  for (let index = pool.length - 1; index >= 0; index--) if (!pool[index]?.questionId) pool.splice(index, 1);
  if (pool.length < size) pool.push(...(await startPeople(base, size - pool.length, 12)));
}

// ---- Sections ---------------------------------------------------------------------------------

function runChild(mode: "warm" | "restart", plan: object, database: BenchDatabase): Promise<unknown> {
  const planFile = path.join(workDir, `${mode}-${randomBytes(4).toString("hex")}.json`);
  const out = `${planFile}.out`;
  fs.writeFileSync(planFile, JSON.stringify({ ...plan, out }));
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.resolve("node_modules/.bin/tsx"),
      ["--conditions=react-server", "scripts/lib/bench-answer-path.ts", mode, planFile],
      {
        env: {
          ...process.env,
          ...database.env,
          DATA_DIR: dataDir,
          AUTH_SECRET: secret,
          NODE_ENV: "production",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let log = "";
    child.stdout.on("data", (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
    child.stderr.on("data", (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve(JSON.parse(fs.readFileSync(out, "utf8")));
      else reject(new Error(`the in-process ${mode} run failed (${code}):\n${log}`));
    });
  });
}

async function inProcessSection() {
  const plan = method.inProcess;
  const database = await newDatabase("inproc");
  await database.migrate();
  const rowsBefore = await database.countAnswers();
  const seedAttempts = plan.restartProcesses * (plan.restartWarmup + plan.restartSamples);
  const warm = (await runChild(
    "warm",
    { stored: plan.stored, samples: plan.warmSamples, seedAttempts, seed: 11 },
    database,
  )) as {
    timings: number[];
    finishedEarly: number;
    completedByTimed: number;
    answered: number;
    seeded: object[];
  };
  const after: number[] = [];
  const coldFirst: number[] = [];
  let completedByTimed = warm.completedByTimed;
  const perProcess = plan.restartWarmup + plan.restartSamples;
  let answered = warm.answered;
  for (let child = 0; child < plan.restartProcesses; child++) {
    const result = (await runChild(
      "restart",
      {
        attempts: warm.seeded.slice(child * perProcess, (child + 1) * perProcess),
        warmup: plan.restartWarmup,
        seed: 100 + child,
      },
      database,
    )) as { timings: number[]; coldFirstMs: number; completedByTimed: number; answered: number };
    after.push(...result.timings);
    coldFirst.push(result.coldFirstMs);
    completedByTimed += result.completedByTimed;
    answered += result.answered;
  }
  const rows = (await database.countAnswers()) - rowsBefore;
  const section = {
    stored: plan.stored,
    p50Ms: percentile(warm.timings, 50),
    p95Ms: percentile(warm.timings, 95),
    samples: warm.timings.length,
    p95MsAfterRestart: percentile(after, 95),
    p50MsAfterRestart: percentile(after, 50),
    samplesAfterRestart: after.length,
    processes: plan.restartProcesses,
    warmupAnswersPerProcess: plan.restartWarmup,
    coldFirstAnswerMs: coldFirst,
    attemptsFinishedBefore: warm.finishedEarly,
    timedAnswersThatFinished: completedByTimed,
    acknowledged: answered,
    rows,
  };
  await database.drop();
  databases.splice(databases.indexOf(database), 1);
  say(
    `in process, ${plan.stored} answers stored: warm p50 ${ms(section.p50Ms)}, p95 ${ms(section.p95Ms)} over ${section.samples} (bar ≤ ${BARS.inProcessWarmP95Ms} ms); ` +
      `first answer per attempt after a restart p50 ${ms(section.p50MsAfterRestart)}, p95 ${ms(section.p95MsAfterRestart)} over ${after.length} in ${plan.restartProcesses} fresh process(es) after ${plan.restartWarmup} warm-up answers (bar ≤ ${BARS.inProcessAfterRestartP95Ms} ms); ` +
      `the very first answer of each process ${coldFirst.map((value) => ms(value)).join(", ")}`,
  );
  return section;
}

/** People answered up to `stored` answers (several at a time); those the engine finished sooner are replaced. */
async function peopleWithAnswers(base: string, count: number, stored: number): Promise<Person[]> {
  const ready: Person[] = [];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (ready.length < count) {
        const person = await startPerson(base);
        while (person.questionId && person.answered < stored) {
          const outcome = await submit(person, base);
          if (outcome.kind !== "ok") throw new Error(`answer failed: ${JSON.stringify(outcome)}`);
        }
        if (person.questionId && ready.length < count) ready.push(person);
      }
    }),
  );
  return ready;
}

async function httpSection(database: BenchDatabase) {
  const plan = method.http;
  const instance = await startInstance(0, database, {
    WEB_CONCURRENCY: "1",
    WAYPOINT_RATE_LIMIT_SCALE: LOAD_RATE_LIMIT_SCALE,
  });
  const rowsBefore = await database.countAnswers();
  const acknowledgedBefore = acknowledgedAnswers;
  // Warm-up: the first requests pay for compiling and loading routes, not for steady state.
  await peopleWithAnswers(instance.base, 3, 15);
  const people = await peopleWithAnswers(instance.base, plan.samples, plan.stored);
  const timings: number[] = [];
  let finished = 0;
  // The look-ahead the preparation queued runs while nobody answers (decision 012); timing starts
  // once it is done, as it would be while these people read their questions.
  await sleep(plan.settleMs);
  for (const person of people) {
    const outcome = await submit(person, instance.base);
    if (outcome.kind !== "ok") throw new Error(`answer failed: ${JSON.stringify(outcome)}`);
    // An answer that finishes the attempt scores it and builds a plan: not submit-and-next.
    if (person.questionId) timings.push(outcome.elapsed);
    else finished++;
  }
  await stopInstance(instance);
  const rows = (await database.countAnswers()) - rowsBefore;
  const section = {
    workers: 1,
    stored: plan.stored,
    p50Ms: percentile(timings, 50),
    p95Ms: percentile(timings, 95),
    samples: timings.length,
    timedAnswersThatFinished: finished,
    acknowledged: acknowledgedAnswers - acknowledgedBefore,
    rows,
  };
  say(
    `HTTP, one worker, ${plan.stored} answers stored: p50 ${ms(section.p50Ms)}, p95 ${ms(section.p95Ms)} over ${timings.length}, one request at a time (bar ≤ ${BARS.httpP95Ms} ms)`,
  );
  return section;
}

function describeRun(run: LoadRun) {
  return (
    `offered ${run.offeredPerSecond}/s: ${run.acknowledged} of ${run.due} acknowledged in ${run.seconds.toFixed(1)} s, ${run.achievedPerSecond.toFixed(1)}/s within the schedule, ` +
    `p50 ${ms(run.p50Ms)}, p95 ${ms(run.p95Ms)}; 503 ${run.refusedWithRetryAfter} with Retry-After, ${run.refusedWithoutRetryAfter} without; ` +
    `errors ${run.errors}${
      run.errors
        ? ` (${Object.entries(run.errorKinds)
            .map(([kind, count]) => `${count}× ${kind}`)
            .join("; ")})`
        : ""
    }; not sent (every attempt waiting) ${run.unsent}; ${run.startsRefused ? `new attempts refused with 503 ${run.startsRefused}; ` : ""}rows ${run.rows}`
  );
}

async function loadSections(database: BenchDatabase) {
  const capacityPlan = method.capacity;
  const burstPlan = method.burst;
  const instance = await startInstance(1, database, {
    WEB_CONCURRENCY: String(workers),
    WAYPOINT_RATE_LIMIT_SCALE: LOAD_RATE_LIMIT_SCALE,
  });
  const base = () => instance.base;
  const pool: Person[] = [];
  // Enough attempts that an answer due finds one not waiting while p95 is under its bar.
  const poolFor = (rate: number) => Math.ceil(rate * 0.5) + 20;
  await topUp(pool, base, poolFor(capacityPlan.firstRate / 2));
  const warmup = await openLoop(base, pool, capacityPlan.firstRate / 2, smoke ? 2 : 10, database);
  say(`warm-up (not counted): ${describeRun(warmup)}`);

  const steps: LoadRun[] = [];
  for (let rate = capacityPlan.firstRate; rate <= capacityPlan.lastRate; rate += capacityPlan.step) {
    await topUp(pool, base, poolFor(rate));
    const run = await openLoop(base, pool, rate, capacityPlan.seconds, database);
    steps.push(run);
    say(`capacity, ${workers} worker(s) asked for, ${capacityPlan.seconds} s ${describeRun(run)}`);
    if (run.p95Ms >= capacityPlan.p95StopMs || run.unsent > 0) break;
  }
  const best = steps
    .filter((run) => run.p95Ms < capacityPlan.p95StopMs && run.unsent === 0 && run.acknowledged > 0)
    .sort((a, b) => b.achievedPerSecond - a.achievedPerSecond)[0];
  const capacity = {
    workers,
    secondsPerStep: capacityPlan.seconds,
    offered: best?.offeredPerSecond ?? null,
    achieved: best ? best.achievedPerSecond : 0,
    p95Ms: best?.p95Ms ?? null,
    errors: steps.reduce((sum, run) => sum + run.errors, 0),
    refused: steps.reduce((sum, run) => sum + run.refusedWithRetryAfter + run.refusedWithoutRetryAfter, 0),
    acknowledged: steps.reduce((sum, run) => sum + run.acknowledged, 0),
    rows: steps.reduce((sum, run) => sum + run.rows, 0),
    steps,
  };
  say(
    `capacity: ${best ? `${capacity.achieved.toFixed(1)} answers/s achieved (offered ${capacity.offered}/s) with p95 ${ms(capacity.p95Ms)}` : "no step held p95 under the bar"} (bar ≥ ${BARS.capacityAnswersPerSecond}/s with p95 < ${BARS.capacityP95Ms} ms, ${workers} worker(s) asked for); errors ${capacity.errors}; rows ${capacity.rows}, acknowledged ${capacity.acknowledged}`,
  );

  // One attempt per answer due, so that every answer of the burst is sent even when none is
  // answered before the burst ends (thousands waiting in the server's queue is what it tests).
  const poolStarted = performance.now();
  await topUp(pool, base, Math.round(burstPlan.rate * burstPlan.seconds));
  say(
    `burst: ${pool.length} attempts open (${((performance.now() - poolStarted) / 1000).toFixed(1)} s to start them)`,
  );
  const run = await openLoop(
    base,
    pool,
    burstPlan.rate,
    burstPlan.seconds,
    database,
    burstPlan.acknowledgeWithinMs,
  );
  await stopInstance(instance);
  const burst = {
    workers,
    offered: run.due,
    offeredPerSecond: burstPlan.rate,
    seconds: burstPlan.seconds,
    acknowledged: run.acknowledgedWithinDeadline,
    acknowledgedLate: run.acknowledged - run.acknowledgedWithinDeadline,
    acknowledgedShare: run.due ? run.acknowledgedWithinDeadline / run.due : 0,
    refused: run.refusedWithRetryAfter,
    refusedWithoutRetryAfter: run.refusedWithoutRetryAfter,
    notSent: run.unsent,
    errors: run.errors,
    errorKinds: run.errorKinds,
    p95Ms: run.p95Ms,
    rows: run.rows,
    /** Every 2xx, late or not: what the rows must equal. */
    acknowledgedAll: run.acknowledged,
  };
  say(
    `burst, ${burstPlan.seconds} s at ${burstPlan.rate}/s: ${describeRun(run)}; acknowledged within ${burstPlan.acknowledgeWithinMs / 1000} s ${burst.acknowledged} = ${(burst.acknowledgedShare * 100).toFixed(1)} % (bar ≥ ${BARS.burstAcknowledgedShare * 100} %, the rest 503 + Retry-After)`,
  );
  return { capacity, burst };
}

/** POST with a chosen source address (fetch cannot pick one): the status code. */
function postFrom(url: string, body: object, localAddress?: string): Promise<number> {
  const target = new URL(url);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: "POST",
        localAddress,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(payload),
          origin: target.origin,
        },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
}

async function twoInstancesSection() {
  const plan = method.twoInstances;
  const database = await newDatabase("two");
  // Normal limits: the point is whether two instances enforce them together.
  const limits = { WEB_CONCURRENCY: "1", WAYPOINT_RATE_LIMIT_SCALE: "1" };
  const first = await startInstance(2, database, limits);
  const second = await startInstance(3, database, limits);
  const both = [first.base, second.base];
  let turn = 0;
  const either = () => both[turn++ % 2] as string;
  const rowsBefore = await database.countAnswers();

  // Answers spread over both: attempts start on either, each answer goes to either, and one in
  // five goes to both at once (it must be stored once; both replies acknowledge it).
  const people = await startPeople(either, plan.people, 4);
  let acknowledged = 0;
  let sentToBoth = 0;
  let movedBetween = 0;
  const errors: string[] = [];
  await Promise.all(
    people.map(async (person) => {
      let last = "";
      for (let index = 0; index < plan.answersEach && person.questionId; index++) {
        const answer = answerFor(person.attemptId, person.questionId);
        let outcome: Outcome;
        if (random.next() < 0.2) {
          sentToBoth++;
          const copy = { ...person };
          const [one, other] = await Promise.all([
            submit(person, first.base, answer),
            submit(copy, second.base, answer),
          ]);
          outcome = one.kind === "ok" ? other : one;
          if (one.kind !== "ok" && other.kind === "ok") Object.assign(person, copy);
        } else {
          const base = either();
          if (last && base !== last) movedBetween++;
          last = base;
          outcome = await submit(person, base, answer);
        }
        if (outcome.kind === "ok") acknowledged++;
        else errors.push(outcome.kind === "error" ? outcome.message : "503");
      }
    }),
  );
  const rows = (await database.countAnswers()) - rowsBefore;

  // The sign-in flood: first what one instance allows one address (from REFERENCE_CLIENT_ADDRESS),
  // then the same flood from another address split over both. Distinct accounts, so only the
  // per-address limit can refuse.
  const signIn = (base: string, index: number, from?: string) =>
    postFrom(
      `${base}/api/account/sign-in`,
      { email: `flood-${index}@bench.invalid`, password: "not-the-password" },
      from,
    );
  let referenceLimit = 0;
  let referenceRefused = false;
  for (let index = 0; index < 500 && !referenceRefused; index++) {
    const status = await signIn(first.base, index, REFERENCE_CLIENT_ADDRESS);
    if (status === 429) referenceRefused = true;
    else referenceLimit++;
  }
  let splitAllowed = 0;
  let splitRefused = 0;
  for (let index = 0; index < 2 * referenceLimit + 2; index++) {
    const status = await signIn(both[index % 2] as string, 1000 + index, undefined);
    if (status === 429) splitRefused++;
    else splitAllowed++;
  }
  await Promise.all([stopInstance(first), stopInstance(second)]);
  const section = {
    skipped: null as string | null,
    people: plan.people,
    acknowledged,
    rows,
    sentToBoth,
    movedBetweenInstances: movedBetween,
    errors: errors.length,
    errorSamples: errors.slice(0, 5),
    sharedLimit: referenceRefused && splitAllowed === referenceLimit,
    signInFlood: {
      singleInstanceLimit: referenceRefused ? referenceLimit : null,
      splitAllowed,
      splitRefused,
    },
  };
  say(
    `two instances, one PostgreSQL database: ${acknowledged} answers acknowledged (${sentToBoth} sent to both at once, ${movedBetween} moves between instances), rows ${rows}; errors ${errors.length}`,
  );
  say(
    `  sign-in flood: one instance refuses after ${referenceRefused ? referenceLimit : `none of ${referenceLimit}`}; split over both, ${splitAllowed} allowed and ${splitRefused} refused of ${2 * referenceLimit + 2} → limits ${section.sharedLimit ? "shared" : "NOT shared"}`,
  );
  return section;
}

// ---- Run --------------------------------------------------------------------------------------

say(
  `bench:server${smoke ? " --smoke" : ""}: database ${provider}, ${workers} worker(s) asked for (WEB_CONCURRENCY) in the load sections, ports ${port}–${port + 3}`,
);
let exitCode = 1;
try {
  const inProcess = await inProcessSection();
  const database = await newDatabase("main");
  const httpFigures = await httpSection(database);
  const { capacity, burst } = await loadSections(database);
  const twoInstances =
    provider === "postgres"
      ? await twoInstancesSection()
      : { skipped: "needs --db postgres (two instances share one PostgreSQL database)", sharedLimit: null };

  const rowsMatch = {
    inProcess: inProcess.rows === inProcess.acknowledged,
    http: httpFigures.rows === httpFigures.acknowledged,
    capacity: capacity.rows === capacity.acknowledged,
    burst: burst.rows === burst.acknowledgedAll,
    twoInstances: !("rows" in twoInstances) || twoInstances.rows === twoInstances.acknowledged,
  };
  const otherErrors =
    capacity.errors +
    burst.errors +
    burst.refusedWithoutRetryAfter +
    ("errors" in twoInstances ? twoInstances.errors : 0);
  const bars = {
    inProcessWarm: inProcess.p95Ms <= BARS.inProcessWarmP95Ms,
    inProcessAfterRestart: inProcess.p95MsAfterRestart <= BARS.inProcessAfterRestartP95Ms,
    http: httpFigures.p95Ms <= BARS.httpP95Ms,
    capacity: capacity.achieved >= BARS.capacityAnswersPerSecond,
    burst:
      burst.acknowledgedShare >= BARS.burstAcknowledgedShare &&
      burst.acknowledged + burst.refused === burst.offered &&
      burst.errors === 0 &&
      burst.refusedWithoutRetryAfter === 0 &&
      rowsMatch.burst,
    twoInstances: "rows" in twoInstances ? rowsMatch.twoInstances && twoInstances.sharedLimit : null,
    rowsEqualAcknowledged: Object.values(rowsMatch).every(Boolean),
    noOtherErrors: otherErrors === 0,
  };
  const gating = smoke
    ? [bars.rowsEqualAcknowledged, bars.noOtherErrors]
    : Object.values(bars).filter((value): value is boolean => value !== null);
  const pass = gating.every(Boolean);
  say(
    `answer rows equal acknowledged answers in every section: ${bars.rowsEqualAcknowledged ? "yes" : `NO (${JSON.stringify(rowsMatch)})`}; errors other than 503 + Retry-After: ${otherErrors}`,
  );
  say(
    `${pass ? "PASS" : "FAIL"}${smoke ? " (smoke: only lost or doubled answers and errors other than 503 gate; timings do not)" : ""}`,
  );
  console.log(
    JSON.stringify({
      db: provider,
      workers,
      smoke,
      inProcess,
      http: httpFigures,
      capacity,
      burst,
      twoInstances,
      bars: BARS,
      passed: bars,
      pass,
    }),
  );
  exitCode = pass ? 0 : 1;
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  await cleanUp();
}
process.exit(exitCode);
