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
 * The per-skill result as one compact card per skill, for narrow screens (SkillResults shows the
 * table on wide ones): every figure the table has, stacked so nothing needs a sideways scroller.
 */
export function SkillCards({
  rows,
  hasPrevious,
  fromTitle,
  isReviewWithheld,
}: {
  rows: SkillRow[];
  hasPrevious: boolean;
  fromTitle: string | null;
  isReviewWithheld: boolean;
}) {
  const term = "text-xs font-medium text-slate-600 dark:text-slate-400";
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {rows.map((row) => (
        <li
          key={row.skillId}
          className="break-inside-avoid rounded-xl border border-slate-200 p-4 dark:border-slate-800"
        >
          <h3 className="font-semibold">
            <SkillName row={row} />
          </h3>
          <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
            <div className="col-span-2">
              <dt className={term}>Your level</dt>
              <dd className="mt-0.5">
                <LevelRange level={row.level} low={row.low} high={row.high} target={row.targetLevel} />
              </dd>
            </div>
            {row.selfRating && (
              <div className="col-span-2">
                <dt className={term}>Your own rating</dt>
                <dd className="mt-0.5">
                  <SelfRatingText rating={row.selfRating} />
                </dd>
              </div>
            )}
            <div>
              <dt className={term}>Target</dt>
              <dd className="mt-0.5">
                <TargetText target={row.targetLevel} />
              </dd>
            </div>
            <div>
              <dt className={term}>Chance you meet it</dt>
              <dd className="mt-0.5">
                <ChanceText row={row} />
              </dd>
            </div>
            <div className="col-span-2">
              <dt className={term}>Evidence</dt>
              <dd className="mt-0.5">
                <EvidenceText row={row} fromTitle={fromTitle} />
              </dd>
            </div>
            {hasPrevious && (
              <div className="col-span-2">
                <dt className={term}>Since last time</dt>
                <dd className="mt-0.5">
                  <ProgressText row={row} />
                </dd>
              </div>
            )}
          </dl>
          <div className="mt-2">
            <WhatMovedIt movedBy={row.movedBy} isReviewWithheld={isReviewWithheld} />
          </div>
        </li>
      ))}
    </ul>
  );
}
