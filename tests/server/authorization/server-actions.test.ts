import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

/**
 * The authorisation matrix for server actions: every exported action of every "use server" file
 * × {anonymous, owner, other user}. The actions run for real (real session lookup through
 * better-auth, real SQLite); only Next's request scope is stood in for: next/headers answers
 * with the acting person's cookies, and next/cache's revalidatePath (which needs a render) is a
 * no-op. A new action without a row here fails the first test.
 */
const jar = { current: new Map<string, string>() };
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ cookie: [...jar.current].map(([name, value]) => `${name}=${value}`).join("; ") }),
  cookies: async () => ({
    get: (name: string) => (jar.current.has(name) ? { name, value: jar.current.get(name) } : undefined),
    getAll: () => [...jar.current].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string) => void jar.current.set(name, value),
    delete: (name: string) => void jar.current.delete(name),
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { getAuth } = await import("@/server/auth/auth");
const { db } = await import("@/server/db");
const assess = await import("@/app/assess/actions");
const plan = await import("@/app/plan/[planId]/actions");

type Actor = "anonymous" | "owner" | "other";
const actors: Record<Actor, Map<string, string>> = { anonymous: new Map(), owner: new Map(), other: new Map() };

async function signedInCookies(): Promise<Map<string, string>> {
  const email = `actor-${randomUUID()}@example.com`;
  const password = "matrix passphrase for tests";
  await getAuth().api.signUpEmail({ body: { name: "Actor", email, password }, headers: new Headers() });
  const { headers } = await getAuth().api.signInEmail({ body: { email, password }, headers: new Headers(), returnHeaders: true });
  const cookies = new Map<string, string>();
  for (const line of headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const at = pair.indexOf("=");
    cookies.set(pair.slice(0, at), decodeURIComponent(pair.slice(at + 1)));
  }
  return cookies;
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

/** Runs an action as `actor`; a redirect (Next's thrown NEXT_REDIRECT) comes back as its target. */
async function as<T>(actor: Actor, run: () => Promise<T>): Promise<T | { redirect: string }> {
  jar.current = actors[actor];
  try {
    return await run();
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return { redirect: digest.split(";")[2] ?? "" };
    throw error;
  }
}

interface Fixture {
  ownerUserId: string;
  inProgress: string;
  completed: string;
  planId: string;
  moduleId: string;
  questionId: string;
}
let fixture: Fixture;

beforeAll(async () => {
  actors.owner = await signedInCookies();
  actors.other = await signedInCookies();
  jar.current = actors.owner;
  const start = async () => {
    const outcome = await as("owner", () => assess.startAssessmentAction(null, form({ from: "data-scientist", to: "ai-engineer", hoursPerWeek: "5", timeZone: "UTC", budget: "15" })));
    return ((outcome as { redirect: string }).redirect.split("/").at(-1)) as string;
  };
  const completed = await start();
  await as("owner", () => assess.finishAction(form({ attemptId: completed })));
  const inProgress = await start();
  const attempt = await db.attempt.findUniqueOrThrow({ where: { id: inProgress }, select: { userId: true, currentQuestionId: true } });
  const ownedPlan = await db.learningPlan.findFirstOrThrow({ where: { userId: attempt.userId }, select: { id: true, items: { select: { moduleId: true }, take: 1 } } });
  fixture = {
    ownerUserId: attempt.userId as string,
    inProgress,
    completed,
    planId: ownedPlan.id,
    moduleId: ownedPlan.items[0]?.moduleId ?? "",
    questionId: attempt.currentQuestionId as string,
  };
}, 60_000);

const answerCount = (attemptId: string) => db.answer.count({ where: { attemptId } });
const planState = () => db.learningPlan.findUniqueOrThrow({ where: { id: fixture.planId }, select: { hoursPerWeek: true, updatedAt: true, items: { select: { moduleId: true, doneAt: true } } } });

/** Per action: what each actor gets. Foreign ids must act exactly like ids that do not exist. */
const MATRIX: Record<string, (actor: Actor) => Promise<void>> = {
  "src/app/assess/actions.ts#startAssessmentAction": async (actor) => {
    const outcome = await as(actor, () => assess.startAssessmentAction(null, form({ to: "ml-engineer" })));
    const attemptId = (outcome as { redirect: string }).redirect.split("/").at(-1) as string;
    const row = await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { userId: true, anonymousTokenHash: true } });
    // Anyone may start an assessment; it belongs to whoever started it, never to the owner by accident.
    if (actor === "owner") expect(row.userId).toBe(fixture.ownerUserId);
    else if (actor === "other") expect(row.userId).not.toBe(fixture.ownerUserId);
    else expect(row).toMatchObject({ userId: null, anonymousTokenHash: expect.any(String) });
  },
  "src/app/assess/actions.ts#answerAction": async (actor) => {
    const before = await answerCount(fixture.inProgress);
    const outcome = await as(actor, () => assess.answerAction(null, form({ attemptId: fixture.inProgress, questionId: fixture.questionId, dontKnow: "1" })));
    expect(outcome).toEqual({ redirect: `/assess/${fixture.inProgress}` });
    expect(await answerCount(fixture.inProgress)).toBe(actor === "owner" ? before + 1 : before);
  },
  "src/app/assess/actions.ts#finishAction": async (actor) => {
    const outcome = await as(actor, () => assess.finishAction(form({ attemptId: fixture.inProgress })));
    const status = (await db.attempt.findUniqueOrThrow({ where: { id: fixture.inProgress }, select: { status: true } })).status;
    if (actor === "owner") {
      expect(outcome).toEqual({ redirect: `/results/${fixture.inProgress}` });
      expect(status).toBe("completed");
    } else {
      expect(outcome).toEqual({ redirect: `/assess/${fixture.inProgress}` });
      expect(status).toBe("in_progress");
    }
  },
  "src/app/assess/actions.ts#reportProblemAction": async (actor) => {
    const details = `matrix ${actor} ${randomUUID()}`;
    const outcome = await as(actor, () => assess.reportProblemAction(null, form({ questionId: fixture.questionId, attemptId: fixture.completed, reason: "unclear", details })));
    expect(outcome).toEqual({ ok: true });
    const stored = await db.questionReport.findFirstOrThrow({ where: { details }, select: { attemptId: true } });
    // A report is welcome from anyone, but only the owner's report is linked to the attempt.
    expect(stored.attemptId).toBe(actor === "owner" ? fixture.completed : null);
  },
  "src/app/plan/[planId]/actions.ts#togglePlanItemAction": async (actor) => {
    await as(actor, () => plan.togglePlanItemAction(form({ planId: fixture.planId, moduleId: fixture.moduleId, done: "1" })));
    const item = (await planState()).items.find((entry) => entry.moduleId === fixture.moduleId);
    expect(item?.doneAt === null).toBe(actor !== "owner");
    if (actor === "owner") await as("owner", () => plan.togglePlanItemAction(form({ planId: fixture.planId, moduleId: fixture.moduleId, done: "0" })));
  },
  "src/app/plan/[planId]/actions.ts#setPlanHoursAction": async (actor) => {
    const hours = actor === "owner" ? 9 : 17;
    expect(await as(actor, () => plan.setPlanHoursAction(null, form({ planId: fixture.planId, hoursPerWeek: String(hours) })))).toBeNull();
    const stored = (await planState()).hoursPerWeek;
    if (actor === "owner") expect(stored).toBe(9);
    else expect(stored).not.toBe(17);
  },
  "src/app/plan/[planId]/actions.ts#regeneratePlanAction": async (actor) => {
    const before = (await planState()).updatedAt.getTime();
    await as(actor, () => plan.regeneratePlanAction(form({ planId: fixture.planId })));
    const after = (await planState()).updatedAt.getTime();
    if (actor === "owner") expect(after).toBeGreaterThanOrEqual(before);
    else expect(after).toBe(before);
  },
};

function discoverServerActions(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(entry.name)) {
        const source = fs.readFileSync(full, "utf8");
        if (!/^\s*["']use server["'];?/.test(source)) continue;
        for (const match of source.matchAll(/export\s+async\s+function\s+(\w+)/g)) found.push(`${path.relative(process.cwd(), full).split(path.sep).join("/")}#${match[1]}`);
      }
    }
  };
  walk(path.resolve("src"));
  return found.sort();
}

describe("server actions × {anonymous, owner, other user}", () => {
  it("has a row for every server action in the code base", () => {
    expect(discoverServerActions()).toEqual(Object.keys(MATRIX).sort());
  });

  // Foreign actors first, so each owner row starts from an untouched fixture.
  for (const [action, check] of Object.entries(MATRIX)) {
    for (const actor of ["anonymous", "other", "owner"] as const) {
      it(`${action} as ${actor}`, async () => {
        await check(actor);
      });
    }
  }
});
