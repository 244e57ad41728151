import { randomUUID } from "node:crypto";
import { createCohort } from "@/server/cohorts/cohorts";
import { db } from "@/server/db";
import { createPerson } from "./people";

/**
 * A cohort for `targetRoleId` through the real `createCohort`, by a staff member allowed to
 * create cohorts; running through 2026 in `timeZone`.
 */
export async function createStaffedCohort(
  targetRoleId: string,
  { namePrefix = "Cohort", timeZone = "UTC" } = {},
) {
  const staff = await createPerson("Staff");
  await db.user.update({ where: { id: staff.id }, data: { canCreateCohorts: true } });
  const created = await createCohort(staff, {
    name: `${namePrefix} ${randomUUID().slice(0, 6)}`,
    startsOn: "2026-01-01",
    endsOn: "2026-12-31",
    targetRoleId,
    timeZone,
  });
  if (!created.ok) throw new Error("cohort not created");
  const cohort = await db.cohort.findUniqueOrThrow({
    where: { id: created.cohortId },
    select: { id: true, name: true, targetRoleId: true, timeZone: true },
  });
  return { staff, cohort };
}
