/**
 * Self-ratings against what the quiz measured. Pure: the rules the results page, the
 * history and the team dashboard share, so the three never disagree about what a blind spot is.
 *
 * A rating is compared with the skill's 80 % band (bandLow–bandHigh, whole levels, as stored in
 * SkillEstimate): only a rating outside the band counts, so a rating the measurement cannot tell
 * apart from the truth is never called wrong.
 * - blind spot: rated above the band's top (the measurement is 80 % sure the level is lower);
 * - hidden strength: the band's bottom is above the rating (80 % sure the level is higher);
 * - consistent: the rating lies inside the band.
 * "Not sure" and skipped skills have no rating and no gap.
 */

export type SelfRatingStep = "none" | "offered" | "done" | "skipped";

export type RatingGap = "blindSpot" | "hiddenStrength" | "consistent";

export interface MeasuredBand {
  level: number;
  low: number;
  high: number;
}

export function ratingGap(rating: number, band: MeasuredBand): RatingGap {
  if (rating > band.high) return "blindSpot";
  if (rating < band.low) return "hiddenStrength";
  return "consistent";
}

export interface RatedSkill {
  rating: number | null;
  band: MeasuredBand;
}

export interface RatingGapSummary {
  /** Skills with a rating (not "not sure"). */
  rated: number;
  blindSpots: number;
  hiddenStrengths: number;
  /** Mean of |rating − most likely level| over rated skills, in levels; null with none rated. */
  meanAbsoluteGap: number | null;
}

/** One attempt's ratings against its measurement, as the history shows it per reassessment. */
export function summariseRatingGaps(skills: readonly RatedSkill[]): RatingGapSummary {
  let rated = 0;
  let blindSpots = 0;
  let hiddenStrengths = 0;
  let gapTotal = 0;
  for (const skill of skills) {
    if (skill.rating === null) continue;
    rated += 1;
    gapTotal += Math.abs(skill.rating - skill.band.level);
    const gap = ratingGap(skill.rating, skill.band);
    if (gap === "blindSpot") blindSpots += 1;
    else if (gap === "hiddenStrength") hiddenStrengths += 1;
  }
  return { rated, blindSpots, hiddenStrengths, meanAbsoluteGap: rated === 0 ? null : gapTotal / rated };
}

/** Longest level descriptor the rating screen shows as an option; the skill page has the full text. */
export const SHORT_DESCRIPTOR_LENGTH = 80;

/**
 * A level descriptor short enough to be a radio label: its first clause (up to the first
 * semicolon, bracket or sentence end), cut at a word boundary with an ellipsis when still long, so
 * twelve skills × five levels read in about a minute.
 */
export function shortDescriptor(text: string, limit = SHORT_DESCRIPTOR_LENGTH): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const clause = flat.split(/;|\s\(|\.\s|\.$/)[0]?.trim() ?? flat;
  if (clause.length <= limit) return clause;
  const cut = clause.slice(0, limit + 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > limit / 2 ? cut.slice(0, space) : clause.slice(0, limit)).replace(/[,:\s]+$/, "")}…`;
}
