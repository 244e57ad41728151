import Link from "next/link";
import { levelName } from "@/domain/levels";
import type { PlanView } from "@/server/plans";

/**
 * Required skills the quiz asked nothing about and inferred below the target: not scheduled, since
 * the gap has no evidence, but listed with the ways to check them.
 */
export function CheckFirst({ plan }: { plan: PlanView }) {
  if (plan.checkFirst.length === 0) return null;
  return (
    <section
      aria-labelledby="check-first"
      className="mt-6 rounded-xl border border-amber-300 bg-amber-50/60 p-4 sm:p-5 dark:border-amber-800 dark:bg-amber-950/30"
    >
      <h2 id="check-first" className="text-xl font-semibold tracking-tight">
        Check first
      </h2>
      <p className="mt-1 text-sm">
        The quiz asked nothing about {plan.checkFirst.length === 1 ? "this skill" : "these skills"}, so the
        plan does not schedule {plan.checkFirst.length === 1 ? "it" : "them"}: you may already know enough.
        Read what the target level asks, or{" "}
        <Link href={`/assess?to=${plan.targetRoleId}`} className="font-medium underline underline-offset-2">
          take a longer assessment
        </Link>{" "}
        to measure {plan.checkFirst.length === 1 ? "it" : "them"}.
      </p>
      <ul className="mt-3 space-y-1">
        {plan.checkFirst.map((skill) => (
          <li key={skill.skillId}>
            <Link href={`/skills/${skill.skillId}`} className="font-medium underline underline-offset-2">
              {skill.skillTitle}
            </Link>{" "}
            <span className="text-sm text-slate-700 dark:text-slate-300">
              · the role asks for {levelName(skill.targetLevel)} (level {skill.targetLevel})
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
