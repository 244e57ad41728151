import { describe, expect, it } from "vitest";
import { formSplit, GUESSING_STRATEGIES, measureGuessing, nonNeutralToken, visibleText, type GuessingItem } from "@/domain/content/guessing";
import type { Question } from "@/domain/content/types";

const item = (texts: string[], keyIndex: number, stem = "Which option holds?"): GuessingItem => ({
  id: "q",
  skill: "s",
  stem,
  options: texts.map((text, index) => ({ text, isKey: index === keyIndex })),
});

const scoreOf = (id: string, question: GuessingItem) => {
  const strategy = GUESSING_STRATEGIES.find((entry) => entry.id === id);
  if (!strategy) throw new Error(`no strategy ${id}`);
  return strategy.score(question);
};

describe("guessing strategies on one question", () => {
  const lengths = item(["aaaa", "aaaaaaaa", "aa", "aaaaaa"], 1); // key is the longest (8 characters)

  it("pick by length rank from either end, by characters and by words", () => {
    expect(scoreOf("length-rank-1", lengths)).toBe(1);
    expect(scoreOf("length-rank-2", lengths)).toBe(0);
    expect(scoreOf("short-rank-4", lengths)).toBe(1);
    expect(scoreOf("short-rank-1", lengths)).toBe(0);
    expect(scoreOf("word-rank-1", item(["one two", "one two three four", "one", "one two three"], 1))).toBe(1);
    // A rank beyond the number of options is a blind guess.
    expect(scoreOf("length-rank-5", lengths)).toBe(0.25);
  });

  it("split ties evenly: equal lengths share the ranks they span", () => {
    const tied = item(["abcd", "efgh", "ij", "klmnop"], 0); // key ties with another at ranks 2–3
    expect(scoreOf("length-rank-2", tied)).toBe(0.5);
    expect(scoreOf("length-rank-3", tied)).toBe(0.5);
    expect(scoreOf("length-rank-1", tied)).toBe(0);
    const allEqual = item(["abcd", "efgh", "ijkl", "mnop"], 2);
    for (const id of ["length-rank-1", "length-rank-2", "length-rank-3", "length-rank-4", "short-rank-1"]) expect(scoreOf(id, allEqual)).toBe(0.25);
    expect(scoreOf("drop-shortest", allEqual)).toBeCloseTo(0.25, 12);
  });

  it("drop the shortest or the longest, then guess among the rest", () => {
    expect(scoreOf("drop-shortest", lengths)).toBeCloseTo(1 / 3, 12);
    expect(scoreOf("drop-longest", lengths)).toBe(0);
  });

  it("read absolute and hedged words, negations, code, numbers and stated reasons both ways", () => {
    const absolute = item(["It always fails", "It fails under load", "It never recovers", "Only retries help"], 1);
    expect(scoreOf("avoid-absolute", absolute)).toBe(1);
    expect(scoreOf("prefer-absolute", absolute)).toBe(0);
    const hedged = item(["It may fail", "It fails", "It recovers", "It retries"], 0);
    expect(scoreOf("prefer-hedged", hedged)).toBe(1);
    expect(scoreOf("avoid-hedged", hedged)).toBe(0);
    const reasons = item(["Retry, because it is transient", "Add an index", "Cache it, so that reads are fast", "Shard, since the table is big"], 1);
    expect(scoreOf("avoid-justified", reasons)).toBe(1);
    expect(scoreOf("prefer-code", item(["Use `COUNT(*)`", "Use a join", "Use a view", "Use a CTE"], 0))).toBe(1);
    expect(scoreOf("avoid-number", item(["Wait 3 days", "Wait a week", "Wait 2 days", "Wait 9 hours"], 1))).toBe(1);
    expect(scoreOf("avoid-negation", item(["Do not retry", "Retry once", "Never retry", "Retry without backoff"], 1))).toBe(1);
    // Nobody has the feature: the guesser falls back to a blind guess.
    expect(scoreOf("prefer-code", absolute)).toBe(0.25);
  });

  it("pick or drop the option sharing the most (or fewest) topical words with the stem or the other options", () => {
    const stem = "The nightly invoice export job misses late invoices. What do you change?";
    const echo = item(["Rerun the nightly invoice export job", "Add a watermark", "Page someone", "Buy more disks"], 0, stem);
    expect(scoreOf("stem-overlap-most", echo)).toBe(1);
    expect(scoreOf("stem-overlap-drop-most", echo)).toBe(0);
    expect(scoreOf("stem-overlap-least", echo)).toBe(0);
    // Three options share nothing with the stem: one of them is dropped, the key always survives.
    expect(scoreOf("stem-overlap-drop-least", echo)).toBeCloseTo(1 / 3, 12);
    const converge = item(["Partition the events table by day", "Partition the events table by user", "Index the events table by day", "Buy faster disks"], 0);
    expect(scoreOf("convergence-most", converge)).toBeGreaterThan(0);
    expect(scoreOf("convergence-least", converge)).toBe(0);
  });

  it("name each fixed position, guessing blindly past the last option", () => {
    const three = item(["a", "b", "c"], 2);
    expect(scoreOf("position-3", three)).toBe(1);
    expect(scoreOf("position-1", three)).toBe(0);
    expect(scoreOf("position-4", three)).toBeCloseTo(1 / 3, 12);
  });
});

describe("measureGuessing", () => {
  it("takes chance as the mean of 1/k and scores a balanced bank at chance for every length rank", () => {
    // Keys at each length rank once: no rank strategy gains.
    const bank = [0, 1, 2, 3].map((keyIndex) => item(["aa", "aaaa", "aaaaaa", "aaaaaaaa"], keyIndex));
    const report = measureGuessing([...bank, item(["a", "aa", "aaa"], 0)]);
    expect(report.chance).toBeCloseTo((4 * 0.25 + 1 / 3) / 5, 12);
    const rank1 = report.strategies.find((strategy) => strategy.id === "length-rank-1");
    expect(rank1?.score).toBeCloseTo(1 / 5, 12);
    expect(rank1?.excess).toBeCloseTo(1 / 5 - report.chance, 12);
  });
});

describe("helpers", () => {
  it("measure what a reader sees: backticks do not count", () => {
    expect(visibleText("Use `df.loc[mask, 'x']`  now")).toBe("Use df.loc[mask, 'x'] now");
  });

  it("find an id token that names correctness, and leave domain words alone", () => {
    expect(nonNeutralToken("correct-total")).toBe("correct");
    expect(nonNeutralToken("wrong-window")).toBe("wrong");
    expect(nonNeutralToken("correct-as-is")).toBe("correct");
    expect(nonNeutralToken("idempotency-key")).toBeUndefined();
    expect(nonNeutralToken("rightsizing")).toBeUndefined();
  });

  it("spot keys and distractors that differ in form", () => {
    const question = (texts: [string, boolean][]) => ({ options: texts.map(([text, correct], index) => ({ id: `o${index}`, text, correct })) }) as unknown as Question;
    expect(formSplit(question([["`df.groupby('a')`", true], ["Group the rows by a first", false], ["Sort them by a first", false], ["Filter on a first", false]]))).toEqual({ keyForm: "code", otherForm: "phrase" });
    expect(formSplit(question([["Index on the join key", true], ["Indexes are slow to build", false], ["A cache is needed", false], ["The disk is full", false]]))).toEqual({ keyForm: "phrase", otherForm: "sentence" });
    expect(formSplit(question([["Index on the join key", true], ["Cache the reads", false], ["A cache is needed", false], ["Buy disks", false]]))).toBeUndefined();
  });
});
