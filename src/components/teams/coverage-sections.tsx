import {
  headRowClass,
  headingClass,
  people,
  rowClass,
  sectionClass,
  tableClass,
  titlesOf,
  weightName,
  type Requirement,
  type ShownAggregate,
} from "./dashboard-types";

/** Coverage, bus factor and gaps: the three readings of "who meets the target", all as text. */
export function CoverageSections({
  aggregate,
  requirements,
}: {
  aggregate: ShownAggregate;
  requirements: Requirement[];
}) {
  const titles = titlesOf(requirements);
  const busFactor = aggregate.skills.filter((skill) => skill.isBusFactorRisk);
  return (
    <>
      <section aria-labelledby="coverage" className={sectionClass}>
        <h2 id="coverage" className={headingClass}>
          Coverage against the target role
        </h2>
        <p>
          Based on <strong>{aggregate.contributors}</strong> contributing members.{" "}
          <strong>{aggregate.readyCount}</strong> of them likely{" "}
          {aggregate.readyCount === 1 ? "meets" : "meet"} every core requirement (ready for the role).
        </p>
        <table className={tableClass}>
          <caption className="sr-only">Contributors meeting the target level per required skill</caption>
          <thead>
            <tr className={headRowClass}>
              <th scope="col" className="py-2 pr-3 sm:pr-4">
                Skill
              </th>
              <th scope="col" className="py-2 pr-3 sm:pr-4">
                Target level
              </th>
              <th scope="col" className="py-2">
                Meeting the target
              </th>
            </tr>
          </thead>
          <tbody>
            {aggregate.skills.map((skill) => (
              <tr key={skill.skillId} className={rowClass}>
                <th scope="row" className="py-2 pr-3 font-medium break-words sm:pr-4">
                  {titles.get(skill.skillId) ?? skill.skillId}
                  <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">
                    {weightName(skill.weight)} requirement
                  </span>
                </th>
                <td className="py-2 pr-3 sm:pr-4">{skill.targetLevel}</td>
                <td className="py-2">
                  {skill.meeting} of {aggregate.contributors} (
                  {Math.round((skill.meeting / aggregate.contributors) * 100)} %)
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="bus-factor" className={sectionClass}>
        <h2 id="bus-factor" className={headingClass}>
          Bus factor
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Required skills where fewer than 2 contributors are at the target level: one departure can leave
          nobody.
        </p>
        {busFactor.length === 0 ? (
          <p>No required skill depends on fewer than 2 people.</p>
        ) : (
          <ul className="space-y-2">
            {busFactor.map((skill) => (
              <li
                key={skill.skillId}
                className="rounded-lg border-l-4 border-amber-600 bg-amber-50 px-3 py-2 dark:bg-amber-950"
              >
                <strong>Bus factor risk:</strong> {titles.get(skill.skillId) ?? skill.skillId} (
                {weightName(skill.weight).toLowerCase()}) —{" "}
                {skill.meeting === 0 ? "nobody" : people(skill.meeting)} at target level {skill.targetLevel}
              </li>
            ))}
          </ul>
        )}
      </section>

      <SelfRatingShares aggregate={aggregate} titles={titles} />

      <section aria-labelledby="gaps" className={sectionClass}>
        <h2 id="gaps" className={headingClass}>
          Biggest gaps
        </h2>
        {aggregate.gaps.length === 0 ? (
          <p>Every contributor likely meets every required skill.</p>
        ) : (
          <ol className="list-inside list-decimal space-y-1">
            {aggregate.gaps.map((gap) => (
              <li key={gap.skillId}>
                <span className="font-medium">{titles.get(gap.skillId) ?? gap.skillId}</span> (
                {weightName(gap.weight).toLowerCase()}): {people(gap.blocked)} below target
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

const shareOf = (count: number, of: number) => `${count} of ${of} (${Math.round((count / of) * 100)} %)`;

/**
 * How the team's own ratings compare with the measurement, per skill: the share over-rating it
 * (rated above the range the answers give) and under-rating it. Counts only, and only for skills at
 * least five contributors rated (the aggregate leaves the others out); never whose.
 */
function SelfRatingShares({ aggregate, titles }: { aggregate: ShownAggregate; titles: Map<string, string> }) {
  const rated = aggregate.skills.filter((skill) => skill.selfRating !== null);
  if (rated.length === 0) return null;
  return (
    <section aria-labelledby="self-rating" className={sectionClass}>
      <h2 id="self-rating" className={headingClass}>
        How the team rates itself
      </h2>
      <p>
        Before the questions, members may rate themselves on each skill. Over-rating: the rating is above the
        range the answers show (a blind spot); under-rating: below it (a hidden strength). Only skills at
        least five contributors rated are listed.
      </p>
      <table className={tableClass}>
        <caption className="sr-only">Contributors over- and under-rating each required skill</caption>
        <thead>
          <tr className={headRowClass}>
            <th scope="col" className="py-2 pr-3 sm:pr-4">
              Skill
            </th>
            <th scope="col" className="py-2 pr-3 sm:pr-4">
              Over-rate it
            </th>
            <th scope="col" className="py-2">
              Under-rate it
            </th>
          </tr>
        </thead>
        <tbody>
          {rated.map((skill) =>
            skill.selfRating ? (
              <tr key={skill.skillId} className={rowClass}>
                <th scope="row" className="py-2 pr-3 font-medium break-words sm:pr-4">
                  {titles.get(skill.skillId) ?? skill.skillId}
                </th>
                <td className="py-2 pr-3 sm:pr-4">
                  {shareOf(skill.selfRating.over, skill.selfRating.rated)}
                </td>
                <td className="py-2">{shareOf(skill.selfRating.under, skill.selfRating.rated)}</td>
              </tr>
            ) : null,
          )}
        </tbody>
      </table>
    </section>
  );
}
