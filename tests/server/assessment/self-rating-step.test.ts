import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { replayAttempt } from "@/domain/engine/assess";
import { SELF_RATING_DEFAULTS } from "@/domain/engine/self-rating";
import { attemptStateKey, cachedAttemptState, lookAheadSettled } from "@/server/assessment/attempt-states";
import { getEngine } from "@/server/assessment/engine";
import { optionCode } from "@/server/assessment/option-codes";
import {
  finishEarly,
  loadAttemptPage,
  loadQuiz,
  startAssessment,
  submitAnswer,
} from "@/server/assessment/quiz";
import { specOf } from "@/server/assessment/spec";
import { submitSelfRatings, type SelfRatingView } from "@/server/assessment/self-rating-step";
import { findOwnedAttemptWithAnswers } from "@/server/attempts";
import { exportUserData } from "@/server/data-export";
import { db } from "@/server/db";
import { anonymousOwner, userOwner, type Owner } from "@/server/identity/owner";
import { progressByRole } from "@/server/history";
import { loadResults } from "@/server/results";
import { loadSharedView, createShareLink } from "@/server/share-links";
import { keyCodes } from "../../factories/answers";

const newOwner = () => anonymousOwner(`owner-${randomUUID()}`);

async function start(owner: Owner): Promise<string> {
  const started = await startAssessment({ from: "data-scientist", to: "ai-engineer", budget: "30" }, owner);
  if (!started.ok) throw new Error(JSON.stringify(started.fieldErrors));
  return started.attemptId;
}

async function offered(attemptId: string, owner: Owner): Promise<SelfRatingView> {
  const page = await loadAttemptPage(attemptId, owner);
  if (page.kind !== "selfRating") throw new Error(`expected the self-rating step, got ${page.kind}`);
  return page.view;
}

async function firstQuestionId(attemptId: string, owner: Owner): Promise<string> {
  const state = await loadQuiz(attemptId, owner);
  if (state.kind !== "question") throw new Error(`expected a question, got ${state.kind}`);
  return state.view.questionId;
}

/** A wrong option's code (or "I don't know" when a question has none). */
function wrongAnswer(attemptId: string, questionId: string) {
  const wrong = getEngine()
    .graph.questions.get(questionId)
    ?.options.find((option) => option.correct !== true);
  return wrong
    ? { questionId, choice: [optionCode(attemptId, questionId, wrong)] }
    : { questionId, dontKnow: true };
}

async function answerAll(attemptId: string, owner: Owner, correctly: boolean, most = 40) {
  for (let turn = 0; turn < most; turn++) {
    const state = await loadQuiz(attemptId, owner);
    if (state.kind !== "question") return;
    const questionId = state.view.questionId;
    await submitAnswer(
      attemptId,
      owner,
      correctly
        ? { questionId, choice: keyCodes(attemptId, questionId) }
        : wrongAnswer(attemptId, questionId),
    );
  }
  await finishEarly(attemptId, owner);
}

