import "server-only";
import { randomInt } from "node:crypto";
import { z } from "zod";
import type { Question } from "@/domain/content/types";
import type { FieldErrors } from "@/lib/field-errors";
import { replayAttempt, scoreChoice, type AttemptSpec, type AttemptState } from "@/domain/engine/assess";
import { expectedRemainingItems } from "@/domain/engine/decision";
import { rehearseEngine } from "@/domain/engine/rehearsal";
import { ENGINE_DEFAULTS, nominalParameters, type ItemParameters } from "@/domain/engine/model";
import { SELF_RATING_DEFAULTS } from "@/domain/engine/self-rating";
import { HOURS_PER_WEEK } from "@/domain/plan";
import {
  advanceQuestion,
  createAttempt,
  findOwnedAttempt,
  findOwnedAttemptWithAnswers,
  guardedAnswerWrites,
  listSeenQuestionIds,
  listSkillEstimates,
  recordAnswer,
  recordAnswerAndAdvance,
  recordAnswerIfUnchanged,
  type AnswerRow,
  type AttemptRow,
  type NewAnswer,
  type RecordedAnswerResult,
} from "../attempts";
import { clearMarkdownCache } from "../markdown";
import { clearQuestionHtml, prerenderQuestions, questionHtml } from "./question-html";
import { applyRulesForLearner } from "../cohorts/assignments";
import { refreshPlan } from "../plans";
import {
  answerPathRequest,
  attemptSnapshot,
  attemptState,
  attemptStateStats,
  clearAttemptStates,
  forgetAttemptSnapshot,
  lookAhead,
  rememberAttemptSnapshot,
  type AttemptSnapshot,
} from "./attempt-states";
import { currentCalibrationVersion } from "../calibration";
import { getAttemptEngine, getEngine } from "./engine";
import { optionCode, orderOptions, resolveOptionCodes } from "./option-codes";
import { answerEvidenceOf, scoreAndSave, toRecordedAnswers, type StopCause } from "./scoring";
import { offersSelfRating, selfRatingView, type SelfRatingView } from "./self-rating-step";
import { specOf } from "./spec";
import { isDemoAttempt } from "../response-records";
import { isTimeZone } from "@/domain/time-zones";
import type { Owner } from "../identity/owner";
import type { StoredSelfRating } from "../self-ratings";

export const StartAssessmentSchema = z
  .object({
    from: z.string().trim().max(100).default(""),
    to: z.string().trim().max(100).default(""),
    hoursPerWeek: z.string().trim().max(10).default(""),
    timeZone: z.string().trim().max(100).default(""),
    budget: z.string().trim().max(10).default(""),
  })
  .strict();

/** Quiz lengths a person can choose: the most questions the engine may ask before it must stop. */
export const BUDGET_CHOICES = [15, 20, 30] as const;

/** Where an attempt was taken: a team (and its open round) or a cohort's assessment window. */
export interface AttemptContext {
  teamId?: string | null;
  teamRoundId?: string | null;
  cohortAssessmentId?: string | null;
}

export type StartFieldErrors = FieldErrors<"from" | "to" | "hoursPerWeek" | "budget">;
export type StartResult = { ok: true; attemptId: string } | { ok: false; fieldErrors: StartFieldErrors };

