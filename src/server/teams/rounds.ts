import "server-only";
import { z } from "zod";
import { nameSchema } from "@/domain/names";
import { db } from "../db";

/**
 * Reassessment rounds. A team always has exactly one open round (created with the team); opening
 * the next one closes it. Team attempts belong to the round open when they start, and their
 * answer keys stay hidden until that round is closed, so the first finishers can't pass them on.
 */
export const RoundSchema = z
  .object({
    name: nameSchema({
      min: 1,
      max: 60,
      tooShort: "Name the round, e.g. “Q3 2026”.",
      tooLong: "Use at most 60 characters.",
    }),
  })
  .strict();

export async function findOpenRound(teamId: string) {
  return db.teamRound.findFirst({
    where: { teamId, closedAt: null },
    orderBy: { openedAt: "desc" },
    select: { id: true, name: true, openedAt: true },
  });
}

export async function listRounds(teamId: string) {
  return db.teamRound.findMany({
    where: { teamId },
    orderBy: { openedAt: "asc" },
    select: { id: true, name: true, openedAt: true, closedAt: true },
  });
}

/** Closes the open round (releasing its answer keys) and opens the next. */
export async function openNextRound(teamId: string, name: string, now = new Date()): Promise<void> {
  await db.$transaction([
    db.teamRound.updateMany({ where: { teamId, closedAt: null }, data: { closedAt: now } }),
    db.teamRound.create({ data: { teamId, name, openedAt: new Date(now.getTime() + 1) } }),
  ]);
}

/** True while the attempt's team round is still open: its answer review stays hidden. */
export async function isReviewWithheld(teamRoundId: string | null): Promise<boolean> {
  if (!teamRoundId) return false;
  const round = await db.teamRound.findUnique({ where: { id: teamRoundId }, select: { closedAt: true } });
  return round !== null && round.closedAt === null;
}
