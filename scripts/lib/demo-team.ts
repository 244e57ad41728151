import { ISSUE_POPULATION, populationSampler, trueProbability } from "./engine-bench/world";
import { createRandom, type Random } from "@/domain/engine/random";
import { env } from "@/env";
import { getAuth } from "@/server/auth/auth";
import { ensureAuthSecret } from "@/server/auth/secret";
import { getEngine } from "@/server/assessment/engine";
import { optionCode } from "@/server/assessment/option-codes";
import { loadQuiz, startAssessment, submitAnswer } from "@/server/assessment/quiz";
import { db } from "@/server/db";
import { userOwner } from "@/server/identity/owner";
import { openNextRound, findOpenRound } from "@/server/teams/rounds";
import { addMember, createTeam } from "@/server/teams/teams";

/**
 * `npm run db:seed -- --demo`: a demo team whose members' results come from the real engine. Each
 * synthetic person gets abilities drawn from the benchmark's population model for their current
 * role and answers every question the live quiz asks them by chance under the item's nominal 3PL
 * (key when it comes up correct, a distractor otherwise) through the same server functions the
 * app uses. Everything is labelled as demo data and can be re-seeded (old demo rows are replaced).
 */
export const DEMO_DOMAIN = "demo.waypoint.invalid";
export const DEMO_PASSWORD = "demo data passphrase";
const DEMO_MANAGER = `manager@${DEMO_DOMAIN}`;
const MEMBERS = [
  { name: "Demo: Ana", role: "ml-engineer", individual: true },
  { name: "Demo: Ben", role: "data-engineer", individual: false },
  { name: "Demo: Chen", role: "ml-engineer", individual: true },
  { name: "Demo: Dara", role: "data-scientist", individual: false },
  { name: "Demo: Emil", role: "mlops-engineer", individual: false },
  { name: "Demo: Fay", role: "data-scientist", individual: true },
  { name: "Demo: Gus", role: "ml-researcher", individual: false },
  { name: "Demo: Hana", role: "data-engineer", individual: false },
];

export async function signUp(name: string, email: string): Promise<string> {
  const result = await getAuth().api.signUpEmail({
    body: { name, email, password: DEMO_PASSWORD },
    headers: new Headers(),
  });
  return result.user.id;
}

/** Takes the live quiz as a simulated person with abilities `theta` until the engine stops. */
/** `context`: a team id (the attempt joins its open round) or `{ cohortAssessmentId }`. */
export async function simulateAttempt(
  userId: string,
  currentRoleId: string,
  targetRoleId: string,
  theta: Float64Array,
  context: string | { cohortAssessmentId: string },
  random: Random,
): Promise<void> {
  const engine = getEngine();
  const owner = userOwner(userId);
  const attemptContext =
    typeof context === "string"
      ? { teamId: context, teamRoundId: (await findOpenRound(context))?.id ?? null }
      : context;
  const started = await startAssessment(
    { from: currentRoleId, to: targetRoleId, hoursPerWeek: "5", timeZone: "UTC", budget: "20" },
    owner,
    attemptContext,
  );
  if (!started.ok) throw new Error(`demo attempt could not start: ${JSON.stringify(started.fieldErrors)}`);
  for (let step = 0; step < 40; step++) {
    const state = await loadQuiz(started.attemptId, owner);
    if (state.kind !== "question") return;
    const question = engine.graph.questions.get(state.view.questionId);
    const item = engine.model.items.find((entry) => entry.id === state.view.questionId);
    if (!question || !item) throw new Error(`unknown question ${state.view.questionId}`);
    const ability = theta[item.skillIndex] as number;
    const isCorrect = random.next() < trueProbability(ability, item);
    // The quiz takes the option codes it showed, not content ids.
    const code = (option: (typeof question.options)[number]) =>
      optionCode(started.attemptId, question.id, option);
    const key = question.options.filter((option) => option.correct).map(code);
    const wrong = question.options.filter((option) => !option.correct);
    const picked = wrong[Math.floor(random.next() * wrong.length)];
    const choice = isCorrect ? key : picked ? [code(picked)] : [];
    const result = await submitAnswer(started.attemptId, owner, { questionId: question.id, choice });
    if (result.kind === "invalid") throw new Error(`demo answer refused: ${result.message}`);
  }
}

export async function seedDemoTeam(): Promise<{ teamId: string; members: number }> {
  ensureAuthSecret(env.DATA_DIR);
  await db.user.deleteMany({ where: { email: { endsWith: `@${DEMO_DOMAIN}` } } });
  await db.team.deleteMany({ where: { isDemo: true } });

  const engine = getEngine();
  const random = createRandom(20261129);
  const targetRoleId = "mlops-engineer";
  const managerId = await signUp("Demo: Morgan (manager)", DEMO_MANAGER);
  const created = await createTeam(
    managerId,
    { name: "Demo: ML platform team", targetRoleId },
    { isDemo: true },
  );
  if (!created.ok) throw new Error("demo team could not be created");
  const sample = populationSampler(engine.model, engine.graph, ISSUE_POPULATION);

  const people = [];
  for (const [index, member] of MEMBERS.entries()) {
    const userId = await signUp(member.name, `member-${index + 1}@${DEMO_DOMAIN}`);
    await addMember(created.teamId, userId, "email");
    await db.membership.update({
      where: { teamId_userId: { teamId: created.teamId, userId } },
      data: { allowAggregate: true, allowIndividual: member.individual },
    });
    people.push({ userId, member, theta: sample(member.role, targetRoleId, random).theta });
  }
  // Round 1: six of eight take it. Round 2, a quarter later: everyone, after some study (+0.4 on every skill).
  for (const person of people.slice(0, 6))
    await simulateAttempt(
      person.userId,
      person.member.role,
      targetRoleId,
      person.theta,
      created.teamId,
      random,
    );
  await openNextRound(created.teamId, "Round 2");
  for (const person of people) {
    const grown = Float64Array.from(person.theta, (value) => value + 0.4);
    await simulateAttempt(person.userId, person.member.role, targetRoleId, grown, created.teamId, random);
  }
  return { teamId: created.teamId, members: people.length };
}

export const DEMO_MANAGER_EMAIL = DEMO_MANAGER;
