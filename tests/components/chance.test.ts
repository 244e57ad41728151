import { describe, expect, it } from "vitest";
import { percent, percentOpening } from "@/components/results/chance";

describe("a chance as a percentage", () => {
  it("rounds to a whole percentage", () => {
    expect(percent(0.5)).toBe("50 %");
    expect(percent(0.126)).toBe("13 %");
  });

  it("never reads as certain when it is not: under 1 % and over 99 %", () => {
    expect(percent(0.003)).toBe("under 1 %");
    expect(percent(0.9991)).toBe("over 99 %");
  });

  it("says so at the very ends too, where an estimate that found no draw meeting the target is still not zero", () => {
    expect(percent(0)).toBe("under 1 %");
    expect(percent(1)).toBe("over 99 %");
  });
});

describe("a chance opening a sentence", () => {
  it("starts with a capital", () => {
    expect(percentOpening(0.001)).toBe("Under 1 %");
    expect(percentOpening(0.42)).toBe("42 %");
  });
});
