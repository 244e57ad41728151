import { replayAttempt, type Engine, type RecordedAnswer } from "./assess";

/**
 * Takes made-up attempts through the engine from the first question to the stop, one replay per
 * answer, as the answer path would — nothing is stored and nothing else changes — so that a fresh
 * server process has compiled the engine's code before the first person's answer rather than
 * during it (docs/decisions/012). Answers follow a fixed right, right, wrong, "I don't know"
 * pattern; the role pairs walk the role list. Returns how many replays it ran.
 */
export function rehearseEngine(engine: Engine, attempts = 6): number {
  const roles = engine.graph.roleList.map((role) => role.id);
  if (roles.length === 0) return 0;
  const outcomes = ["correct", "correct", "incorrect", "dontKnow"] as const;
  let replays = 0;
  for (let index = 0; index < attempts; index++) {
    const spec = {
      currentRoleId: index % 2 === 0 ? (roles[index % roles.length] ?? null) : null,
      targetRoleId: roles[(index + 1) % roles.length] as string,
      seed: 1 + index,
    };
    const answers: RecordedAnswer[] = [];
    for (;;) {
      const state = replayAttempt(engine, spec, answers);
      replays++;
      const next = state.next;
      if (state.stop || !next) break;
      answers.push({
        questionId: next.id,
        skillId: engine.model.skillIds[next.skillIndex] as string,
        outcome: outcomes[answers.length % outcomes.length] as (typeof outcomes)[number],
        parameters: next,
      });
    }
  }
  return replays;
}