/** Validates the start form and opens an attempt with its first question chosen and stored. */
export async function startAssessment(
  input: z.input<typeof StartAssessmentSchema>,
  owner: Owner,
  context: AttemptContext | null = null,
): Promise<StartResult> {
  const engine = getEngine();
  const parsed = StartAssessmentSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, fieldErrors: { to: "The form could not be read; reload the page and try again." } };
  const { from, to, hoursPerWeek: hoursText, timeZone, budget: budgetText } = parsed.data;
  const fieldErrors: StartFieldErrors = {};
  if (from !== "" && !engine.graph.roles.has(from))
    fieldErrors.from = "Choose your current role from the list.";
  if (!engine.graph.roles.has(to)) fieldErrors.to = "Choose the role you want to move into.";
  let hoursPerWeek: number | null = null;
  if (hoursText !== "") {
    const hours = Number(hoursText);
    if (!Number.isInteger(hours) || hours < HOURS_PER_WEEK.min || hours > HOURS_PER_WEEK.max) {
      fieldErrors.hoursPerWeek = `Enter whole hours between ${HOURS_PER_WEEK.min} and ${HOURS_PER_WEEK.max}, or leave it empty.`;
    } else hoursPerWeek = hours;
  }
  const budget = budgetText === "" ? ENGINE_DEFAULTS.budget : Number(budgetText);
  if (!(BUDGET_CHOICES as readonly number[]).includes(budget))
    fieldErrors.budget = `Choose ${BUDGET_CHOICES.join(", ")} questions at most.`;
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };

  const seed = randomInt(1, 2 ** 31 - 1);
  const seenBefore = await listSeenQuestionIds(owner);
  const spec: AttemptSpec = { currentRoleId: from || null, targetRoleId: to, seed, seenBefore, budget };
  // The newest calibration set, kept by the attempt to the end (decision 013).
  const calibrationVersion = await currentCalibrationVersion();
  const first = replayAttempt(await getAttemptEngine(calibrationVersion), spec, []);
  const attempt = await createAttempt({
    owner,
    currentRoleId: spec.currentRoleId,
    targetRoleId: to,
    contentHash: engine.graph.contentHash,
    engineSeed: seed,
    budget,
    hoursPerWeek,
    timeZone: isTimeZone(timeZone) ? timeZone : "UTC",
    currentQuestionId: first.next?.id ?? null,
    seenQuestionIds: seenBefore,
    teamId: context?.teamId ?? null,
    teamRoundId: context?.teamRoundId ?? null,
    cohortAssessmentId: context?.cohortAssessmentId ?? null,
    // Every new attempt opens with the self-rating screen (self-rating-step.ts); the first question
    // stored here is the unrated one and is chosen again once the person rates or skips.
    selfRatingStep: "offered",
    selfRatingModel: { ...SELF_RATING_DEFAULTS },
    calibrationVersion,
  });
  return { ok: true, attemptId: attempt.id };
}

/**
 * What the quiz screen may know about a question: no key, no parameters, no content option ids —
 * each option travels as an opaque per-attempt code, in the attempt's own order.
 */
export interface QuestionView {
  attemptId: string;
  questionId: string;
  type: "single" | "multiple";
  skillTitle: string;
  stemHtml: string;
  /** `id` is the option's opaque code for this attempt (option-codes.ts). */
  options: { id: string; html: string }[];
  answered: number;
  expectedRemaining: number;
  budget: number;
  /** Skills the target role requires that have no answer yet, core first (what "Finish now" would leave unmeasured). */
  unaskedSkills: string[];
  /** How many skills the target role requires. */
  requiredSkills: number;
}

export type QuizState =
  { kind: "question"; view: QuestionView } | { kind: "completed" } | { kind: "notFound" };

/** The attempt's engine state: the replay of its stored answers, or the same state kept from before. */
async function stateOf(
  attempt: AttemptRow,
  answerRows: readonly AnswerRow[],
  selfRatings: readonly StoredSelfRating[],
) {
  const engine = await getAttemptEngine(attempt.calibrationVersion);
  const answers = toRecordedAnswers(answerRows);
  const spec = specOf(attempt, selfRatings);
  return { engine, answers, spec, state: attemptState(attempt.id, engine, spec, answers) };
}

