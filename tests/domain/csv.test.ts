import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "@/domain/csv";

describe("CSV export", () => {
  it("neutralises every cell a spreadsheet would run as a formula", () => {
    for (const hostile of ["=1+1", "+1", "-1", "@SUM(A1)", "\tcmd", "\rcmd"])
      expect(csvCell(hostile)).toBe(`"'${hostile}"`);
    expect(csvCell("Ada = great")).toBe('"Ada = great"');
  });

  it("quotes, doubles quotes, and writes CRLF rows", () => {
    expect(
      toCsv(
        ["name", "note"],
        [
          ["Ada", 'said "hi", then left'],
          [null, 3],
        ],
      ),
    ).toBe('"name","note"\r\n"Ada","said ""hi"", then left"\r\n"","3"\r\n');
  });
});
