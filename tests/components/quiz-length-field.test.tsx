// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { QuizLengthField } from "@/components/assess/quiz-length-field";

afterEach(cleanup);

const chosen = (form: HTMLFormElement) => new FormData(form).get("budget");

/** The text of what aria-describedby points at, as a screen reader reads it after the name. */
const description = (element: HTMLElement) =>
  (element.getAttribute("aria-describedby") ?? "")
    .split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" ")
    .trim();

function renderInForm(field: React.ReactNode) {
  render(<form aria-label="start">{field}</form>);
  return screen.getByRole("form", { name: "start" }) as HTMLFormElement;
}

describe("QuizLengthField", () => {
  it("offers every length as a radio whose label reads in full, the recommended one chosen", () => {
    const form = renderInForm(<QuizLengthField id="budget" />);
    const group = screen.getByRole("group", { name: "Longest quiz you want" });
    expect(screen.getAllByRole("radio").map((radio) => radio.closest("label")?.textContent)).toEqual([
      "Up to 15 questions (quicker, less certain)",
      "Up to 20 questions",
      "Up to 30 questions (recommended)",
    ]);
    expect(chosen(form)).toBe("30");
    expect(description(group)).toBe("It stops earlier once the picture is clear.");
  });

  it("keeps the length given, and falls back to the recommended one for a length no longer offered", () => {
    const form = renderInForm(<QuizLengthField id="budget" value="15" />);
    expect(chosen(form)).toBe("15");
    cleanup();
    const other = renderInForm(<QuizLengthField id="budget" value="25" />);
    expect(chosen(other)).toBe("30");
  });

  it("says what is wrong in place of the hint, as the group's description", () => {
    renderInForm(<QuizLengthField id="budget" error="Choose 15, 20 or 30 questions." />);
    expect(description(screen.getByRole("group", { name: "Longest quiz you want" }))).toBe(
      "Choose 15, 20 or 30 questions.",
    );
  });
});
