import { describe, expect, it } from "vitest";
import { ratingGap, shortDescriptor, summariseRatingGaps } from "@/domain/self-rating";

describe("ratingGap", () => {
  const band = { level: 2, low: 1, high: 3 };

  it("calls a rating above the 80 % band's top a blind spot", () => {
    expect(ratingGap(4, band)).toBe("blindSpot");
  });

  it("calls a band whose bottom is above the rating a hidden strength", () => {
    expect(ratingGap(0, band)).toBe("hiddenStrength");
  });

  it("never calls a rating inside the band wrong, even away from the most likely level", () => {
    expect([1, 2, 3].map((rating) => ratingGap(rating, band))).toEqual([
      "consistent",
      "consistent",
      "consistent",
    ]);
  });

  it("is exact at a one-level band: one above is a blind spot, one below a hidden strength", () => {
    const narrow = { level: 3, low: 3, high: 3 };
    expect(ratingGap(4, narrow)).toBe("blindSpot");
    expect(ratingGap(2, narrow)).toBe("hiddenStrength");
    expect(ratingGap(3, narrow)).toBe("consistent");
  });
});

describe("summariseRatingGaps", () => {
  it("counts blind spots and hidden strengths and averages the gap over rated skills only", () => {
    const summary = summariseRatingGaps([
      { rating: 4, band: { level: 1, low: 1, high: 2 } }, // blind spot, gap 3
      { rating: 0, band: { level: 2, low: 1, high: 3 } }, // hidden strength, gap 2
      { rating: 2, band: { level: 2, low: 1, high: 3 } }, // consistent, gap 0
      { rating: null, band: { level: 4, low: 3, high: 4 } }, // not sure: ignored
    ]);
    expect(summary).toEqual({ rated: 3, blindSpots: 1, hiddenStrengths: 1, meanAbsoluteGap: 5 / 3 });
  });

  it("has no gap when nothing was rated", () => {
    expect(summariseRatingGaps([{ rating: null, band: { level: 1, low: 0, high: 2 } }])).toEqual({
      rated: 0,
      blindSpots: 0,
      hiddenStrengths: 0,
      meanAbsoluteGap: null,
    });
  });
});

describe("shortDescriptor", () => {
  it("keeps a short descriptor whole, without its full stop", () => {
    expect(shortDescriptor("Has not connected a language model to tools.")).toBe(
      "Has not connected a language model to tools",
    );
  });

  it("keeps the first clause of a descriptor with a bracket or semicolon", () => {
    expect(
      shortDescriptor(
        "Explains how function calling works (the model proposes a call with arguments) and when to use it.",
      ),
    ).toBe("Explains how function calling works");
    expect(shortDescriptor("Hardens agents in production; designs tool interfaces.")).toBe(
      "Hardens agents in production",
    );
  });

  it("cuts a long clause at a word boundary with an ellipsis, within the limit", () => {
    const text =
      "Implements a tool-calling loop with JSON schemas, argument validation, correctly ordered tool-result messages and a step limit.";
    const short = shortDescriptor(text, 60);
    expect(short.length).toBeLessThanOrEqual(61);
    expect(short.endsWith("…")).toBe(true);
    expect(text.startsWith(short.slice(0, -1))).toBe(true);
    expect(short).toBe("Implements a tool-calling loop with JSON schemas, argument…");
  });
});
