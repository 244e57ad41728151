import type { Requirement } from "./dashboard-types";

/** The visible key to a table's short skill headers: readable by everyone, on any input. */
export function SkillKey({
  requirements,
  labels,
}: {
  requirements: readonly Requirement[];
  labels: ReadonlyMap<string, string>;
}) {
  return (
    <details open className="rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800">
      <summary className="cursor-pointer font-medium">Skill key: what the column headers stand for</summary>
      <dl className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
        {requirements.map((requirement) => (
          <div key={requirement.skillId} className="flex gap-2">
            <dt className="w-12 shrink-0 font-semibold">{labels.get(requirement.skillId)}</dt>
            <dd>
              {requirement.title}{" "}
              <span className="text-slate-600 dark:text-slate-400">
                (target {requirement.level}, {requirement.weight})
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
