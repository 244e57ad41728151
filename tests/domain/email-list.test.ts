import { describe, expect, it } from "vitest";
import { parseEmailList } from "@/domain/team/email-list";

describe("pasted invitation lists", () => {
  it("accepts one per line or separated by commas, semicolons and spaces; lower-cases and de-duplicates", () => {
    expect(parseEmailList("Ada@Example.com, bo@example.com\n<cy@example.com>; ada@example.com\n\n")).toEqual({
      emails: ["ada@example.com", "bo@example.com", "cy@example.com"],
      invalid: [],
    });
  });

  it("reports each entry that is not an address with its line", () => {
    expect(parseEmailList("ok@example.com\nnot-an-address\n  \nalso@bad").invalid).toEqual([
      { line: 2, value: "not-an-address" },
      { line: 4, value: "also@bad" },
    ]);
  });
});
