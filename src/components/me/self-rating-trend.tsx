import type { RoleProgress } from "@/server/history";
import { attemptLabels } from "./attempt-labels";

/**
 * How the person's own ratings compared with what each assessment measured, across reassessments
 * for one role: blind spots, hidden strengths and the mean gap in levels, so the gap closing shows.
 * Nothing when no assessment of the role was rated.
 */
export function SelfRatingTrend({ progress }: { progress: RoleProgress }) {
  if (progress.selfRatingGaps.every((gaps) => gaps === null)) return null;
  const labels = attemptLabels(
    progress.attempts.map((attempt) => attempt.completedAt),
    progress.timeZone,
  );
  const id = `self-rating-trend-${progress.roleId}`;
  return (
    <section aria-labelledby={id} className="mt-4 text-sm">
      <h4 id={id} className="font-medium">
        Your own ratings against the measurement
      </h4>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {progress.attempts.map((attempt, index) => {
          const gaps = progress.selfRatingGaps[index];
          const label = labels[index];
          const when = label ? `${label.day}${label.time ? `, ${label.time}` : ""}` : "";
          return (
            <li key={attempt.id}>
              <span className="font-medium">{when}</span>:{" "}
              {gaps
                ? `${gaps.rated} ${gaps.rated === 1 ? "skill" : "skills"} rated; ${count(gaps.blindSpots, "blind spot", "blind spots")}, ${count(gaps.hiddenStrengths, "hidden strength", "hidden strengths")}; ratings ${describeGap(gaps.meanAbsoluteGap ?? 0)} from the measured level on average.`
                : "not rated."}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function count(value: number, one: string, many: string): string {
  return `${value === 0 ? "no" : value} ${value === 1 ? one : many}`;
}

function describeGap(levels: number): string {
  const rounded = Math.round(levels * 10) / 10;
  return `${rounded.toFixed(1)} ${rounded === 1 ? "level" : "levels"} away`;
}
