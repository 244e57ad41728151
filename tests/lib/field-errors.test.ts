import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsOf } from "@/lib/field-errors";

const Schema = z
  .object({
    name: z.string().min(1, "Enter a name.").max(5, "Keep it short."),
    size: z.coerce.number().int("Enter a whole number."),
    tags: z.array(z.string().min(1, "Tags are not empty.")),
  })
  .strict()
  .refine((value) => value.name !== "admin", { message: "That name is reserved." });

const errorsFor = (input: unknown) => {
  const parsed = Schema.safeParse(input);
  if (parsed.success) throw new Error("expected the input to be refused");
  return fieldErrorsOf(parsed.error);
};

describe("field errors from a zod failure", () => {
  it("keeps the first message of each field", () => {
    expect(errorsFor({ name: "", size: "1.5", tags: [] })).toEqual({
      name: "Enter a name.",
      size: "Enter a whole number.",
    });
  });

  it("files a nested issue under its top-level field", () => {
    expect(errorsFor({ name: "ok", size: 1, tags: ["a", ""] })).toEqual({ tags: "Tags are not empty." });
  });

  it("names unknown fields as a form error", () => {
    expect(errorsFor({ name: "ok", size: 1, tags: [], role: "owner", admin: true })).toEqual({
      form: "Unknown field(s): role, admin.",
    });
  });

  it("puts an object-level rule under form", () => {
    expect(errorsFor({ name: "admin", size: 1, tags: [] })).toEqual({ form: "That name is reserved." });
  });
});
