import "server-only";
import type { z } from "zod";
import { describeRosterErrors, parseRoster, RosterRowSchema } from "@/domain/cohort/roster";
import { db, inChunks } from "../db";
import { logEvent } from "../log";
import { inviteEnrollments, refuseInvitations, type Inviter } from "./invitations";

export type RosterOutcome =
  { ok: true; added: number; updated: number } | { ok: false; fieldErrors: Record<string, string> };

/**
 * Imports a roster: all rows or none. Idempotent by email: a known address keeps its enrollment
 * (the name follows the file; staff stay staff), and only new learners get an invitation.
 */
export async function importRoster(
  cohort: { id: string; name: string },
  invitedBy: Inviter,
  text: string,
): Promise<RosterOutcome> {
  const parsed = parseRoster(text);
  if (!parsed.ok)
    return {
      ok: false,
      fieldErrors: {
        roster: `Nothing was imported. Fix ${parsed.errors.length === 1 ? "this line" : "these lines"} and import again: ${describeRosterErrors(parsed.errors)}`,
      },
    };
  const existing = await inChunks(
    parsed.rows.map((row) => row.email),
    (emails) =>
      db.enrollment.findMany({
        where: { cohortId: cohort.id, email: { in: emails } },
        select: { email: true },
      }),
  );
  const known = new Set(existing.map((row) => row.email));
  const fresh = parsed.rows.filter((row) => !known.has(row.email));
  const refusal = await refuseInvitations(invitedBy, fresh.length);
  if (refusal) return { ok: false, fieldErrors: { roster: refusal } };
  await db.$transaction([
    ...parsed.rows
      .filter((row) => known.has(row.email))
      .map((row) =>
        db.enrollment.update({
          where: { cohortId_email: { cohortId: cohort.id, email: row.email } },
          data: { name: row.name },
        }),
      ),
    ...fresh.map((row) =>
      db.enrollment.create({
        data: { cohortId: cohort.id, email: row.email, name: row.name, role: "learner" },
      }),
    ),
  ]);
  const created = await inChunks(
    fresh.map((row) => row.email),
    (emails) =>
      db.enrollment.findMany({
        where: { cohortId: cohort.id, email: { in: emails } },
        select: { id: true, email: true, name: true },
      }),
  );
  await inviteEnrollments(cohort, created, invitedBy);
  logEvent("info", "cohort.roster-imported", {
    cohortId: cohort.id,
    added: fresh.length,
    updated: known.size,
  });
  return { ok: true, added: fresh.length, updated: known.size };
}

export const StaffSchema = RosterRowSchema;

/** Adds (or promotes) a staff member and invites them unless they already joined. */
export async function addStaff(
  cohort: { id: string; name: string },
  invitedBy: Inviter,
  input: z.infer<typeof StaffSchema>,
): Promise<{ ok: true } | { ok: false; fieldErrors: Record<string, string> }> {
  const refusal = await refuseInvitations(invitedBy, 1);
  if (refusal) return { ok: false, fieldErrors: { email: refusal } };
  const enrollment = await db.enrollment.upsert({
    where: { cohortId_email: { cohortId: cohort.id, email: input.email } },
    create: { cohortId: cohort.id, email: input.email, name: input.name, role: "staff" },
    update: { role: "staff" },
    select: { id: true, email: true, name: true, userId: true },
  });
  if (!enrollment.userId) await inviteEnrollments(cohort, [enrollment], invitedBy);
  return { ok: true };
}

export async function findRosterEntry(cohortId: string, enrollmentId: string) {
  return db.enrollment.findFirst({
    where: { id: enrollmentId, cohortId },
    select: { id: true, email: true, name: true, userId: true },
  });
}
