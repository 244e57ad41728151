import { describe, expect, it } from "vitest";
import { percent } from "@/components/results/chance";

describe("a chance as a percentage", () => {
  it("rounds to a whole percentage", () => {
    expect(percent(0.5)).toBe("50 %");
    expect(percent(0.126)).toBe("13 %");
  });

  it("never reads as certain when it is not: under 1 % and over 99 %", () => {
    expect(percent(0.003)).toBe("under 1 %");
    expect(percent(0.9991)).toBe("over 99 %");
  });

  it("keeps an exact 0 % or 100 % (a share of people, say) as it is", () => {
    expect(percent(0)).toBe("0 %");
    expect(percent(1)).toBe("100 %");
  });
});
