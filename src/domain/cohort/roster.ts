import { parse } from "csv-parse/sync";
import { z } from "zod";
import { nameSchema } from "../names";

/**
 * A roster CSV (header `name,email`, in any order and case; other columns are an error) into
 * clean rows, or every problem with the line it is on — never half a file. Emails are trimmed and
 * lower-cased; the same address twice in one file is an error naming both lines.
 */
export const MAX_ROSTER_ROWS = 2000;

export const RosterRowSchema = z
  .object({
    name: nameSchema({
      min: 1,
      max: 120,
      tooShort: "the name is empty",
      tooLong: "the name is longer than 120 characters",
      controlCharacters: "the name contains a line break or control character",
    }),
    email: z.string().trim().toLowerCase().pipe(z.email("not an email address")),
  })
  .strict();

export type RosterRow = z.infer<typeof RosterRowSchema> & { line: number };
export interface RosterError {
  line: number;
  message: string;
}
export type RosterParse = { ok: true; rows: RosterRow[] } | { ok: false; errors: RosterError[] };

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

export function parseRoster(text: string): RosterParse {
  let records: ParsedRecord[];
  try {
    records = parse(text, {
      info: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      bom: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    const line =
      typeof (error as { lines?: unknown }).lines === "number" ? (error as { lines: number }).lines : 1;
    return {
      ok: false,
      errors: [
        {
          line,
          message: `the file is not valid CSV (${(error as Error).message.replace(/^Invalid [^:]*: /, "").slice(0, 160)})`,
        },
      ],
    };
  }
  const [header, ...body] = records;
  if (!header)
    return {
      ok: false,
      errors: [{ line: 1, message: "the file is empty; the first line must be the header name,email" }],
    };
  const columns = header.record.map((cell) => cell.toLowerCase());
  const nameAt = columns.indexOf("name");
  const emailAt = columns.indexOf("email");
  if (nameAt < 0 || emailAt < 0 || columns.length !== 2)
    return {
      ok: false,
      errors: [{ line: header.info.lines, message: "the header must be exactly the two columns name,email" }],
    };
  if (body.length === 0)
    return {
      ok: false,
      errors: [{ line: header.info.lines, message: "the file has a header but no learners" }],
    };
  if (body.length > MAX_ROSTER_ROWS)
    return {
      ok: false,
      errors: [{ line: header.info.lines, message: `at most ${MAX_ROSTER_ROWS} learners per import` }],
    };

  const errors: RosterError[] = [];
  const rows: RosterRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { record, info } of body) {
    // info.lines is the line the record ends on; a quoted multi-line cell still points at its record.
    const line = info.lines;
    if (record.length !== 2) {
      errors.push({ line, message: `expected 2 cells (name,email), found ${record.length}` });
      continue;
    }
    const parsed = RosterRowSchema.safeParse({ name: record[nameAt], email: record[emailAt] });
    if (!parsed.success) {
      errors.push({ line, message: parsed.error.issues.map((issue) => issue.message).join("; ") });
      continue;
    }
    const earlier = firstLineOf.get(parsed.data.email);
    if (earlier !== undefined) {
      errors.push({ line, message: `${parsed.data.email} is also on line ${earlier}` });
      continue;
    }
    firstLineOf.set(parsed.data.email, line);
    rows.push({ ...parsed.data, line });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

/** "line 3: not an email address; line 5: …" with the first few, for a form message. */
export function describeRosterErrors(errors: readonly RosterError[], limit = 8): string {
  const shown = errors.slice(0, limit).map((error) => `line ${error.line}: ${error.message}`);
  return `${shown.join("; ")}${errors.length > limit ? `; and ${errors.length - limit} more` : ""}.`;
}