describe("the self-rating step", () => {
  it("is offered before the first question of a new attempt, with every required skill and its five level descriptors", async () => {
    const owner = newOwner();
    const attemptId = await start(owner);
    const view = await offered(attemptId, owner);
    const required = getEngine().graph.roles.get("ai-engineer")?.requires ?? [];
    expect(view.skills.map((skill) => skill.skillId).sort()).toEqual(required.map((r) => r.skill).sort());
    // Core skills first, each with levels 0–4 described in short.
    expect(view.skills[0]?.isCore).toBe(true);
    for (const skill of view.skills) {
      expect(skill.levels.map((level) => level.level)).toEqual([0, 1, 2, 3, 4]);
      for (const level of skill.levels) expect(level.descriptor.length).toBeGreaterThan(0);
      for (const level of skill.levels) expect(level.descriptor.length).toBeLessThanOrEqual(81);
    }
    // The attempt records the model its ratings will be read with.
    const row = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(row).toMatchObject({
      selfRatingStep: "offered",
      selfRatingBiasMean: SELF_RATING_DEFAULTS.biasMean,
      selfRatingBiasSd: SELF_RATING_DEFAULTS.biasSd,
      selfRatingNoiseSd: SELF_RATING_DEFAULTS.noiseSd,
    });
  });

  it("never shows the screen for attempts from before self-ratings, and refuses ratings for them", async () => {
    const owner = newOwner();
    const attemptId = await start(owner);
    // What the migration gives every existing attempt.
    await db.attempt.update({ where: { id: attemptId }, data: { selfRatingStep: "none" } });
    expect((await loadAttemptPage(attemptId, owner)).kind).toBe("question");
    const result = await submitSelfRatings(attemptId, owner, { ratings: { python: "3" } });
    expect(result.kind).toBe("locked");
    expect(await db.selfRating.count({ where: { attemptId } })).toBe(0);
  });

  it("stores one row per required skill, not sure as null, and serves the first question from the rated state, as a fresh replay would", async () => {
    const owner = newOwner();
    const attemptId = await start(owner);
    await offered(attemptId, owner);
    // An API client looking at the question first: the unrated 0-answer state and its look-aheads are kept.
    await firstQuestionId(attemptId, owner);
    await lookAheadSettled();
    const engine = getEngine();
    const before = await findOwnedAttemptWithAnswers(attemptId, owner);
    if (!before) throw new Error("attempt not found");
    const unratedKey = attemptStateKey(engine.graph.contentHash, specOf(before.attempt), []);
    const unrated = cachedAttemptState(attemptId, unratedKey);
    expect(unrated).toBeDefined();

    const saved = await submitSelfRatings(attemptId, owner, {
      ratings: { python: "4", "llm-apis": "4", "prompt-engineering": "unsure", embeddings: "0" },
    });
    expect(saved).toEqual({ kind: "saved" });

    const rows = await db.selfRating.findMany({ where: { attemptId }, orderBy: { skillId: "asc" } });
    const required = engine.graph.roles.get("ai-engineer")?.requires ?? [];
    expect(rows).toHaveLength(required.length);
    expect(rows.find((row) => row.skillId === "python")?.level).toBe(4);
    expect(rows.find((row) => row.skillId === "embeddings")?.level).toBe(0);
    expect(rows.find((row) => row.skillId === "prompt-engineering")?.level).toBeNull();
    expect(rows.find((row) => row.skillId === "model-evaluation")?.level).toBeNull(); // left out: not sure
    expect((await loadAttemptPage(attemptId, owner)).kind).toBe("question");

    // The unrated state is gone; what is served is the replay of the rated spec, from scratch.
    expect(cachedAttemptState(attemptId, unratedKey)).toBeUndefined();
    const after = await findOwnedAttemptWithAnswers(attemptId, owner);
    if (!after) throw new Error("attempt not found");
    const spec = specOf(after.attempt, after.selfRatings);
    expect(spec.selfRatings).toEqual([
      { skillId: "embeddings", level: 0 },
      { skillId: "llm-apis", level: 4 },
      { skillId: "python", level: 4 },
    ]);
    const fresh = replayAttempt(engine, spec, []);
    expect(await firstQuestionId(attemptId, owner)).toBe(fresh.next?.id);
    const served = cachedAttemptState(attemptId, attemptStateKey(engine.graph.contentHash, spec, []));
    expect(served?.posterior.mean).toEqual(fresh.posterior.mean);
    // The ratings moved the belief: python up, embeddings down, against the unrated prior.
    const python = engine.model.skillIndex.get("python") ?? -1;
    const embeddings = engine.model.skillIndex.get("embeddings") ?? -1;
    expect(fresh.posterior.mean[python]).toBeGreaterThan(unrated?.posterior.mean[python] ?? Infinity);
    expect(fresh.posterior.mean[embeddings]).toBeLessThan(unrated?.posterior.mean[embeddings] ?? -Infinity);
  });

  it("skipping stores no rating and leaves the engine exactly as without the step", async () => {
    const owner = newOwner();
    const attemptId = await start(owner);
    expect(await submitSelfRatings(attemptId, owner, { skip: true, ratings: { python: "4" } })).toEqual({
      kind: "saved",
    });
    expect(await db.selfRating.count({ where: { attemptId } })).toBe(0);
    const found = await findOwnedAttemptWithAnswers(attemptId, owner);
    if (!found) throw new Error("attempt not found");
    expect(found.attempt.selfRatingStep).toBe("skipped");
    const spec = specOf(found.attempt, found.selfRatings);
    expect(spec.selfRatings).toBeUndefined();
    expect(await firstQuestionId(attemptId, owner)).toBe(replayAttempt(getEngine(), spec, []).next?.id);
  });

  it("locks the ratings once the first answer exists, with a clear message, changing nothing", async () => {
    const owner = newOwner();
    const attemptId = await start(owner);
    await submitSelfRatings(attemptId, owner, { ratings: { python: "2" } });
    const questionId = await firstQuestionId(attemptId, owner);
    await submitAnswer(attemptId, owner, { questionId, dontKnow: true });

    const again = await submitSelfRatings(attemptId, owner, { ratings: { python: "4" } });
    expect(again.kind).toBe("locked");
    if (again.kind === "locked") expect(again.message).toMatch(/can no longer change/);
    const skip = await submitSelfRatings(attemptId, owner, { skip: true });
    expect(skip.kind).toBe("locked");
    const python = await db.selfRating.findUnique({
      where: { attemptId_skillId: { attemptId, skillId: "python" } },
    });
    expect(python?.level).toBe(2);
    expect((await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).selfRatingStep).toBe("done");
  });

  it("refuses a level outside 0–4 and a skill the role does not require, storing nothing", async () => {
    const owner = newOwner();
    const attemptId = await start(owner);
    const level = await submitSelfRatings(attemptId, owner, { ratings: { python: "7" } });
    expect(level).toEqual({
      kind: "invalid",
      message: "Choose a level from 0 to 4, or “not sure”, for each skill.",
    });
    const skill = await submitSelfRatings(attemptId, owner, { ratings: { "no-such-skill": "2" } });
    expect(skill.kind).toBe("invalid");
    expect(await db.selfRating.count({ where: { attemptId } })).toBe(0);
    expect((await db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).selfRatingStep).toBe("offered");
  });

  it("the attempt's page shows the screen, then the question loadQuiz shows, then completed", async () => {
    const owner = newOwner();
    const attemptId = await start(owner);
    expect((await loadAttemptPage(attemptId, owner)).kind).toBe("selfRating");
    await submitSelfRatings(attemptId, owner, { skip: true });
    const page = await loadAttemptPage(attemptId, owner);
    expect(page).toEqual(await loadQuiz(attemptId, owner));
    expect(page.kind).toBe("question");
    await finishEarly(attemptId, owner);
    expect(await loadAttemptPage(attemptId, owner)).toEqual({ kind: "completed" });
  });

  it("answers not found for an unknown attempt and for someone else's, the same way", async () => {
    const owner = newOwner();
    const attemptId = await start(owner);
    const stranger = newOwner();
    expect(await loadAttemptPage(attemptId, stranger)).toEqual({ kind: "notFound" });
    expect(await submitSelfRatings(attemptId, stranger, { ratings: { python: "4" } })).toEqual({
      kind: "notFound",
    });
    expect(await submitSelfRatings("no-such-attempt", owner, { skip: true })).toEqual({ kind: "notFound" });
    expect(await loadAttemptPage(attemptId, null)).toEqual({ kind: "notFound" });
    expect(await loadAttemptPage("no-such-attempt", owner)).toEqual({ kind: "notFound" });
    expect(await db.selfRating.count({ where: { attemptId } })).toBe(0);
  });
});

