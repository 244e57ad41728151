import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { regeneratePlanFromAttempt } from "@/server/assessment/quiz";
import { outboxDir } from "@/server/auth/mail";
import { sendDueMail } from "@/server/mail-queue";
import { lastMailTo } from "../../support/outbox";
import { findCohortAssessment, setAssessmentWindow } from "@/server/cohorts/assessment";
import {
  addRule,
  applyRules,
  assignManually,
  previewRules,
  RuleFormSchema,
  waiveAssignment,
} from "@/server/cohorts/assignments";
import { closeCohort } from "@/server/cohorts/cohorts";
import { cohortCsv, loadCohortDashboard } from "@/server/cohorts/dashboard";
import {
  acceptCohortInvitation,
  resolveCohortInvitation,
  revokeInvitations,
} from "@/server/cohorts/invitations";
import { importRoster } from "@/server/cohorts/roster";
import { getSkillsGraph } from "@/server/content-loader";
import { db } from "@/server/db";
import { createStaffedCohort } from "../../factories/cohorts";
import { createPerson, dontKnowAttempt } from "../../factories/people";
import { userOwner } from "@/server/identity/owner";
import { findPlanIdFor, setPlanItemDone } from "@/server/plans";
import { loadResults } from "@/server/results";
import { onPostgres } from "../../support/postgres";

const TARGET = "mlops-engineer";
const HOUR = 60 * 60 * 1000;

/** A module for a skill the target role requires, and that skill. */
function moduleForTarget(offset = 0): { moduleId: string; skillId: string } {
  const graph = getSkillsGraph();
  const required = new Set((graph.roles.get(TARGET)?.requires ?? []).map((entry) => entry.skill));
  const candidates = [...graph.modules.values()].filter(
    (entry) => entry.skills[0] && required.has(entry.skills[0].skill),
  );
  const chosen = candidates[offset];
  if (!chosen?.skills[0]) throw new Error("no module for the target role");
  return { moduleId: chosen.id, skillId: chosen.skills[0].skill };
}

async function newCohort(timeZone = "UTC") {
  const { staff, cohort } = await createStaffedCohort(TARGET, { timeZone });
  const now = Date.now();
  await setAssessmentWindow(cohort.id, new Date(now - HOUR), new Date(now + 24 * HOUR));
  return { staff, cohort };
}

/** A joined learner (enrolled directly, as accepting the invitation would). */
async function learner(cohortId: string, name = "Learner") {
  const user = await createPerson(name);
  await db.enrollment.create({
    data: { cohortId, email: user.email, name, role: "learner", userId: user.id, joinedAt: new Date() },
  });
  return user;
}

/** A finished cohort attempt: two "don't know" answers, then finish. */
async function cohortAttempt(cohortId: string, userId: string): Promise<string> {
  const window = await findCohortAssessment(cohortId);
  return dontKnowAttempt(userOwner(userId), {
    to: TARGET,
    context: { cohortAssessmentId: window?.id ?? null },
  });
}

/** "Below level 4" fires for anyone who answered "don't know" throughout. */
const alwaysRule = (offset = 0) => ({
  ...moduleForTarget(offset),
  condition: "belowLevel" as const,
  threshold: 4,
  dueDays: 14,
});

/** Sends what is queued (as the server's sender would), then reads the mail to `email`. */
const mailTo = async (email: string) => {
  await sendDueMail();
  return lastMailTo(outboxDir(), email)?.text ?? "";
};

