import "server-only";
import type { Question } from "@/domain/content/types";
import {
  replayAttempt,
  type AttemptSpec,
  type AttemptState,
  type Engine,
  type RecordedAnswer,
} from "@/domain/engine/assess";
import { nominalParameters } from "@/domain/engine/model";
import type { Outcome } from "@/domain/engine/posterior";
import { requestsInHand } from "@/lib/requests-in-hand";
import type { AnswerRow, AttemptRow } from "../attempts";
import type { Owner } from "../identity/owner";
import type { StoredSelfRating } from "../self-ratings";

/**
 * The engine state of recently active attempts, per process, so that showing the question an
 * answer just chose (a reload, a resumed tab, a repeated request, GET …/question) does not replay
 * the attempt again. The replay (replayAttempt) stays the source of truth: an entry is used only
 * when its key — content version, the attempt's spec and every stored answer (question, outcome
 * and the parameters stored with it) — matches what the database holds now, so an answer stored by
 * another instance, an edited bank or a changed spec is a miss, and a miss is a replay. Bounded
 * (least recently used first out): any instance can rebuild any attempt from the database.
 *
 * Looking ahead: while a person reads the question an answer moved them to, the process — when it
 * has no request in hand — replays the attempt once for each outcome that question can have
 * (right, wrong, "I don't know", with the parameters its answer will be stored with). The next
 * answer then finds its state by key instead of replaying in the request. Each look-ahead is
 * replayAttempt itself on exactly the answers the database will hold, so a hit is the replay's
 * state, bit for bit; the work is skipped while requests are in hand, so under load it costs
 * nothing and an answer replays as before.
 *
 * Snapshots (PostgreSQL): with an attempt's states the cache keeps, when this process last wrote or
 * read it, the attempt as the database then held it — the row, its answers and self-ratings, and
 * the owner it was read for. The next answer in this process is computed from the snapshot and
 * written by one statement that stores it only if the row is still what the snapshot says
 * (attempts.ts, recordAnswerIfUnchanged); otherwise the snapshot is dropped and the attempt read.
 * One entry per attempt holds both, so one least-recently-used order bounds them together.
 */
export const ATTEMPT_STATE_CACHE_SIZE = 1000;
// A state holds two 31×31 covariances (posterior and prior), about 16 KB; four per attempt: ~64 MB at most.

// Per process, on globalThis like the engine (engine.ts): Next may load this module more than once
// (route handlers, pages, server actions), and they must share one cache and one count of requests.
const shared = ((globalThis as unknown as { waypointAttemptStates?: SharedState }).waypointAttemptStates ??= {
  states: new Map(),
  stats: { hits: 0, misses: 0, lookAheads: 0, snapshotWrites: 0, snapshotFallbacks: 0 },
  inHand: 0,
  waiting: [] as LookAheadJob[],
  scheduled: false,
  settled: [] as (() => void)[],
});
interface LookAheadJob {
  attemptId: string;
  run: () => void;
}
/** The attempt as the database held it when this process last wrote or read it (see above). */
export interface AttemptSnapshot {
  owner: Owner;
  attempt: AttemptRow;
  answers: readonly AnswerRow[];
  selfRatings: readonly StoredSelfRating[];
}
interface AttemptEntry {
  /** Its states by key: the current one and any computed ahead of the next answer. */
  states: Map<string, AttemptState>;
  snapshot: AttemptSnapshot | null;
}
interface SharedState {
  /** Per attempt, least recently used first. */
  states: Map<string, AttemptEntry>;
  stats: {
    hits: number;
    misses: number;
    lookAheads: number;
    snapshotWrites: number;
    snapshotFallbacks: number;
  };
  /** Requests of the answer path in hand: look-ahead work waits until there are none. */
  inHand: number;
  waiting: LookAheadJob[];
  scheduled: boolean;
  settled: (() => void)[];
}
const states = shared.states;
/** The current state and one per outcome of the question on screen. */
const STATES_PER_ATTEMPT = 4;

