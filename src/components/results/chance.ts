import { chanceOf, type Chance } from "@/domain/engine/verdict";

/**
 * P(meets target) in words, so a number is never the only reading (and never colour alone). A skill
 * no question asked gets no confident reading: its chance is inferred, and the words say so.
 */
export function describeChance(p: number, isAsked = true): string {
  if (!isAsked) return "not asked, inferred";
  return CHANCE_WORDS[chanceOf(p)];
}

const CHANCE_WORDS: Record<Chance, string> = {
  "very-likely": "Very likely meets",
  likely: "Likely meets",
  undecided: "Too close to call",
  unlikely: "Likely below",
  "very-unlikely": "Very likely below",
};

/**
 * A chance as a whole percentage. One that rounds to 0 % or 100 % says "under 1 %" or "over 99 %":
 * an estimate from a few answers (or from Monte Carlo draws) is never certain, and "0 %" read as
 * impossible.
 */
export function percent(p: number): string {
  if (p < 0.005) return "under 1 %";
  if (p >= 0.995) return "over 99 %";
  return `${Math.round(p * 100)} %`;
}

/** `percent` opening a sentence: "Under 1 % chance that…". */
export function percentOpening(p: number): string {
  const text = percent(p);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The dot's colour: green for a decisive yes, amber while undecided, red for a decisive no. */
export function chanceTone(p: number): string {
  const chance = chanceOf(p);
  if (chance === "very-likely" || chance === "likely") return "bg-emerald-600";
  if (chance === "undecided") return "bg-amber-500";
  return "bg-rose-600";
}
