import { levelName } from "@/domain/levels";
import type { ResultsView, SkillRow } from "@/server/results";

/**
 * Blind spots and hidden strengths in plain words: where the person's own rating lies outside the
 * 80 % range the answers give (src/domain/self-rating.ts). Shown only to the person: a shared link
 * never carries ratings.
 */
export function SelfRatingSummary({ summary }: { summary: ResultsView["selfRating"] }) {
  if (summary.step !== "done" || summary.rated === 0) return null;
  const { blindSpots, hiddenStrengths } = summary;
  return (
    <section
      aria-labelledby="self-rating"
      className="mt-4 max-w-3xl rounded-lg border border-slate-300 p-3 text-sm dark:border-slate-700"
    >
      <h3 id="self-rating" className="font-semibold">
        Your own rating against your answers
      </h3>
      <p className="mt-1">
        You rated {summary.rated} {summary.rated === 1 ? "skill" : "skills"} before the questions.{" "}
        {blindSpots.length === 0 && hiddenStrengths.length === 0
          ? "Your answers agree with every rating: none lies outside the range we are 80 % sure of."
          : "Where a rating lies outside the range we are 80 % sure of, it is named here."}
      </p>
      {blindSpots.length > 0 && (
        <>
          <h4 className="mt-2 font-medium">
            Blind {blindSpots.length === 1 ? "spot" : "spots"}: you rated yourself higher than your answers
            show
          </h4>
          <ul className="mt-1 list-disc pl-5">
            {blindSpots.map((row) => (
              <GapItem key={row.skillId} row={row} />
            ))}
          </ul>
        </>
      )}
      {hiddenStrengths.length > 0 && (
        <>
          <h4 className="mt-2 font-medium">
            Hidden {hiddenStrengths.length === 1 ? "strength" : "strengths"}: your answers show more than you
            said
          </h4>
          <ul className="mt-1 list-disc pl-5">
            {hiddenStrengths.map((row) => (
              <GapItem key={row.skillId} row={row} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function GapItem({ row }: { row: SkillRow }) {
  const rating = row.selfRating?.level ?? 0;
  return (
    <li>
      {row.title}: you said {levelName(rating)} ({rating}); your answers say most likely{" "}
      {levelName(row.level)} ({row.level}),{" "}
      {row.low === row.high ? `at ${row.low}` : `between ${row.low} and ${row.high}`}.
    </li>
  );
}