function questionView(attempt: AttemptRow, question: Question, state: AttemptState): QuestionView {
  const { graph, model } = getEngine();
  const title = (skillId: string) => graph.skills.get(skillId)?.title ?? skillId;
  // Finishing now leaves the question on screen unanswered, so its skill counts among the unasked.
  const unasked = state.uncovered.map((skill) => model.skillIds[skill] as string);
  const html = questionHtml(graph.contentHash, question);
  return {
    attemptId: attempt.id,
    questionId: question.id,
    type: question.type === "multiple" ? "multiple" : "single",
    skillTitle: title(question.skill),
    stemHtml: html.stemHtml,
    // Order and codes are per attempt, applied after the per-content-version HTML cache.
    options: orderOptions(attempt.id, question.id, question.options).map((option) => ({
      id: optionCode(attempt.id, question.id, option),
      html: html.optionHtml.get(option.id) ?? "",
    })),
    answered: state.answered,
    expectedRemaining: expectedRemainingItems(
      state.risk,
      state.answered,
      attempt.budget,
      state.uncovered.length,
    ),
    budget: attempt.budget,
    unaskedSkills: unasked.map(title),
    requiredSkills: state.target.skillIndexes.length,
  };
}

/**
 * The question to show. Normally the stored current question, so a reload or a resumed tab shows
 * the same one; when content removed it, or it was answered, the engine picks again and the new
 * choice is stored.
 */
export function loadQuiz(attemptId: string, owner: Owner | null): Promise<QuizState> {
  return answerPathRequest(async () =>
    showQuestion(await findOwnedAttemptWithAnswers(attemptId, owner), owner),
  );
}

/** What the attempt's page shows: the self-rating screen before the first answer, else as loadQuiz. */
export type AttemptPageState = QuizState | { kind: "selfRating"; view: SelfRatingView };

/**
 * The attempt's page from one read of the attempt: the self-rating screen while the step is
 * offered and nothing is answered (self-rating-step.ts), otherwise the question on screen, or
 * completed, or not found — the same not found for someone else's attempt as for none.
 */
export function loadAttemptPage(attemptId: string, owner: Owner | null): Promise<AttemptPageState> {
  return answerPathRequest(async () => {
    const found = await findOwnedAttemptWithAnswers(attemptId, owner);
    if (found && owner && offersSelfRating(found.attempt, found.answers.length))
      return { kind: "selfRating", view: selfRatingView(found.attempt) };
    return showQuestion(found, owner);
  });
}

async function showQuestion(
  found: Awaited<ReturnType<typeof findOwnedAttemptWithAnswers>>,
  owner: Owner | null,
): Promise<QuizState> {
  if (!found || !owner) return { kind: "notFound" };
  const { attempt, answers: answerRows, selfRatings } = found;
  if (attempt.status !== "in_progress") return { kind: "completed" };
  const { engine, answers, spec, state } = await stateOf(attempt, answerRows, selfRatings);
  const answeredIds = new Set(answerRows.map((row) => row.questionId));
  let question =
    attempt.currentQuestionId && !answeredIds.has(attempt.currentQuestionId)
      ? engine.graph.questions.get(attempt.currentQuestionId)
      : undefined;
  if (!question) {
    if (state.stop || !state.next) {
      await finalise(attempt, state, answerRows, state.stop ?? "exhausted", owner);
      return { kind: "completed" };
    }
    await advanceQuestion(attempt.id, attempt.currentQuestionId, state.next.id);
    question = engine.graph.questions.get(state.next.id);
    if (!question) return { kind: "completed" };
  } else if (guardedAnswerWrites && answerRows.length > 0) {
    // The attempt as just read, for the answer to this question (a reload, a resumed tab): as in
    // afterWrite, only once it holds an answer and its self-ratings can no longer change.
    rememberAttemptSnapshot({ owner, attempt, answers: answerRows, selfRatings });
  }
  lookAhead(attempt.id, engine, spec, answers, question);
  return { kind: "question", view: questionView(attempt, question, state) };
}

export const AnswerSchema = z
  .object({
    questionId: z.string().min(1).max(200),
    /** Option codes as the quiz sent them (QuestionView.options[].id), never content ids. */
    choice: z.array(z.string().min(1).max(200)).max(10).default([]),
    dontKnow: z.boolean().default(false),
  })
  .strict();

/** "next" carries the question now on screen when this request moved the attempt (saves a reload). */
export type AnswerResult =
  | { kind: "next"; view?: QuestionView }
  | { kind: "completed" }
  | { kind: "notFound" }
  | { kind: "invalid"; message: string };

