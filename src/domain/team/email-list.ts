import { z } from "zod";

/**
 * A pasted list of email addresses (one per line, or separated by commas, semicolons or spaces)
 * into valid addresses (lower-cased, duplicates dropped) and the entries that are not addresses,
 * each with its line number, so the form can say exactly what to fix.
 */
const Address = z.email();
export const MAX_INVITES_AT_ONCE = 200;

export function parseEmailList(text: string): {
  emails: string[];
  invalid: { line: number; value: string }[];
} {
  const emails = new Set<string>();
  const invalid: { line: number; value: string }[] = [];
  text.split(/\r?\n/).forEach((row, index) => {
    for (const entry of row
      .split(/[,;\s]+/)
      .map((part) => part.trim().replace(/^<|>$/g, ""))
      .filter(Boolean)) {
      const lowered = entry.toLowerCase();
      if (Address.safeParse(lowered).success) emails.add(lowered);
      else invalid.push({ line: index + 1, value: entry });
    }
  });
  return { emails: [...emails], invalid };
}
