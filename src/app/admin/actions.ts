"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { NOT_FOUND, invalidFields, type FormState } from "@/components/forms/form-state";
import { fieldErrorsOf } from "@/lib/field-errors";
import { formText } from "@/lib/form-data";
import { RouteIdSchema } from "@/lib/route-params";
import { RIGHTS, RightNameSchema, setRight } from "@/server/admin/rights";
import { adminAccess } from "@/server/identity";
import { logEvent } from "@/server/log";
import { ResolveReportSchema, resolveReport } from "@/server/question-reports";

/**
 * The admin area's forms. Each asks `adminAccess` first and answers anyone else, signed in or not,
 * exactly like an unknown id (NOT_FOUND), so the area does not reveal itself. Next checks server
 * actions' Origin against the host (CSRF), as it does for every form in the app.
 */
const RightFormSchema = z
  .object({ userId: RouteIdSchema, right: RightNameSchema, grant: z.enum(["1", "0"]) })
  .strict();

export async function setRightAction(_previous: FormState, form: FormData): Promise<FormState> {
  const admin = await adminAccess();
  if (!admin) return NOT_FOUND;
  const parsed = RightFormSchema.safeParse({
    userId: formText(form, "userId"),
    right: formText(form, "right"),
    grant: formText(form, "grant"),
  });
  if (!parsed.success) return NOT_FOUND;
  const { userId, right, grant } = parsed.data;
  const isGranted = grant === "1";
  const outcome = await setRight(userId, right, isGranted, { via: "web", actorId: admin.id });
  if (!outcome.ok)
    return outcome.reason === "last-admin"
      ? {
          ok: false,
          error:
            "This is the last administrator of this Waypoint: make someone else an administrator first, then revoke this right.",
        }
      : NOT_FOUND;
  if (outcome.changed) {
    logEvent("info", "admin.right-changed", { actor: admin.id, subject: userId, right, isGranted });
    revalidatePath("/admin/people");
  }
  const label = RIGHTS[right].toLowerCase();
  return {
    ok: true,
    message: outcome.changed
      ? `${isGranted ? "Granted" : "Revoked"}: ${label}.`
      : `Nothing to change: ${isGranted ? "already" : "not"} ${label}.`,
  };
}

export async function resolveReportAction(_previous: FormState, form: FormData): Promise<FormState> {
  const admin = await adminAccess();
  if (!admin) return NOT_FOUND;
  const values = { reportId: formText(form, "reportId"), note: formText(form, "note") };
  if (!RouteIdSchema.safeParse(values.reportId).success) return NOT_FOUND;
  const parsed = ResolveReportSchema.safeParse(values);
  if (!parsed.success) return invalidFields(fieldErrorsOf(parsed.error), { note: values.note });
  const outcome = await resolveReport(parsed.data, admin.id);
  if (outcome.status !== "resolved")
    return outcome.status === "not-found"
      ? NOT_FOUND
      : { ok: false, error: "Someone already resolved this report; reload the page to read their note." };
  revalidatePath("/admin/reports");
  // The resolved report leaves the open list, and its form with it: the item's page shows it
  // resolved, with its note, and says so (with or without JavaScript).
  redirect(`/admin/items/${outcome.questionId}?resolved=${parsed.data.reportId}`);
}
