import type { SkillRow } from "@/server/results";
import { LevelRange } from "./level-range";
import {
  ChanceText,
  EvidenceText,
  ProgressText,
  SelfRatingText,
  SkillName,
  TargetText,
  WhatMovedIt,
} from "./skill-details";

/**
 * The per-skill result as a table, for wide screens (SkillResults shows cards on narrow ones): the
 * text alternative to the chart and the detail behind it.
 */
export function SkillTable({
  rows,
  caption,
  hasPrevious,
  fromTitle,
  isReviewWithheld,
}: {
  rows: SkillRow[];
  caption: string;
  hasPrevious: boolean;
  fromTitle: string | null;
  isReviewWithheld: boolean;
}) {
  return (
    <table className="w-full border-collapse text-left text-sm">
      <caption className="mb-2 text-left text-slate-600 dark:text-slate-400">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300 dark:border-slate-700">
          <th scope="col" className="py-2 pr-3">
            Skill
          </th>
          <th scope="col" className="py-2 pr-3">
            Your level
          </th>
          <th scope="col" className="py-2 pr-3">
            Target
          </th>
          <th scope="col" className="py-2 pr-3">
            Chance you meet it
          </th>
          <th scope="col" className="py-2 pr-3">
            Evidence
          </th>
          {hasPrevious && (
            <th scope="col" className="py-2">
              Since last time
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.skillId}
            className="break-inside-avoid border-b border-slate-200 align-top dark:border-slate-800"
          >
            <th scope="row" className="py-3 pr-3 font-medium">
              <SkillName row={row} />
            </th>
            <td className="py-3 pr-3">
              <LevelRange level={row.level} low={row.low} high={row.high} target={row.targetLevel} />
              {row.selfRating && (
                <p className="mt-1 max-w-56">
                  <SelfRatingText rating={row.selfRating} />
                </p>
              )}
            </td>
            <td className="py-3 pr-3">
              <TargetText target={row.targetLevel} />
            </td>
            <td className="py-3 pr-3">
              <ChanceText row={row} />
            </td>
            <td className="py-3 pr-3">
              <EvidenceText row={row} fromTitle={fromTitle} />
              <div className="mt-1">
                <WhatMovedIt movedBy={row.movedBy} isReviewWithheld={isReviewWithheld} />
              </div>
            </td>
            {hasPrevious && (
              <td className="py-3">
                <ProgressText row={row} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
