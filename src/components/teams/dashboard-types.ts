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
