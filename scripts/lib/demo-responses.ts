import { drawTrueItems, ISSUE_POPULATION, populationSampler, type TrueItem } from "./engine-bench/world";
import { replayAttempt, scoreChoice, type RecordedAnswer } from "@/domain/engine/assess";
import { abilitiesWithoutEach } from "@/domain/engine/leave-one-out";
import { nominalParameters } from "@/domain/engine/model";
import { createRandom, type Random } from "@/domain/engine/random";
import type { Question } from "@/domain/content/types";
import { startOfDay } from "@/domain/time-zones";
import { getEngine } from "@/server/assessment/engine";
import { createRowId, db } from "@/server/db";
import type { Prisma } from "@/generated/prisma/client";

/**
 * `npm run db:seed -- --demo`: enough simulated answers for the item statistics (and calibration)
 * to show something on a fresh instance. Simulated people from the benchmark's population take
 * the quiz through the real engine (its item selection, stopping rule and leave-one-out
 * abilities, in process), answering under TRUE item parameters that differ from nominal the way
 * the issue describes — and a few items made deliberately faulty so every flag has an example:
 * level-3 items that play like level 1, items that barely measure, a wrong key, a leaked key.
 *
 * Every row is written with demo = true: live statistics and calibration never read it; the
 * statistics module shows it only when asked for the demo view ({ demo: true }).
 */
export interface DemoWorldFaults {
  /** Level-3 items that play 2 logits easier (like level 1). */
  tooEasy: string[];
  /** Items whose answers barely depend on ability. */
  flat: string[];
  /** Items whose knowers choose a distractor: the content's key is wrong. */
  wrongKey: string[];
  /** Items whose key is known to many: fast correct answers. */
  leaked: string[];
}

const DONT_KNOW_RATE = 0.35;

/** Simulated quizzes `db:seed -- --demo` writes. */
export const DEMO_RESPONSE_ATTEMPTS = 500;

/**
 * True parameters of the demo world, and which items were made faulty: single-answer items among
 * the most asked (by a short pilot run on the unfaulted world), so their flags have the responses
 * flags need.
 */
function demoWorld(random: Random, pilotAttempts: number) {
  const engine = getEngine();
  const questions = engine.graph.questions;
  const shapes = new Map(
    [...questions.values()].map((question) => [
      question.id,
      { single: question.type !== "multiple", options: question.options.length },
    ]),
  );
  const truth = drawTrueItems(engine.model, shapes, random);
  const asked = new Map<string, number>();
  for (let person = 0; person < pilotAttempts; person++)
    for (const answer of simulateAttempt(truth, new Set(), new Set(), random).details)
      asked.set(answer.question.id, (asked.get(answer.question.id) ?? 0) + 1);
  const pick = (count: number, level: number, taken: Set<string>) => {
    const chosen = engine.model.items
      .filter(
        (item) => item.level === level && !taken.has(item.id) && questions.get(item.id)?.type === "single",
      )
      .sort((a, b) => (asked.get(b.id) ?? 0) - (asked.get(a.id) ?? 0) || (a.id < b.id ? -1 : 1))
      .slice(0, count)
      .map((item) => item.id);
    for (const id of chosen) taken.add(id);
    return chosen;
  };
  const taken = new Set<string>();
  const faults: DemoWorldFaults = {
    tooEasy: pick(6, 3, taken),
    flat: pick(4, 2, taken),
    wrongKey: pick(2, 2, taken),
    leaked: pick(2, 3, taken),
  };
  for (const id of faults.tooEasy) {
    const item = truth.get(id) as TrueItem;
    truth.set(id, { ...item, difficulty: item.difficulty - 2 });
  }
  for (const id of faults.flat) {
    const item = truth.get(id) as TrueItem;
    truth.set(id, { ...item, discrimination: 0.05 });
  }
  return { truth, faults };
}

const PILOT_ATTEMPTS = 100;
const DEMO_TARGETS = ["ai-engineer", "mlops-engineer"] as const;

interface SimulatedAnswer {
  question: Question;
  chosen: string[];
  isCorrect: boolean;
  ms: number;
}

/**
 * One simulated person through the real engine: a random current and target role, abilities from
 * the benchmark's population, answers drawn from the TRUE parameters until the engine stops.
 */