/**
 * Stores an answer to the attempt's current question and moves on. Idempotent: an answer to a
 * question already answered, or to one that is no longer current, changes nothing and reports
 * where the attempt is now.
 */
export function submitAnswer(attemptId: string, owner: Owner | null, input: unknown): Promise<AnswerResult> {
  return answerPathRequest(() => storeAnswer(attemptId, owner, input));
}

async function storeAnswer(attemptId: string, owner: Owner | null, input: unknown): Promise<AnswerResult> {
  const parsed = AnswerSchema.safeParse(input);
  if (!parsed.success) return { kind: "invalid", message: "Choose an answer, or choose “I don’t know”." };
  const remembered = owner && guardedAnswerWrites ? attemptSnapshot(attemptId, owner) : undefined;
  if (remembered && owner) {
    const warm = await storeFromSnapshot(remembered, owner, parsed.data);
    if (warm) return warm;
    attemptStateStats.snapshotFallbacks++;
    forgetAttemptSnapshot(attemptId);
  }
  const found = await findOwnedAttemptWithAnswers(attemptId, owner);
  if (!found || !owner) return { kind: "notFound" };
  const prepared = await prepareAnswer(found, parsed.data);
  if (prepared.kind !== "store") return prepared;
  const { answer, ifStored } = prepared;
  const moveTo = ifStored.state.stop ? undefined : ifStored.state.next;
  const written = moveTo
    ? await recordAnswerAndAdvance(answer, moveTo.id)
    : { stored: await recordAnswer(answer), inserted: false, advancedAt: null };
  return afterWrite(found, owner, prepared, written, moveTo !== undefined);
}

/**
 * The answer from the attempt as this process last wrote or read it, without reading it again
 * (PostgreSQL: one round trip instead of two): written only if the attempt row is still what the
 * snapshot says (recordAnswerIfUnchanged). null when anything else would happen — the question is
 * not the one on screen, the answer is refused, it would end the quiz (scoring reads fresh), or
 * the row changed — and the caller takes the path that reads, which reports exactly as it always did.
 */
async function storeFromSnapshot(
  snapshot: AttemptSnapshot,
  owner: Owner,
  input: z.infer<typeof AnswerSchema>,
): Promise<AnswerResult | null> {
  if (snapshot.attempt.currentQuestionId !== input.questionId) return null;
  const prepared = await prepareAnswer(snapshot, input);
  if (prepared.kind !== "store") return null;
  const moveTo = prepared.ifStored.state.stop ? undefined : prepared.ifStored.state.next;
  if (!moveTo) return null;
  const written = await recordAnswerIfUnchanged(
    prepared.answer,
    moveTo.id,
    owner,
    snapshot.attempt.questionShownAt,
  );
  if (!written) return null;
  attemptStateStats.snapshotWrites++;
  return afterWrite(snapshot, owner, prepared, written, true);
}

interface Found {
  attempt: AttemptRow;
  answers: readonly AnswerRow[];
  selfRatings: readonly StoredSelfRating[];
}

type PreparedAnswer = {
  kind: "store";
  engine: Awaited<ReturnType<typeof getAttemptEngine>>;
  answer: NewAnswer;
  /** The state as if this answer is the one stored. */
  ifStored: Awaited<ReturnType<typeof stateOf>>;
};

/**
 * The answer row `input` makes for the attempt as `found` holds it, with the engine state as if it
 * is stored — or what to report instead (already answered, not current, gone from content, refused).
 */
