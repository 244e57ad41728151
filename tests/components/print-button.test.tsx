// @vitest-environment jsdom
import { act, cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { PrintButton } from "@/components/results/print-button";

afterEach(cleanup);

function Page() {
  return (
    <main>
      <PrintButton />
      <details data-testid="month">
        <summary>January 2027 · 6 h</summary>
        <p>Week 9: Retrieval evaluation</p>
      </details>
      <details data-testid="open" open>
        <summary>Already open</summary>
      </details>
    </main>
  );
}

describe("printing a page with a print button", () => {
  it("opens every closed section for the print, then closes again only what it opened", async () => {
    const { getByTestId } = render(<Page />);
    const month = getByTestId("month") as HTMLDetailsElement;
    const open = getByTestId("open") as HTMLDetailsElement;
    await act(async () => window.dispatchEvent(new Event("beforeprint")));
    expect(month.open).toBe(true);
    expect(open.open).toBe(true);
    await act(async () => window.dispatchEvent(new Event("afterprint")));
    expect(month.open).toBe(false);
    expect(open.open).toBe(true);
  });
});