function simulateAttempt(
  truth: ReadonlyMap<string, TrueItem>,
  wrongKey: ReadonlySet<string>,
  leaked: ReadonlySet<string>,
  random: Random,
) {
  const engine = getEngine();
  const { graph } = engine;
  // Two target roles, as on an instance that serves one kind of move: their items gather answers
  // quickly enough for the statistics to have something to say.
  const to = DEMO_TARGETS[Math.floor(random.next() * DEMO_TARGETS.length)] as string;
  const roles = graph.roleList.map((role) => role.id).filter((role) => role !== to);
  const from = roles[Math.floor(random.next() * roles.length)] as string;
  const { theta } = samplerFor(engine)(from, to, random);
  const spec = {
    currentRoleId: from,
    targetRoleId: to,
    seed: 1 + Math.floor(random.next() * 2 ** 30),
    budget: 20,
  };
  const answers: RecordedAnswer[] = [];
  const details: SimulatedAnswer[] = [];
  let state = replayAttempt(engine, spec, answers);
  while (!state.stop && state.next) {
    const item = state.next;
    const question = graph.questions.get(item.id) as Question;
    const trueItem = truth.get(item.id) as TrueItem;
    const ability = theta[item.skillIndex] as number;
    const knows =
      random.next() < 1 / (1 + Math.exp(-trueItem.discrimination * (ability - trueItem.difficulty)));
    const declines = !knows && random.next() < DONT_KNOW_RATE;
    const keys = question.options.filter((option) => option.correct).map((option) => option.id);
    const distractors = question.options.filter((option) => !option.correct).map((option) => option.id);
    let chosen: string[];
    if (declines) chosen = [];
    else if (knows) chosen = wrongKey.has(item.id) ? [distractors[0] as string] : keys;
    else chosen = [question.options[Math.floor(random.next() * question.options.length)]?.id as string];
    const isCorrect = !declines && scoreChoice(question.options, chosen);
    // Seconds on the item: longer for harder items; a leaked key is recognised at a glance.
    const typical = 15_000 + 5_000 * question.level;
    const ms = Math.round(
      (leaked.has(item.id) && isCorrect ? 3_000 : typical) * Math.exp(0.4 * random.normal()),
    );
    answers.push({
      questionId: item.id,
      skillId: question.skill,
      outcome: declines ? "dontKnow" : isCorrect ? "correct" : "incorrect",
      parameters: nominalParameters(question),
    });
    details.push({ question, chosen, isCorrect, ms });
    state = replayAttempt(engine, spec, answers);
  }
  return { details, answers, prior: state.prior };
}

let sampler:
  { engine: ReturnType<typeof getEngine>; sample: ReturnType<typeof populationSampler> } | undefined;
function samplerFor(engine: ReturnType<typeof getEngine>) {
  if (sampler?.engine !== engine)
    sampler = { engine, sample: populationSampler(engine.model, engine.graph, ISSUE_POPULATION) };
  return sampler.sample;
}

/** Deletes every demo response record (re-seeding replaces them, with the demo team's and cohort's). */
export async function clearDemoResponses(): Promise<number> {
  return (await db.responseRecord.deleteMany({ where: { demo: true } })).count;
}

/** Simulates `attempts` quizzes and writes their answers as demo response records. */
export async function seedDemoResponses(
  attempts = DEMO_RESPONSE_ATTEMPTS,
  seed = 20261205,
  pilotAttempts = PILOT_ATTEMPTS,
): Promise<{ attempts: number; records: number; faults: DemoWorldFaults }> {
  const engine = getEngine();
  const random = createRandom(seed);
  const { truth, faults } = demoWorld(random, pilotAttempts);
  const wrongKey = new Set(faults.wrongKey);
  const leaked = new Set(faults.leaked);
  const day = startOfDay(new Date(), "UTC");
  let written = 0;
  let batch: Prisma.ResponseRecordCreateManyInput[] = [];
  const flush = async () => {
    if (batch.length > 0) await db.responseRecord.createMany({ data: batch });
    written += batch.length;
    batch = [];
  };

  for (let person = 0; person < attempts; person++) {
    const { details, answers, prior } = simulateAttempt(truth, wrongKey, leaked, random);
    const without = abilitiesWithoutEach(engine, prior, answers);
    details.forEach((detail, index) => {
      const parameters = answers[index]?.parameters ?? nominalParameters(detail.question);
      batch.push({
        id: createRowId("r"),
        questionId: detail.question.id,
        itemHash: detail.question.contentHash,
        skillId: detail.question.skill,
        chosenOptionIds: JSON.stringify(detail.chosen),
        isDontKnow: detail.chosen.length === 0,
        isCorrect: detail.isCorrect,
        abilityOther: without[index]?.mean ?? null,
        abilitySdOther: without[index]?.sd ?? null,
        msOnItem: detail.ms,
        calibrationVersion: null,
        ...parameters,
        demo: true,
        createdAt: day,
      });
    });
    if (batch.length >= 50) await flush();
  }
  await flush();
  return { attempts, records: written, faults };
}
