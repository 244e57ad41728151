import { describe, expect, it } from "vitest";
import { CONTROL_CHARACTER_MESSAGE, hasControlCharacters, nameSchema } from "@/domain/names";

const Name = nameSchema({ min: 2, max: 80, tooShort: "Too short.", tooLong: "Too long." });

describe("names are one line of text", () => {
  it.each([
    ["CR LF", "Team\r\nBcc: x@evil"],
    ["LF", "Team\nX-Injected: 1"],
    ["CR", "Team\rBcc: x@evil"],
    ["TAB", "Team\tname"],
    ["NUL", "Team\u0000"],
    ["ESC", "Team\u001b[31m"],
    ["DEL", "Team\u007f"],
    ["C1 NEL", "Team\u0085Bcc: x@evil"],
    ["C1 CSI", "Team\u009b"],
    ["line separator", "Team\u2028Bcc: x@evil"],
    ["paragraph separator", "Team\u2029Bcc: x@evil"],
  ])("refuses a name with %s in it", (_label, name) => {
    expect(hasControlCharacters(name)).toBe(true);
    const parsed = Name.safeParse(name);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual([CONTROL_CHARACTER_MESSAGE]);
  });

  it("accepts names in any script, with punctuation and emoji, and trims the ends", () => {
    for (const name of ["Data Platform", "Équipe Ü – “Q3”", "数据团队", "Team 🚀 (Berlin)", "O'Brien & Co."])
      expect(Name.parse(name)).toBe(name);
    expect(Name.parse("  Data Platform \n")).toBe("Data Platform");
  });
});
