import {
  headRowClass,
  headingClass,
  rowClass,
  sectionClass,
  tableClass,
  titlesOf,
  type Requirement,
  type ShownAggregate,
} from "./dashboard-types";

const LEVELS = [0, 1, 2, 3, 4] as const;

/** Skills × levels as a table: shading repeats the count written in each cell, never replaces it. */
export function HeatmapTable({
  aggregate,
  requirements,
}: {
  aggregate: ShownAggregate;
  requirements: Requirement[];
}) {
  const titles = titlesOf(requirements);
  return (
    <section aria-labelledby="heatmap" className={sectionClass}>
      <h2 id="heatmap" className={headingClass}>
        Skills × levels
      </h2>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Skills × levels table">
        <table className={tableClass}>
          <caption className="mb-2 text-left text-sm text-slate-600 dark:text-slate-400">
            Contributors per most likely level (0–4) for each required skill. Each cell shows its count;
            darker shading repeats it. The cell marked “target” is the level the role asks for.
          </caption>
          <thead>
            <tr className={headRowClass}>
              <th scope="col" className="py-2 pr-2 sm:pr-4">
                Skill
              </th>
              {LEVELS.map((level) => (
                <th key={level} scope="col" className="px-1 py-2 text-center sm:px-2">
                  {/* Narrow screens: just the number, under the caption's "level (0–4)". */}
                  <span className="sr-only sm:not-sr-only">Level </span>
                  {level}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {aggregate.skills.map((skill) => (
              <tr key={skill.skillId} className={rowClass}>
                <th scope="row" className="py-2 pr-2 font-medium break-words sm:pr-4">
                  {titles.get(skill.skillId) ?? skill.skillId}
                </th>
                {LEVELS.map((level) => {
                  const count = skill.levelCounts[level] ?? 0;
                  const isTarget = level === skill.targetLevel;
                  const share = Math.round((count / aggregate.contributors) * 45);
                  return (
                    <td
                      key={level}
                      className={`px-1 py-2 text-center tabular-nums sm:px-2 ${isTarget ? "outline-2 -outline-offset-2 outline-slate-900 dark:outline-slate-100" : ""}`}
                      style={{
                        backgroundColor: `color-mix(in oklch, var(--color-brand-600) ${share}%, transparent)`,
                      }}
                    >
                      {count}
                      {isTarget && <span className="block text-xs font-semibold">target</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
