import { z } from "zod";

/**
 * Names people type (team, cohort, round, display and roster names) end up in mail headers and on
 * pages. A name is one line of text: control characters — C0 (including CR, LF and TAB), DEL, C1 —
 * and the Unicode line and paragraph separators are refused, so no name can start a new header
 * line in a message or a new line in a log or CSV.
 */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export const CONTROL_CHARACTER_MESSAGE = "Use one line of text without control characters or line breaks.";

export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTERS.test(text);
}

/** A trimmed, one-line name of `min`–`max` characters, with the messages the form shows. */
export function nameSchema(rules: {
  min: number;
  max: number;
  tooShort: string;
  tooLong: string;
  controlCharacters?: string;
}) {
  return z
    .string()
    .trim()
    .min(rules.min, rules.tooShort)
    .max(rules.max, rules.tooLong)
    .refine((name) => !hasControlCharacters(name), rules.controlCharacters ?? CONTROL_CHARACTER_MESSAGE);
}