describe("cohort roster and invitations", () => {
  it("imports nothing when one row is bad, then imports, and a re-import is idempotent", async () => {
    const { cohort, staff } = await newCohort();
    const a = `a-${randomUUID()}@example.com`;
    const b = `b-${randomUUID()}@example.com`;
    const bad = await importRoster(cohort, staff, `name,email\nAda,${a}\nBob,not-an-email\n`);
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: { roster: expect.stringContaining("line 3: not an email address") },
    });
    expect(await db.enrollment.count({ where: { cohortId: cohort.id, role: "learner" } })).toBe(0);
    expect(await importRoster(cohort, staff, `name,email\nAda,${a}\nBob,${b}\n`)).toEqual({
      ok: true,
      added: 2,
      updated: 0,
    });
    expect(await importRoster(cohort, staff, `name,email\nAda L.,${a.toUpperCase()}\nBob,${b}\n`)).toEqual({
      ok: true,
      added: 0,
      updated: 2,
    });
    expect(
      await db.enrollment.findMany({
        where: { cohortId: cohort.id, role: "learner" },
        orderBy: { email: "asc" },
        select: { name: true },
      }),
    ).toEqual([{ name: "Ada L." }, { name: "Bob" }]);
    // One invitation each: the re-import sent nothing new.
    expect(await db.cohortInvitation.count({ where: { cohortId: cohort.id } })).toBe(2);
  });

  it("lets only the invited address join, once; revoked invitations are dead", async () => {
    const { cohort, staff } = await newCohort();
    const invitee = await createPerson("Invitee");
    const stranger = await createPerson("Stranger");
    await importRoster(cohort, staff, `name,email\nInvitee,${invitee.email}\n`);
    const token = /\/cohorts\/join\/([A-Za-z0-9_-]+)/.exec(await mailTo(invitee.email))?.[1] ?? "";
    expect(await db.cohortInvitation.count({ where: { tokenHash: token } })).toBe(0); // stored hashed
    expect(await acceptCohortInvitation(token, stranger)).toMatchObject({ ok: false });
    expect(await acceptCohortInvitation(token, invitee)).toEqual({ ok: true, cohortId: cohort.id });
    expect(await acceptCohortInvitation(token, invitee)).toMatchObject({ ok: false });
    expect(
      await db.enrollment.findFirst({
        where: { cohortId: cohort.id, email: invitee.email },
        select: { userId: true },
      }),
    ).toEqual({ userId: invitee.id });

    const other = await createPerson("Other");
    await importRoster(cohort, staff, `name,email\nOther,${other.email}\n`);
    const second = /\/cohorts\/join\/([A-Za-z0-9_-]+)/.exec(await mailTo(other.email))?.[1] ?? "";
    const enrollment = await db.enrollment.findFirstOrThrow({
      where: { cohortId: cohort.id, email: other.email },
      select: { id: true },
    });
    expect(await revokeInvitations(cohort.id, enrollment.id)).toBe(true);
    expect(await resolveCohortInvitation(second)).toBeNull();
    expect(await acceptCohortInvitation(second, other)).toMatchObject({ ok: false });
  });
});