/** Everything the replay reads, as one string: equal keys mean byte-identical replays. */
export function attemptStateKey(
  contentHash: string,
  spec: AttemptSpec,
  answers: readonly RecordedAnswer[],
): string {
  const parts = [
    contentHash,
    spec.currentRoleId ?? "",
    spec.targetRoleId,
    spec.seed,
    spec.budget ?? "",
    spec.stopRisk ?? "",
    [...(spec.seenBefore ?? [])].join(","),
    // Self-ratings are evidence like answers: stored ratings make a 0-answer state differ from the
    // unrated one computed when the attempt started (self-rating-step.ts drops that one too).
    (spec.selfRatings ?? []).map((rating) => `${rating.skillId}=${rating.level}`).join(","),
    spec.selfRatingModel
      ? `${spec.selfRatingModel.biasMean}:${spec.selfRatingModel.biasSd}:${spec.selfRatingModel.noiseSd}`
      : "",
    answers.length,
  ];
  for (const answer of answers) {
    const { difficulty, discrimination, guessing } = answer.parameters;
    parts.push(
      `${answer.questionId}:${answer.skillId}:${answer.outcome}:${difficulty}:${discrimination}:${guessing}`,
    );
  }
  return parts.join("\u0000");
}

/** The attempt's entry, made the most recently used (created when `create`), evicting the least recently used beyond the bound. */
function touch(attemptId: string, create: true): AttemptEntry;
function touch(attemptId: string, create: false): AttemptEntry | undefined;
function touch(attemptId: string, create: boolean): AttemptEntry | undefined {
  const entry = states.get(attemptId) ?? (create ? { states: new Map(), snapshot: null } : undefined);
  if (!entry) return undefined;
  // Most recently used last, so the first attempt (and an attempt's first state) is the one to evict.
  states.delete(attemptId);
  states.set(attemptId, entry);
  if (states.size > ATTEMPT_STATE_CACHE_SIZE) states.delete(states.keys().next().value as string);
  return entry;
}

export function cachedAttemptState(attemptId: string, key: string): AttemptState | undefined {
  const entries = states.get(attemptId)?.states;
  const state = entries?.get(key);
  if (!entries || !state) return undefined;
  touch(attemptId, false);
  entries.delete(key);
  entries.set(key, state);
  return state;
}

export function rememberAttemptState(attemptId: string, key: string, state: AttemptState): void {
  const entries = touch(attemptId, true).states;
  entries.delete(key);
  entries.set(key, state);
  if (entries.size > STATES_PER_ATTEMPT) entries.delete(entries.keys().next().value as string);
}

/** Remembers the attempt as the database holds it now (after this process wrote or read it). */
export function rememberAttemptSnapshot(snapshot: AttemptSnapshot): void {
  touch(snapshot.attempt.id, true).snapshot = snapshot;
}

/** The attempt's snapshot, if this process holds one taken for the same owner. */
export function attemptSnapshot(attemptId: string, owner: Owner): AttemptSnapshot | undefined {
  const snapshot = states.get(attemptId)?.snapshot;
  if (!snapshot || snapshot.owner.userId !== owner.userId || snapshot.owner.tokenHash !== owner.tokenHash)
    return undefined;
  touch(attemptId, false);
  return snapshot;
}

/** Drops the attempt's snapshot (it no longer says what the database holds, or may not); its states stay. */
export function forgetAttemptSnapshot(attemptId: string): void {
  const entry = states.get(attemptId);
  if (entry) entry.snapshot = null;
}

/**
 * Counters for the profile and the tests: states served from the cache, replays, answers written
 * from a snapshot (one statement), and answers that found a snapshot but took the path that reads
 * (it would end the quiz, was refused, named another question, or the row had changed).
 */
export const attemptStateStats = shared.stats;

