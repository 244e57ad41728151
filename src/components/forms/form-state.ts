import type { FieldErrors } from "@/lib/field-errors";

/**
 * What every team and cohort form gets back from its server action. A team or cohort the actor may
 * not touch (foreign, unknown, or a plain member asking for a manager's action) always gets
 * `NOT_FOUND`, word for word, so a guessed id learns nothing.
 */
export type FormState =
  | null
  | { ok: true; message: string; url?: string }
  | { ok: false; error: string; fieldErrors?: FieldErrors; values?: Record<string, string> };

export const NOT_FOUND: FormState = { ok: false, error: "Not found." };

/** A refused form: the fields' errors, and what was typed so the person loses nothing. */
export const invalidFields = (fieldErrors: FieldErrors, values?: Record<string, string>): FormState => ({
  ok: false,
  error: "Please fix the highlighted fields.",
  fieldErrors,
  ...(values ? { values } : {}),
});

export const inputClass =
  "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base shadow-sm dark:border-slate-600 dark:bg-slate-900 aria-[invalid=true]:border-red-600";
export const primaryButtonClass =
  "rounded-lg bg-brand-700 px-5 py-2.5 font-semibold text-white shadow-sm hover:bg-brand-800 disabled:opacity-60";
export const secondaryButtonClass =
  "rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800";
export const linkClass = "font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100";
