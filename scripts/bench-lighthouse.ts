import { setTimeout as sleep } from "node:timers/promises";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { startBenchInstance } from "./lib/bench-instance";
import { CHROMIUM_FLAGS } from "./lib/chromium";

/**
 * npm run bench:lighthouse [-- --port N]
 * Lighthouse (12.2.3, in the machine's Chromium: CHROME_PATH, /usr/bin/chromium by default) on the
 * quiz page and the results page, each once as a phone (Lighthouse's default) and once as a desktop,
 * against `npm start` (which builds when needed) on a fresh database. The bars:
 * accessibility score 100 and cumulative layout shift below 0.1 on every page and form factor.
 * Prints JSON (with the failing accessibility audits, if any) and exits 1 when a bar is missed.
 */
const { values } = parseArgs({ options: { port: { type: "string" } } });

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === "object" ? resolve(address.port) : reject()));
    });
  });

const port = values.port ? Number(values.port) : await freePort();
const base = `http://127.0.0.1:${port}`;
const dataDir = path.resolve("tests/.tmp/bench-lighthouse");
fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });

const instance = startBenchInstance(port, {
  DATABASE_PATH: path.join(dataDir, "waypoint.db"),
  DATA_DIR: dataDir,
  APP_URL: base,
});

interface Question {
  questionId: string;
  options: { id: string }[];
}

/** Starts an attempt through the HTTP API; the first one also gets the browser's owner cookie. */
async function startAttempt(cookie: string) {
  const response = await fetch(`${base}/api/attempts`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ from: "data-analyst", to: "ai-engineer" }),
  });
  if (response.status !== 201) throw new Error(`start failed: ${response.status} ${await response.text()}`);
  const setCookie = (response.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
  const body = (await response.json()) as { attemptId: string; question: Question | null };
  return { cookie: cookie || setCookie, attemptId: body.attemptId, question: body.question };
}

/** Answers until the engine stops: the first option shown, and "I don't know" every third time. */
async function finishAttempt(cookie: string, attemptId: string, first: Question | null) {
  let question = first;
  for (let answered = 0; question; answered++) {
    if (answered > 60) throw new Error("the quiz did not end after 60 answers");
    const answer =
      answered % 3 === 2
        ? { questionId: question.questionId, dontKnow: true }
        : { questionId: question.questionId, choice: [question.options[0]?.id ?? ""] };
    const response = await fetch(`${base}/api/attempts/${attemptId}/answers`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base, cookie },
      body: JSON.stringify(answer),
    });
    if (!response.ok) throw new Error(`answer failed: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { status: string; question?: Question };
    question = body.status === "in_progress" ? (body.question ?? null) : null;
  }
}

await instance.waitForHealth();
const open = await startAttempt("");
const done = await startAttempt(open.cookie);
await finishAttempt(open.cookie, done.attemptId, done.question);

const pages = [
  { name: "quiz", url: `${base}/assess/${open.attemptId}` },
  { name: "results", url: `${base}/results/${done.attemptId}` },
];
const formFactors = ["mobile", "desktop"] as const;

/**
 * One Lighthouse run in a Chromium of its own. A run that could not measure at all (Lighthouse's
 * runtimeError, e.g. NO_NAVSTART when the trace misses the navigation: once in a CI run, and in another
 * three times in a row on the first page, a few seconds apart) is tried again, after a pause that
 * grows, up to MEASURE_TRIES times; a run that measured is never repeated, so a missed bar stays missed.
 */
const MEASURE_TRIES = 6;
async function measure(url: string, formFactor: (typeof formFactors)[number]) {
  const errors: string[] = [];
  for (let tries = 1; tries <= MEASURE_TRIES; tries++) {
    if (tries > 1) await sleep(2000 * (tries - 1));
    const chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
      chromeFlags: CHROMIUM_FLAGS,
    });
    try {
      const result = await lighthouse(
        url,
        {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["accessibility", "performance"],
          extraHeaders: { Cookie: open.cookie },
        },
        formFactor === "desktop" ? desktopConfig : undefined,
      );
      if (!result) errors.push("Lighthouse returned nothing");
      else if (result.lhr.runtimeError)
        errors.push(`${result.lhr.runtimeError.code}: ${result.lhr.runtimeError.message}`);
      else return { lhr: result.lhr, tries, errors };
    } finally {
      await chrome.kill();
    }
  }
  throw new Error(
    `${url} (${formFactor}) could not be measured in ${MEASURE_TRIES} tries:\n${errors.join("\n")}`,
  );
}

const runs = [];
try {
  for (const page of pages) {
    for (const formFactor of formFactors) {
      const { lhr, tries, errors } = await measure(page.url, formFactor);
      // The page itself, not a sign-in redirect or a 404 (the owner cookie must have reached it).
      const requests = lhr.audits["network-requests"]?.details;
      const documentStatus =
        requests?.type === "table"
          ? (requests.items.find((item) => item.url === lhr.finalDisplayedUrl)?.statusCode as
              number | undefined)
          : undefined;
      const accessibility = Math.round((lhr.categories.accessibility?.score ?? 0) * 100);
      const cls = lhr.audits["cumulative-layout-shift"]?.numericValue ?? Number.NaN;
      const failing = (lhr.categories.accessibility?.auditRefs ?? [])
        .map((ref) => lhr.audits[ref.id])
        .filter((audit) => audit && audit.score !== null && audit.score < 1)
        .map((audit) => ({ id: audit?.id, title: audit?.title }));
      runs.push({
        page: page.name,
        formFactor,
        finalUrl: lhr.finalDisplayedUrl.replace(base, ""),
        status: documentStatus ?? null,
        accessibility,
        cumulativeLayoutShift: Math.round(cls * 1000) / 1000,
        failingAccessibilityAudits: failing,
        tries,
        ...(errors.length ? { errorsBeforeMeasuring: errors } : {}),
        pass:
          documentStatus === 200 && lhr.finalDisplayedUrl === page.url && accessibility === 100 && cls < 0.1,
      });
    }
  }
} finally {
  instance.stop();
}

const pass = runs.every((run) => run.pass);
console.log(
  JSON.stringify({ bars: { accessibility: 100, cumulativeLayoutShiftBelow: 0.1 }, runs, pass }, null, 2),
);
process.exit(pass ? 0 : 1);
