import { expect } from "vitest";
import type { ContentError } from "@/domain/content/types";

/** Asserts one error at file:line whose message contains every fragment; lists all errors if not. */
export function expectContentError(
  errors: ContentError[],
  file: string,
  line: number,
  ...fragments: string[]
) {
  const match = errors.find(
    (error) =>
      error.file === file &&
      error.line === line &&
      fragments.every((fragment) => error.message.includes(fragment)),
  );
  expect(
    match,
    `no error at ${file}:${line} containing ${JSON.stringify(fragments)}; got:\n${errors.map((e) => `${e.file}:${e.line} ${e.message}`).join("\n")}`,
  ).toBeDefined();
}
