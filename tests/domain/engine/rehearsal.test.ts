import { describe, expect, it } from "vitest";
import { replayAttempt, type AttemptSpec } from "@/domain/engine/assess";
import { rehearseEngine } from "@/domain/engine/rehearsal";
import { repoEngine } from "./engine-fixtures";

describe("rehearsing the engine at server start", () => {
  it("takes each made-up attempt through to its stop, a replay per answer plus the last", () => {
    const engine = repoEngine();
    const one = rehearseEngine(engine, 1);
    // Every required skill of the target is asked before the engine may stop (coverage).
    const target = engine.graph.roleList[1 % engine.graph.roleList.length];
    expect(one).toBeGreaterThan(target?.requires.length ?? 1);
    expect(rehearseEngine(engine, 3)).toBeGreaterThan(2 * one);
  });

  it("leaves what a real attempt's replay computes exactly as it was", () => {
    const engine = repoEngine();
    const spec: AttemptSpec = {
      currentRoleId: null,
      targetRoleId: engine.graph.roleList[0]?.id as string,
      seed: 4242,
    };
    const before = replayAttempt(engine, spec, []);
    rehearseEngine(engine);
    const after = replayAttempt(engine, spec, []);
    expect(after.next?.id).toBe(before.next?.id);
    expect([...after.posterior.mean]).toEqual([...before.posterior.mean]);
    expect(after.risk).toBe(before.risk);
  });
});
