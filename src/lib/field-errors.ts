import { z } from "zod";

/**
 * What a form shows next to its fields: one message per field, and `form` for what belongs to no
 * field (an unknown key, a rule across fields). Servers, actions and the client form states share it.
 */
export type FieldErrors<Field extends string = string> = Partial<Record<Field | "form", string>>;

/** The top-level fields of a schema's input, or any name when the schema is not an object. */
type FieldOf<Input> = Input extends object ? Extract<keyof Input, string> : string;

/** The message a person sees for one zod issue; unknown keys are named instead of zod's wording. */
const messageOf = (issue: z.core.$ZodIssue): string =>
  issue.code === "unrecognized_keys" ? `Unknown field(s): ${issue.keys.join(", ")}.` : issue.message;

/**
 * Field errors from a zod failure (zod's own flattening): the first message for each top-level field;
 * issues without a field (unknown keys, object-level refinements) become `form`.
 */
export function fieldErrorsOf<Input>(error: z.ZodError<Input>): FieldErrors<FieldOf<Input>> {
  const flat = z.flattenError(error, messageOf);
  const errors: Record<string, string> = {};
  for (const [field, messages] of Object.entries(flat.fieldErrors) as [string, string[] | undefined][]) {
    const first = messages?.[0];
    if (first !== undefined) errors[field] = first;
  }
  const formError = flat.formErrors[0];
  if (formError !== undefined) errors.form ??= formError;
  return errors as FieldErrors<FieldOf<Input>>;
}
