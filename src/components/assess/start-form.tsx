"use client";

import { useActionState, useState, type FormEvent } from "react";
import type { QuizLengthHints } from "@/server/assessment/lengths";
import type { StartFieldErrors } from "@/server/assessment/quiz";
import { RoleSelect } from "@/components/role-picker";
import { QuizLengthField } from "./quiz-length-field";
import { TimeZoneInput } from "./time-zone-input";

interface RoleOption {
  id: string;
  title: string;
}

/**
 * Start an assessment: where you are, where you want to go, and (optionally) how many hours a week
 * you can study. The browser's time zone rides along so plan dates fall on the person's days.
 */
export type StartFormState = { fieldErrors: StartFieldErrors; values: Record<string, string> } | null;

export function StartAssessmentForm({
  roles,
  from = "",
  to = "",
  hoursPerWeek = "",
  lengths,
  action,
}: {
  roles: RoleOption[];
  from?: string;
  to?: string;
  /** Prefill from the signed-in person's profile. */
  hoursPerWeek?: string;
  /** Per target role: the fewest questions (one per required skill) and the usual range per quiz length. */
  lengths: QuizLengthHints;
  action: (previous: StartFormState, form: FormData) => Promise<StartFormState>;
}) {
  const [state, formAction, isPending] = useActionState<StartFormState, FormData>(action, null);
  const errors = state?.fieldErrors ?? {};
  const values = state?.values ?? { from, to, hoursPerWeek };
  const [choice, setChoice] = useState({ to: values.to ?? "", budget: values.budget || "30" });
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const form = new FormData(event.currentTarget);
    setChoice({ to: String(form.get("to") ?? ""), budget: String(form.get("budget") ?? "30") });
  };
  const targetTitle = roles.find((role) => role.id === choice.to)?.title;
  return (
    <form
      action={formAction}
      onChange={onChange}
      noValidate
      className="space-y-4"
      aria-describedby={state ? "start-errors" : undefined}
    >
      {state && (
        <p id="start-errors" role="alert" className="font-medium text-red-700 dark:text-red-400">
          {errors.form ?? "Please fix the highlighted fields."}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <RoleSelect
          id="start-from"
          name="from"
          label="Your current role (optional)"
          placeholder="None of these / not sure"
          roles={roles}
          value={values.from ?? ""}
          error={errors.from}
          isRequired={false}
        />
        <RoleSelect
          id="start-to"
          name="to"
          label="Role you want to move into"
          roles={roles}
          value={values.to ?? ""}
          error={errors.to}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="start-hours" className="block text-sm font-medium">
            Hours a week you can study (optional)
          </label>
          <input
            id="start-hours"
            name="hoursPerWeek"
            inputMode="numeric"
            defaultValue={values.hoursPerWeek ?? ""}
            aria-invalid={errors.hoursPerWeek ? true : undefined}
            aria-describedby={errors.hoursPerWeek ? "hoursPerWeek-error" : "hoursPerWeek-hint"}
            className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base shadow-sm dark:border-slate-600 dark:bg-slate-900 aria-[invalid=true]:border-red-600"
          />
          {errors.hoursPerWeek ? (
            <p id="hoursPerWeek-error" className="mt-1 text-sm text-red-700 dark:text-red-400">
              {errors.hoursPerWeek}
            </p>
          ) : (
            <p id="hoursPerWeek-hint" className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              1–40; we assume 5 if you leave it empty.
            </p>
          )}
        </div>
        <QuizLengthField id="budget" value={values.budget} error={errors.budget} />
      </div>
      <TimeZoneInput />
      <button
        type="submit"
        disabled={isPending}
        className="rounded-lg bg-brand-700 px-5 py-2.5 font-semibold text-white shadow-sm hover:bg-brand-800 disabled:opacity-60"
      >
        {isPending ? "Starting…" : "Start the assessment"}
      </button>
      <p id="quiz-length" aria-live="polite" className="text-sm text-slate-600 dark:text-slate-400">
        {describeLength(lengths, choice.to, targetTitle, Number(choice.budget))} No account needed: your
        progress is kept in this browser.
      </p>
    </form>
  );
}

/** About 40 seconds a question: a scenario to read and four options to weigh. */
const MINUTES_PER_QUESTION = 0.7;

/**
 * The honest length: every skill the target requires is asked at least once, so the floor is the
 * number of required skills; the typical range comes from the engine's own simulation when the
 * instance has estimated it.
 */
function describeLength(
  lengths: QuizLengthHints,
  to: string,
  title: string | undefined,
  budget: number,
): string {
  const hint = lengths[to];
  if (!hint || !title) {
    const floors = Object.values(lengths).map((entry) => entry.required);
    return `Every skill the target role requires gets at least one question (${Math.min(...floors)}–${Math.max(...floors)} skills, depending on the role); then the quiz asks more only where your answers leave a verdict open, up to the length you choose.`;
  }
  const floor = Math.min(hint.required, budget);
  const typical = hint.byBudget?.[budget];
  const spread =
    typical && floor < budget
      ? ` About ${Math.round(typical.mean)} on average (some ${Math.round(typical.mean * MINUTES_PER_QUESTION)} minutes): ${inWords(typical.nearFloor)} stop within ${floor + 2}, once every skill has been asked; ${inWords(typical.atBudget)} need all ${budget}.`
      : "";
  return `${title} requires ${hint.required} skills and each gets at least one question, so expect ${floor === budget ? budget : `${floor}–${budget}`} questions.${spread}`;
}

/** A share as people count it: "about 3 in 10". */
function inWords(share: number): string {
  const tenths = Math.round(share * 10);
  return tenths === 0 ? "almost nobody" : tenths === 10 ? "almost everyone" : `about ${tenths} in 10`;
}
