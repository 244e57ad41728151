"use server";

import { formText } from "@/lib/form-data";
import { revalidatePath } from "next/cache";
import { HOURS_PER_WEEK } from "@/domain/plan";
import type { PlanHoursState } from "@/components/plan/plan-hours-form";
import { regeneratePlanFromAttempt } from "@/server/assessment/quiz";
import { currentOwner } from "@/server/identity";
import { findOwnedPlan, setPlanHours, setPlanItemDone } from "@/server/plans";
import { z } from "zod";
import { RouteIdSchema } from "@/lib/route-params";

const ToggleSchema = z
  .object({ planId: RouteIdSchema, moduleId: z.string().min(1).max(100), done: z.enum(["0", "1"]) })
  .strict();

/** Marks a module done or not done. A plan that is not the viewer's gets the same answer as a missing one. */
export async function togglePlanItemAction(form: FormData): Promise<void> {
  const parsed = ToggleSchema.safeParse({
    planId: formText(form, "planId"),
    moduleId: formText(form, "moduleId"),
    done: formText(form, "done"),
  });
  if (!parsed.success) return; // a tampered form changes nothing, like a foreign plan
  const { planId, moduleId, done } = parsed.data;
  const owner = await currentOwner();
  if (owner) await setPlanItemDone(planId, moduleId, owner, done === "1");
  // Re-render in place (a redirect to the same page plus a #hash would only scroll).
  revalidatePath(`/plan/${planId}`);
}

export async function setPlanHoursAction(_previous: PlanHoursState, form: FormData): Promise<PlanHoursState> {
  const planId = formText(form, "planId");
  const hours = Number(formText(form, "hoursPerWeek"));
  if (!Number.isInteger(hours) || hours < HOURS_PER_WEEK.min || hours > HOURS_PER_WEEK.max) {
    return { error: `Enter whole hours between ${HOURS_PER_WEEK.min} and ${HOURS_PER_WEEK.max}.` };
  }
  const owner = await currentOwner();
  if (owner) await setPlanHours(planId, owner, hours);
  revalidatePath(`/plan/${planId}`);
  return null;
}

/** Rebuilds the plan from the latest result and today's content; done modules keep their dates. */
export async function regeneratePlanAction(form: FormData): Promise<void> {
  const planId = formText(form, "planId");
  const owner = await currentOwner();
  const plan = owner ? await findOwnedPlan(planId, owner) : null;
  if (owner && plan?.sourceAttemptId)
    await regeneratePlanFromAttempt(plan.sourceAttemptId, owner, plan.hoursPerWeek);
  revalidatePath(`/plan/${planId}`);
}
