import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/safe-next";

describe("where to go after sign-in", () => {
  it("keeps local paths", () => {
    expect(safeNextPath("/results/abc?x=1")).toBe("/results/abc?x=1");
  });

  it("refuses anything that could leave the site", () => {
    for (const value of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "",
      undefined,
      ["/me"],
    ])
      expect(safeNextPath(value)).toBe("/me");
  });
});
