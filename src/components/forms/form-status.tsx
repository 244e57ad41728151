import type { FormState } from "./form-state";

export type FormAction = (previous: FormState, form: FormData) => Promise<FormState>;

/** The outcome of a team or cohort form in words, announced politely to screen readers. */
export function FormStatus({ state, id }: { state: FormState; id?: string }) {
  return (
    <div role="status" aria-live="polite" id={id}>
      {state && (
        <p
          className={
            state.ok
              ? "text-sm font-medium text-emerald-800 dark:text-emerald-300"
              : "text-sm font-medium text-red-700 dark:text-red-400"
          }
        >
          {state.ok ? state.message : state.error}
        </p>
      )}
    </div>
  );
}

/** A field's error under its input; `id` is what the input's aria-describedby points at. */
export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">
      {error}
    </p>
  );
}

export const fieldErrorOf = (state: FormState, name: string): string | undefined =>
  state && !state.ok ? state.fieldErrors?.[name] : undefined;
export const valueOf = (state: FormState, name: string, fallback = ""): string =>
  state && !state.ok ? (state.values?.[name] ?? fallback) : fallback;