async function prepareAnswer(
  found: Found,
  input: z.infer<typeof AnswerSchema>,
): Promise<PreparedAnswer | AnswerResult> {
  const { attempt, answers: before, selfRatings } = found;
  if (attempt.status !== "in_progress") return { kind: "completed" };
  const { questionId, choice, dontKnow } = input;
  if (before.some((row) => row.questionId === questionId) || attempt.currentQuestionId !== questionId)
    return { kind: "next" };

  const engine = await getAttemptEngine(attempt.calibrationVersion);
  const question = engine.graph.questions.get(questionId);
  if (!question) return { kind: "next" }; // removed from content since it was shown: loadQuiz picks another
  const chosen = dontKnow ? [] : resolveOptionCodes(attempt.id, question, [...new Set(choice)]);
  if (!dontKnow) {
    if (choice.length === 0)
      return { kind: "invalid", message: "Choose an answer, or choose “I don’t know”." };
    if (!chosen)
      return { kind: "invalid", message: "That option is not part of this question; reload the page." };
    if (question.type === "single" && chosen.length > 1)
      return { kind: "invalid", message: "Choose one answer." };
  }
  const answeredAt = Date.now();
  const answer: NewAnswer = {
    attemptId: attempt.id,
    questionId,
    skillId: question.skill,
    chosenOptionIds: chosen ?? [],
    isDontKnow: dontKnow,
    isCorrect: !dontKnow && scoreChoice(question.options, chosen ?? []),
    position: before.length + 1,
    // The parameters this attempt's engine uses (calibrated or nominal), stored with the answer.
    ...itemParameters(engine.model.itemById.get(questionId) ?? nominalParameters(question)),
    msOnItem: timeOnItem(attempt.questionShownAt, answeredAt),
    itemHash: question.contentHash,
  };
  // The state as if this answer is the one stored, so that storing it and moving the attempt on
  // are one write (one round trip on PostgreSQL).
  const { attemptId: _attempt, ...mine } = answer;
  const ifStored = await stateOf(
    attempt,
    [...before, { ...mine, chosenOptionIds: JSON.stringify(mine.chosenOptionIds) }],
    selfRatings,
  );
  return { kind: "store", engine, answer, ifStored };
}

/** After the write: the next question (or the result), and — when this request moved the attempt on — its snapshot. */
async function afterWrite(
  found: Found,
  owner: Owner,
  { engine, answer, ifStored }: PreparedAnswer,
  { stored, inserted, advancedAt }: RecordedAnswerResult,
  advancing: boolean,
): Promise<AnswerResult> {
  const { attempt, answers: before, selfRatings } = found;
  // The stored row, not this request's choice: a concurrent duplicate may have been stored first
  // (its request moved the attempt on, or is about to; moving it again to the same question is a no-op).
  const movedOn = advancing && inserted;
  const rows = [...before, stored];
  const { answers, spec, state } = movedOn ? ifStored : await stateOf(attempt, rows, selfRatings);
  if (state.stop || !state.next) {
    await finalise(attempt, state, rows, state.stop ?? "exhausted", owner);
    return { kind: "completed" };
  }
  if (!movedOn) await advanceQuestion(attempt.id, answer.questionId, state.next.id);
  const next = engine.graph.questions.get(state.next.id);
  if (!next) return { kind: "next" };
  lookAhead(attempt.id, engine, spec, answers, next);
  // What this statement wrote is what the database holds now. Only once the attempt held an answer
  // before this one: until its first answer the self-ratings may still change (self-rating-step.ts).
  if (advancedAt && before.length > 0)
    rememberAttemptSnapshot({
      owner,
      attempt: { ...attempt, currentQuestionId: next.id, questionShownAt: advancedAt },
      answers: rows,
      selfRatings,
    });
  else forgetAttemptSnapshot(attempt.id);
  return { kind: "next", view: questionView(attempt, next, state) };
}

/** "Finish now": scores what has been answered so far, with the confidence that honestly implies. */
export async function finishEarly(attemptId: string, owner: Owner | null): Promise<"completed" | "notFound"> {
  const found = await findOwnedAttemptWithAnswers(attemptId, owner);
  if (!found || !owner) return "notFound";
  if (found.attempt.status !== "in_progress") return "completed";
  const { state } = await stateOf(found.attempt, found.answers, found.selfRatings);
  await finalise(found.attempt, state, found.answers, "finished", owner);
  return "completed";
}

function itemParameters({ difficulty, discrimination, guessing }: ItemParameters): ItemParameters {
  return { difficulty, discrimination, guessing };
}