/** The stored state for `key`, else the replay of `answers` (then remembered). */
export function attemptState(
  attemptId: string,
  engine: Engine,
  spec: AttemptSpec,
  answers: readonly RecordedAnswer[],
): AttemptState {
  const key = attemptStateKey(engine.graph.contentHash, spec, answers);
  const cached = cachedAttemptState(attemptId, key);
  if (cached) {
    attemptStateStats.hits++;
    return cached;
  }
  attemptStateStats.misses++;
  const state = replayAttempt(engine, spec, answers);
  rememberAttemptState(attemptId, key, state);
  return state;
}

/** Runs one request of the answer path, marking the process busy for the look-ahead. */
export async function answerPathRequest<T>(work: () => Promise<T>): Promise<T> {
  shared.inHand++;
  try {
    return await work();
  } finally {
    shared.inHand--;
  }
}

const OUTCOMES: readonly Outcome[] = ["correct", "incorrect", "dontKnow"];
/** Look-ahead replays waiting for an idle moment; the oldest are dropped beyond this many. */
const MAX_WAITING = 300;
const RETRY_MS = 2;
const waiting = shared.waiting;

function drain(): void {
  shared.scheduled = false;
  // Idle: no answer-path call running here, and no HTTP request in hand (its answer still being sent).
  if (shared.inHand > 0 || requestsInHand.count > 0) return schedule(RETRY_MS);
  // Newest first (the person answered most recently is the likeliest to answer next); one replay
  // per turn of the event loop, so a request arriving meanwhile waits for one replay at most.
  waiting.pop()?.run();
  if (waiting.length > 0) return schedule(0);
  for (const resolve of shared.settled.splice(0)) resolve();
}

function schedule(delay: number): void {
  if (shared.scheduled) return;
  shared.scheduled = true;
  if (delay === 0) setImmediate(drain);
  else setTimeout(drain, delay);
}

/** Queues the replays of `answers` plus each outcome of `question`, the question now on screen. */
export function lookAhead(
  attemptId: string,
  engine: Engine,
  spec: AttemptSpec,
  answers: readonly RecordedAnswer[],
  question: Question,
): void {
  const parameters = nominalParameters(question);
  // The attempt has moved on: what was queued for its previous question can no longer be asked for.
  for (let i = waiting.length - 1; i >= 0; i--) if (waiting[i]?.attemptId === attemptId) waiting.splice(i, 1);
  for (const outcome of OUTCOMES) {
    waiting.push({
      attemptId,
      run: () => {
        const next = [...answers, { questionId: question.id, skillId: question.skill, outcome, parameters }];
        const key = attemptStateKey(engine.graph.contentHash, spec, next);
        if (cachedAttemptState(attemptId, key)) return;
        attemptStateStats.lookAheads++;
        rememberAttemptState(attemptId, key, replayAttempt(engine, spec, next));
      },
    });
  }
  waiting.splice(0, Math.max(0, waiting.length - MAX_WAITING));
  // A moment later, not at once: the answer that queued this is still being sent.
  schedule(RETRY_MS);
}

/** Resolves once no look-ahead is waiting (tests and the in-process benchmark). */
export function lookAheadSettled(): Promise<void> {
  if (waiting.length === 0 && !shared.scheduled) return Promise.resolve();
  return new Promise((resolve) => shared.settled.push(resolve));
}

/**
 * Forgets one attempt's states, snapshot and queued look-aheads: its ratings changed, so nothing
 * computed before can be asked for again (the key would miss anyway; this frees the memory and the work).
 */
export function forgetAttemptStates(attemptId: string): void {
  states.delete(attemptId);
  for (let i = waiting.length - 1; i >= 0; i--) if (waiting[i]?.attemptId === attemptId) waiting.splice(i, 1);
}

/** Forgets every attempt's state and snapshot (a restart, for tests and the answer-path profile). */
export function clearAttemptStates(): void {
  states.clear();
  waiting.length = 0;
  for (const resolve of shared.settled.splice(0)) resolve();
}