describe("cohort assignment rules", () => {
  it("reads the chance in percent and stores it as a fraction; says which field is wrong and why", () => {
    const form = {
      skillId: "python",
      condition: "pMeetsBelow",
      belowLevel: "2",
      pMeetsPercent: "50 %",
      moduleId: "py-basics",
      dueDays: "14",
    };
    expect(RuleFormSchema.parse(form)).toEqual({
      skillId: "python",
      condition: "pMeetsBelow",
      threshold: 0.5,
      moduleId: "py-basics",
      dueDays: 14,
    });
    // A fraction typed out of habit is refused with the reason, not read as half of one per cent.
    const fraction = RuleFormSchema.safeParse({ ...form, pMeetsPercent: "0.5" });
    expect(
      fraction.success ? null : fraction.error.issues.map((issue) => [issue.path, issue.message]),
    ).toEqual([
      [["pMeetsPercent"], "Type the chance as a whole percentage from 1 to 100, e.g. 50 for a 50 % chance."],
    ]);
    // The level field is read only for a level rule, whatever the chance field holds.
    expect(RuleFormSchema.parse({ ...form, condition: "belowLevel", pMeetsPercent: "" })).toMatchObject({
      condition: "belowLevel",
      threshold: 2,
    });
    const level = RuleFormSchema.safeParse({ ...form, condition: "belowLevel", belowLevel: "5" });
    expect(level.success ? null : level.error.issues[0]?.path).toEqual(["belowLevel"]);
  });

  it("refuses a module that does not teach the rule's skill, naming both", async () => {
    const { cohort } = await newCohort();
    const graph = getSkillsGraph();
    const { skillId } = moduleForTarget();
    const other = [...graph.modules.values()].find(
      (entry) => !entry.skills.some((step) => step.skill === skillId),
    );
    if (!other) throw new Error("every module teaches the skill");
    const result = await addRule(cohort.id, { ...alwaysRule(), moduleId: other.id });
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        moduleId: `“${other.title}” does not teach ${graph.skills.get(skillId)?.title}. Choose one of the modules listed for that skill.`,
      },
    });
    expect(await db.assignmentRule.count({ where: { cohortId: cohort.id } })).toBe(0);
  });

  it("applied twice assigns once: no duplicate assignments or plan items", async () => {
    const { cohort } = await newCohort();
    const learners = [await learner(cohort.id), await learner(cohort.id)];
    for (const entry of learners) await cohortAttempt(cohort.id, entry.id);
    const rule = alwaysRule();
    expect(await addRule(cohort.id, rule)).toEqual({ ok: true });
    expect(await previewRules(cohort)).toEqual({ modules: 2, learners: 2 });
    expect(await applyRules(cohort)).toEqual({ modules: 2, learners: 2 });
    expect(await applyRules(cohort)).toEqual({ modules: 0, learners: 0 });
    expect(await previewRules(cohort)).toEqual({ modules: 0, learners: 0 });
    expect(await db.assignment.count({ where: { cohortId: cohort.id } })).toBe(2);
    for (const entry of learners) {
      const items = await db.planItem.findMany({
        where: { moduleId: rule.moduleId, plan: { userId: entry.id, targetRoleId: TARGET } },
        select: { source: true, dueDate: true, cohortId: true },
      });
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ source: "assigned", cohortId: cohort.id, dueDate: expect.any(Date) });
    }
  });

  it("re-evaluates applied rules for a learner who finishes late", async () => {
    const { cohort } = await newCohort();
    const early = await learner(cohort.id, "Early");
    await cohortAttempt(cohort.id, early.id);
    await addRule(cohort.id, alwaysRule());
    await applyRules(cohort);
    const late = await learner(cohort.id, "Late");
    expect(await db.assignment.count({ where: { cohortId: cohort.id, userId: late.id } })).toBe(0);
    await cohortAttempt(cohort.id, late.id);
    const rows = await db.assignment.findMany({
      where: { cohortId: cohort.id, userId: late.id },
      select: { source: true, dueDate: true },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.source).toBe("rule");
  });

  it("keeps assigned modules through a plan regeneration, keeps done modules done, and waived ones stay waived", async () => {
    const { cohort } = await newCohort();
    const entry = await learner(cohort.id);
    const attemptId = await cohortAttempt(cohort.id, entry.id);
    const owner = userOwner(entry.id);
    const planId = (await findPlanIdFor(owner, TARGET)) as string;
    const manual = moduleForTarget(1);
    expect(
      await assignManually(cohort, { userId: entry.id, moduleId: manual.moduleId, dueDate: "2026-02-01" }),
    ).toEqual({ ok: true });
    await setPlanItemDone(planId, manual.moduleId, owner, true);
    await regeneratePlanFromAttempt(attemptId, owner);
    const item = await db.planItem.findUniqueOrThrow({
      where: { planId_moduleId: { planId, moduleId: manual.moduleId } },
      select: { source: true, doneAt: true },
    });
    expect(item).toMatchObject({ source: "assigned", doneAt: expect.any(Date) });

    await addRule(cohort.id, alwaysRule());
    await applyRules(cohort);
    const rule = alwaysRule();
    await regeneratePlanFromAttempt(attemptId, owner);
    expect(
      await db.planItem.count({
        where: { planId, moduleId: rule.moduleId, source: "assigned", doneAt: null },
      }),
    ).toBe(1);

    const assignment = await db.assignment.findFirstOrThrow({
      where: { cohortId: cohort.id, userId: entry.id, moduleId: rule.moduleId },
      select: { id: true },
    });
    expect(await waiveAssignment(cohort, assignment.id)).toBe(true);
    expect(await previewRules(cohort)).toEqual({ modules: 0, learners: 0 });
    const dashboard = await loadCohortDashboard(cohort);
    expect(dashboard.overall).toEqual({ assigned: 1, done: 1, overdue: 0 });
    expect(dashboard.modules).toEqual([expect.objectContaining({ moduleId: manual.moduleId, rate: 1 })]);
  });
});

/** A trigger that fails every update of the cohort's rules' appliedAt, in each provider's dialect. */
async function failUpdatesOfAppliedAt(cohortId: string): Promise<() => Promise<void>> {
  if (onPostgres) {
    await db.$executeRawUnsafe(
      `CREATE FUNCTION "fail_apply"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER "fail_apply" BEFORE UPDATE OF "appliedAt" ON "AssignmentRule" FOR EACH ROW
       WHEN (NEW."cohortId" = '${cohortId}') EXECUTE FUNCTION "fail_apply"()`,
    );
    return async () => {
      await db.$executeRawUnsafe(`DROP TRIGGER "fail_apply" ON "AssignmentRule"`);
      await db.$executeRawUnsafe(`DROP FUNCTION "fail_apply"()`);
    };
  }
  await db.$executeRawUnsafe(
    `CREATE TRIGGER "fail_apply" BEFORE UPDATE OF "appliedAt" ON "AssignmentRule"
     WHEN NEW."cohortId" = '${cohortId}' BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
  );
  return async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER "fail_apply"`);
  };
}