/** Longest time on an item the record keeps: a tab left open for days says nothing more than one left for a day. */
const MAX_MS_ON_ITEM = 24 * 60 * 60 * 1000;

/** Milliseconds from showing the question to receiving its answer; null when the showing was not recorded. */
function timeOnItem(shownAt: Date | null, answeredAt: number): number | null {
  if (!shownAt) return null;
  return Math.min(MAX_MS_ON_ITEM, Math.max(0, Math.round(answeredAt - shownAt.getTime())));
}

async function finalise(
  attempt: AttemptRow,
  state: Parameters<typeof scoreAndSave>[3],
  rows: readonly AnswerRow[],
  cause: StopCause,
  owner: Owner,
) {
  // Scoring moves the attempt out of progress: no answer may be written from what was remembered.
  forgetAttemptSnapshot(attempt.id);
  const engine = await getAttemptEngine(attempt.calibrationVersion);
  const demo = attempt.teamId || attempt.cohortAssessmentId ? await isDemoAttempt(attempt) : false;
  const skills = await scoreAndSave(
    engine,
    attempt.id,
    attempt.engineSeed,
    state,
    toRecordedAnswers(rows),
    cause,
    answerEvidenceOf(engine, state, rows, demo, attempt.calibrationVersion),
  );
  await refreshPlan(engine.graph, planSource(attempt, owner, skills, attempt.hoursPerWeek));
  // A cohort attempt finishing after staff applied the rules: the rules are evaluated for this
  // learner now, so late finishers get their modules without anyone re-applying.
  if (attempt.cohortAssessmentId && owner.userId)
    await applyRulesForLearner(attempt.cohortAssessmentId, owner.userId);
}

/** What the plan is built from: the attempt's owner, target, pace, time zone and skill estimates. */
function planSource(
  attempt: AttemptRow,
  owner: Owner,
  skills: Parameters<typeof refreshPlan>[1]["skills"],
  hoursPerWeek: number | null,
) {
  return {
    owner,
    attemptId: attempt.id,
    targetRoleId: attempt.targetRoleId,
    hoursPerWeek,
    timeZone: attempt.timeZone,
    skills,
  };
}

/** Regenerates a plan from the estimates of the attempt it came from (after content changes or an undo). */
export async function regeneratePlanFromAttempt(
  attemptId: string,
  owner: Owner,
  hoursPerWeek: number | null = null,
): Promise<string | null> {
  const attempt = await findOwnedAttempt(attemptId, owner);
  if (!attempt || attempt.status !== "completed") return null;
  const estimates = await listSkillEstimates(attempt.id);
  return refreshPlan(
    getEngine().graph,
    planSource(attempt, owner, estimates, hoursPerWeek ?? attempt.hoursPerWeek),
  );
}

/** Empties every per-process cache of the answer path, as a restart would (tests and the profile). */
export function clearAnswerPathCaches(): void {
  clearMarkdownCache();
  clearQuestionHtml();
  clearAttemptStates();
}

/**
 * Made-up attempts the engine is taken through at server start. Measured on the 2-core reference
 * machine (bench:server's after-restart answers on SQLite, 8 fresh processes): with 6, the slowest
 * answers of a fresh process were 4–12 ms (p95 4.8 ms) while its median was 1.3 ms — V8 was still
 * compiling the engine; with 24, p95 2.9 ms; with 60, p95 2.2 ms and the slowest 3.3 ms. 60 take
 * about 0.7 s (some 1,500 replays), once per server process, before it serves.
 */
export const REHEARSAL_ATTEMPTS = 60;

/**
 * Builds the engine for the loaded content, renders every question and rehearses the engine (at
 * server start). `rehearsalAttempts`: 0 when the process's code is already compiled (the profile's
 * simulated restart).
 */
export function readyAnswerPath(rehearsalAttempts = REHEARSAL_ATTEMPTS): void {
  const engine = getEngine();
  prerenderQuestions(engine.graph);
  rehearseEngine(engine, rehearsalAttempts);
}
