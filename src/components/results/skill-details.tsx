import Link from "next/link";
import { levelName } from "@/domain/levels";
import type { SkillRow } from "@/server/results";
import { chanceTone, describeChance, percent } from "./chance";

/** "Proficient (3)", or a dash for a skill the role does not require. */
/** The skill's name, linked to its page, with a "core" tag when the target role requires it at its core. */
export function SkillName({ row }: { row: Pick<SkillRow, "skillId" | "title" | "isCore"> }) {
  return (
    <>
      <Link href={`/skills/${row.skillId}`} className="underline-offset-2 hover:underline">
        {row.title}
      </Link>{" "}
      {row.isCore && (
        <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal dark:bg-slate-800">
          core
        </span>
      )}
    </>
  );
}

export function TargetText({ target }: { target: number | null }) {
  return (
    <span className="whitespace-nowrap">{target === null ? "—" : `${levelName(target)} (${target})`}</span>
  );
}

/** The chance of meeting the target in words first, then the number; the dot is never the only signal. */
export function ChanceText({ row }: { row: SkillRow }) {
  if (row.pMeets === null) return <>—</>;
  return (
    <span className="inline-flex items-center gap-2">
      <span
        aria-hidden="true"
        className={`inline-block h-2.5 w-2.5 shrink-0 rounded-full ${chanceTone(row.pMeets)}`}
      />
      <span>
        {capitalise(describeChance(row.pMeets, row.answerCount > 0))}{" "}
        <span className="whitespace-nowrap tabular-nums">({percent(row.pMeets)})</span>
      </span>
    </span>
  );
}

/**
 * How many questions measured the skill; a skill without a direct answer never gets a confident
 * reading ("very likely below"): it says it was not asked and what its estimate is inferred from.
 */
export function EvidenceText({ row, fromTitle }: { row: SkillRow; fromTitle: string | null }) {
  if (row.answerCount === 0)
    return (
      <span className="rounded border border-dashed border-slate-400 px-1.5 py-0.5 text-xs">
        Not asked — inferred from {inferenceSources(row.inferredFrom, fromTitle)}
      </span>
    );
  return (
    <span className="whitespace-nowrap">
      {row.answerCount} {row.answerCount === 1 ? "question" : "questions"}
    </span>
  );
}

const OUTCOME_WORDS = { correct: "right", incorrect: "wrong", dontKnow: "you didn’t know" } as const;

/**
 * Which answers moved the estimate most, in plain sentences linked to the answer review:
 * "Your answer to question 3 (wrong) lowered this the most. Question 5 (right) raised it."
 * Nothing at all while the review is withheld (an open team round or cohort window): whether an
 * answer raised or lowered an estimate would tell whether it was right.
 */
export function WhatMovedIt({
  movedBy,
  isReviewWithheld,
}: {
  movedBy: SkillRow["movedBy"];
  isReviewWithheld: boolean;
}) {
  if (isReviewWithheld || movedBy.length === 0) return null;
  const verb = (shift: number) => (shift > 0 ? "raised" : "lowered");
  const question = (position: number, capital = false) => (
    <a href={`#review-${position}`} className="underline underline-offset-2">
      {capital ? "Question" : "question"} {position}
    </a>
  );
  const [first, ...rest] = movedBy;
  if (!first) return null;
  return (
    <p className="text-sm text-slate-600 dark:text-slate-400">
      Your answer to {question(first.position)} ({OUTCOME_WORDS[first.outcome]}) {verb(first.shift)} this
      {rest.length > 0 ? " the most" : ""}.
      {rest.map((entry) => (
        <span key={entry.position}>
          {" "}
          {question(entry.position, true)} ({OUTCOME_WORDS[entry.outcome]}) {verb(entry.shift)} it.
        </span>
      ))}
    </p>
  );
}

/** The change since the previous assessment for the same role. */
export function ProgressText({ row }: { row: SkillRow }) {
  const previous = row.previous;
  if (!previous) return <>—</>;
  const levelChange = row.level - previous.level;
  const chanceChange = row.pMeets !== null && previous.pMeets !== null ? row.pMeets - previous.pMeets : null;
  return (
    <span>
      {levelChange === 0
        ? "Same level"
        : `${levelChange > 0 ? "Up" : "Down"} ${Math.abs(levelChange)} (was ${previous.level})`}
      {chanceChange !== null && Math.abs(chanceChange) >= 0.05 && (
        <span className="block text-xs text-slate-600 dark:text-slate-400">
          chance {chanceChange > 0 ? "up" : "down"} {Math.round(Math.abs(chanceChange) * 100)} points
        </span>
      )}
    </span>
  );
}

/** "your answers on Python and SQL and what Data Scientists typically know", or the parts that apply. */
function inferenceSources(skills: readonly string[], fromTitle: string | null): string {
  const parts = [
    ...(skills.length > 0 ? [`your answers on ${listWords(skills)}`] : []),
    ...(fromTitle ? [`what ${fromTitle}s typically know`] : []),
  ];
  return parts.length > 0 ? parts.join(" and ") : "the role profiles alone";
}

function listWords(words: readonly string[]): string {
  return words.length <= 1
    ? (words[0] ?? "")
    : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1] ?? ""}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const GAP_WORDS: Record<NonNullable<SkillRow["selfRating"]>["gap"], string> = {
  blindSpot: "blind spot: your answers put you lower",
  hiddenStrength: "hidden strength: your answers put you higher",
  consistent: "your answers agree",
};

/** The person's own rating beside the measured level, with the gap in words (never colour alone). */
export function SelfRatingText({ rating }: { rating: SkillRow["selfRating"] }) {
  if (!rating) return null;
  return (
    <span className="text-slate-700 dark:text-slate-300">
      You said {levelName(rating.level)} ({rating.level}) —{" "}
      <span className={rating.gap === "consistent" ? "" : "font-medium"}>{GAP_WORDS[rating.gap]}</span>
    </span>
  );
}
