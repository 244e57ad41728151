/**
 * P(meets target) in words, so a number is never the only reading (and never colour alone). A skill
 * no question asked gets no confident reading: its chance is inferred, and the words say so.
 */
export function describeChance(p: number, isAsked = true): string {
  if (!isAsked) return "not asked, inferred";
  if (p >= 0.9) return "Very likely meets";
  if (p >= 0.7) return "Likely meets";
  if (p > 0.3) return "Too close to call";
  if (p > 0.1) return "Likely below";
  return "Very likely below";
}

export function percent(p: number): string {
  return `${Math.round(p * 100)} %`;
}

export function chanceTone(p: number): string {
  if (p >= 0.7) return "bg-emerald-600";
  if (p > 0.3) return "bg-amber-500";
  return "bg-rose-600";
}