describe("self-ratings in results, export and deletion", () => {
  async function createUser() {
    const id = `u-${randomUUID()}`;
    await db.user.create({ data: { id, name: "Rater", email: `${id}@example.test`, updatedAt: new Date() } });
    return id;
  }

  it("names blind spots (rated above what the answers show) and hidden strengths (answers above the rating)", async () => {
    const owner = newOwner();
    const overrated = await start(owner);
    const core = ["python", "llm-apis", "prompt-engineering", "retrieval-augmented-generation"];
    await submitSelfRatings(overrated, owner, { ratings: Object.fromEntries(core.map((id) => [id, "4"])) });
    await answerAll(overrated, owner, false);
    const low = await loadResults(overrated, owner);
    expect(low?.selfRating.rated).toBe(4);
    expect(low?.selfRating.blindSpots.length).toBeGreaterThan(0);
    for (const row of low?.selfRating.blindSpots ?? []) {
      expect(row.selfRating?.level).toBeGreaterThan(row.high);
      expect(core).toContain(row.skillId);
    }
    expect(low?.selfRating.hiddenStrengths).toEqual([]);

    const underrated = await start(owner);
    await submitSelfRatings(underrated, owner, { ratings: Object.fromEntries(core.map((id) => [id, "0"])) });
    await answerAll(underrated, owner, true);
    const high = await loadResults(underrated, owner);
    expect(high?.selfRating.hiddenStrengths.length).toBeGreaterThan(0);
    for (const row of high?.selfRating.hiddenStrengths ?? [])
      expect(row.low).toBeGreaterThan(row.selfRating?.level ?? 9);
    expect(high?.selfRating.blindSpots).toEqual([]);
    // Unrated skills carry no self-rating.
    expect(high?.required.find((row) => row.skillId === "embeddings")?.selfRating).toBeNull();
  }, 60_000);

  it("are exported with the person's data and never shown through a share link", async () => {
    const userId = await createUser();
    const owner = userOwner(userId);
    const attemptId = await start(owner);
    await submitSelfRatings(attemptId, owner, { ratings: { python: "3", "llm-apis": "unsure" } });
    await answerAll(attemptId, owner, true, 3);

    const data = await exportUserData(userId);
    const exported = data?.attempts.find((attempt) => attempt.id === attemptId);
    expect(exported?.selfRating.step).toBe("done");
    expect(exported?.selfRating.model).toEqual(SELF_RATING_DEFAULTS);
    expect(exported?.selfRating.ratings).toContainEqual({ skillId: "python", level: 3 });
    expect(exported?.selfRating.ratings).toContainEqual({ skillId: "llm-apis", level: null });

    const link = await createShareLink(userId, "results", attemptId);
    if (!link.ok) throw new Error("no link");
    const shared = await loadSharedView(link.url.replace("/shared/", ""));
    if (shared?.kind !== "results") throw new Error("expected shared results");
    expect(JSON.stringify(shared.results)).not.toContain('"selfRating":{');
    expect(shared.results.required.every((row) => row.selfRating === null)).toBe(true);
  }, 30_000);

  it("show in the history per reassessment: blind spots, hidden strengths and the mean gap, null when skipped", async () => {
    const userId = await createUser();
    const owner = userOwner(userId);
    const skipped = await start(owner);
    await submitSelfRatings(skipped, owner, { skip: true });
    await answerAll(skipped, owner, true, 2);
    const rated = await start(owner);
    await submitSelfRatings(rated, owner, {
      ratings: { python: "4", "llm-apis": "4", embeddings: "unsure" },
    });
    await answerAll(rated, owner, false, 6);

    const [role] = await progressByRole(userId);
    expect(role?.attempts.map((attempt) => attempt.id)).toEqual([skipped, rated]);
    expect(role?.selfRatingGaps[0]).toBeNull();
    const gaps = role?.selfRatingGaps[1];
    expect(gaps?.rated).toBe(2);
    const results = await loadResults(rated, owner);
    // The history's figures are the results page's, by the same rule.
    expect(gaps?.blindSpots).toBe(results?.selfRating.blindSpots.length);
    expect(gaps?.hiddenStrengths).toBe(results?.selfRating.hiddenStrengths.length);
    const python = results?.required.find((row) => row.skillId === "python");
    const llm = results?.required.find((row) => row.skillId === "llm-apis");
    expect(gaps?.meanAbsoluteGap).toBeCloseTo(
      (Math.abs(4 - (python?.level ?? 0)) + Math.abs(4 - (llm?.level ?? 0))) / 2,
    );
  }, 30_000);

  it("are deleted with the attempt and with the account", async () => {
    const userId = await createUser();
    const owner = userOwner(userId);
    const first = await start(owner);
    const second = await start(owner);
    await submitSelfRatings(first, owner, { ratings: { python: "3" } });
    await submitSelfRatings(second, owner, { ratings: { python: "2" } });
    expect(await db.selfRating.count({ where: { attemptId: { in: [first, second] } } })).toBeGreaterThan(0);

    await db.attempt.delete({ where: { id: first } });
    expect(await db.selfRating.count({ where: { attemptId: first } })).toBe(0);
    expect(await db.selfRating.count({ where: { attemptId: second } })).toBeGreaterThan(0);
    // Account deletion deletes the user row; attempts and their ratings go with it.
    await db.user.delete({ where: { id: userId } });
    expect(await db.selfRating.count({ where: { attemptId: second } })).toBe(0);
  });
});
