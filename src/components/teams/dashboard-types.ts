import type { TeamDashboard } from "@/server/teams/dashboard";

export type ShownAggregate = Extract<TeamDashboard["aggregate"], { kind: "shown" }>;
export type Requirement = TeamDashboard["requirements"][number];

export const titlesOf = (requirements: readonly Requirement[]) =>
  new Map(requirements.map((requirement) => [requirement.skillId, requirement.title]));
export const weightName = (weight: string) => (weight === "core" ? "Core" : "Supporting");
export const people = (count: number) => `${count} ${count === 1 ? "person" : "people"}`;
export const sectionClass = "space-y-3";
export const headingClass = "text-xl font-semibold tracking-tight";
export const tableClass = "w-full text-left text-sm";
export const headRowClass = "border-b border-slate-300 dark:border-slate-700";
export const rowClass = "border-b border-slate-200 dark:border-slate-800";

const MINOR_WORDS = new Set(["and", "for", "of", "the", "with", "in", "to", "a", "an"]);

/**
 * Short column labels for wide skill tables: the initials of a title's words ("Model serving" →
 * "MS"; a one-word title keeps its first four letters), made unique with a number. Always shown
 * with a visible key to the full names.
 */
export function shortLabelsOf(requirements: readonly Requirement[]): Map<string, string> {
  const labels = new Map<string, string>();
  const used = new Map<string, number>();
  for (const requirement of requirements) {
    const words = requirement.title
      .replace(/\([^)]*\)/g, " ")
      .split(/[\s&/,-]+/)
      .filter((word) => word && !MINOR_WORDS.has(word.toLowerCase()));
    const base =
      words.length === 1
        ? (words[0] ?? "").slice(0, 4)
        : words
            .map((word) => word[0]?.toUpperCase() ?? "")
            .join("")
            .slice(0, 4);
    const seen = used.get(base) ?? 0;
    used.set(base, seen + 1);
    labels.set(requirement.skillId, seen === 0 ? base || "?" : `${base}${seen + 1}`);
  }
  return labels;
}