describe("applying rules in one batch", () => {
  it("is all or nothing: when a write fails, no assignment, no plan item, and the rules stay unapplied", async () => {
    const { cohort } = await newCohort();
    const learners = [await learner(cohort.id, "One"), await learner(cohort.id, "Two")];
    for (const entry of learners) await cohortAttempt(cohort.id, entry.id);
    await addRule(cohort.id, alwaysRule(0));
    await addRule(cohort.id, alwaysRule(1));
    const itemsBefore = await db.planItem.count({
      where: { plan: { userId: { in: learners.map((l) => l.id) } } },
    });
    // The last write of an application (marking the rules applied) fails, as a full disk would.
    const removeTrigger = await failUpdatesOfAppliedAt(cohort.id);
    try {
      await expect(applyRules(cohort)).rejects.toThrow();
    } finally {
      await removeTrigger();
    }
    expect(await db.assignment.count({ where: { cohortId: cohort.id } })).toBe(0);
    expect(await db.planItem.count({ where: { cohortId: cohort.id } })).toBe(0);
    expect(await db.planItem.count({ where: { plan: { userId: { in: learners.map((l) => l.id) } } } })).toBe(
      itemsBefore,
    );
    expect(await db.assignmentRule.count({ where: { cohortId: cohort.id, appliedAt: { not: null } } })).toBe(
      0,
    );

    // Nothing half-applied to trip over: the next application does all of it.
    expect(await applyRules(cohort)).toEqual({ modules: 4, learners: 2 });
  });

  it("puts each learner's new modules at the end of their plan, in order, with distinct positions", async () => {
    const { cohort } = await newCohort();
    const entry = await learner(cohort.id);
    await cohortAttempt(cohort.id, entry.id);
    const planId = (await findPlanIdFor(userOwner(entry.id), TARGET)) as string;
    const rules = [alwaysRule(0), alwaysRule(1), alwaysRule(2)];
    for (const rule of rules) await addRule(cohort.id, rule);
    const known = new Set(
      (await db.planItem.findMany({ where: { planId }, select: { moduleId: true } })).map((i) => i.moduleId),
    );
    const before = known.size;
    await applyRules(cohort);
    const items = await db.planItem.findMany({
      where: { planId },
      select: { moduleId: true, position: true },
    });
    const fresh = items.filter((item) => !known.has(item.moduleId));
    expect(fresh.map((item) => item.position).sort((a, b) => a - b)).toEqual(
      fresh.map((_, index) => before + index),
    );
    expect(new Set(items.map((item) => item.position)).size).toBe(items.length);
    expect(await db.planItem.count({ where: { planId, cohortId: cohort.id, source: "assigned" } })).toBe(
      rules.length,
    );
  });
});

describe("cohort assessment window and exports", () => {
  it("hides answer keys and explanations until the window closes", async () => {
    const { cohort } = await newCohort();
    const entry = await learner(cohort.id);
    const attemptId = await cohortAttempt(cohort.id, entry.id);
    const during = await loadResults(attemptId, userOwner(entry.id));
    expect(during).toMatchObject({ isReviewWithheld: true, review: [] });
    await setAssessmentWindow(cohort.id, new Date(Date.now() - 2 * HOUR), new Date(Date.now() - 1000));
    const after = await loadResults(attemptId, userOwner(entry.id));
    expect(after?.isReviewWithheld).toBe(false);
    expect(after?.review.length).toBeGreaterThan(0);
  });

  it("exports roster progress safely, and a deleted account vanishes from the dashboard and export", async () => {
    const { cohort } = await newCohort();
    const kept = await learner(cohort.id, '=HYPERLINK("http://evil")');
    const leaving = await learner(cohort.id, "Leaving Learner");
    for (const entry of [kept, leaving]) await cohortAttempt(cohort.id, entry.id);
    await addRule(cohort.id, alwaysRule());
    await applyRules(cohort);
    const before = cohortCsv(await loadCohortDashboard(cohort));
    expect(before).toContain("Leaving Learner");
    expect(before).toContain(`"'=HYPERLINK(""http://evil"")"`);
    await db.user.delete({ where: { id: leaving.id } });
    const dashboard = await loadCohortDashboard(cohort);
    const after = cohortCsv(dashboard);
    expect(after).not.toContain("Leaving Learner");
    expect(after).not.toContain(leaving.email);
    expect(dashboard.counts.learners).toBe(1);
    expect(dashboard.overall.assigned).toBe(1);
  });

  it("closing keeps each learner's own data", async () => {
    const { cohort } = await newCohort();
    const entry = await learner(cohort.id);
    await cohortAttempt(cohort.id, entry.id);
    await addRule(cohort.id, alwaysRule());
    await applyRules(cohort);
    expect(await closeCohort(cohort.id)).toBe(true);
    expect(await db.planItem.count({ where: { plan: { userId: entry.id }, cohortId: cohort.id } })).toBe(1);
    expect(await db.attempt.count({ where: { userId: entry.id, status: "completed" } })).toBe(1);
  });
});
