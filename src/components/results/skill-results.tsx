import type { SkillRow } from "@/server/results";
import { SkillCards } from "./skill-cards";
import { SkillTable } from "./skill-table";

/**
 * The per-skill result at any width: one card per skill below the md breakpoint, the table from it
 * up. Exactly one of the two is displayed (on screen and in print), so every skill appears once.
 */
export function SkillResults({
  rows,
  caption,
  hasPrevious,
  fromTitle = null,
  isReviewWithheld = false,
}: {
  rows: SkillRow[];
  caption: string;
  hasPrevious: boolean;
  fromTitle?: string | null;
  /** An open team round or cohort window: no answer's effect is shown, since it would reveal correctness. */
  isReviewWithheld?: boolean;
}) {
  const shared = { rows, hasPrevious, fromTitle, isReviewWithheld };
  return (
    <>
      <div className="md:hidden">
        <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">{caption}</p>
        <SkillCards {...shared} />
      </div>
      <div className="hidden md:block">
        <SkillTable {...shared} caption={caption} />
      </div>
    </>
  );
}
