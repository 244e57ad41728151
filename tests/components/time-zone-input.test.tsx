// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { TimeZoneInput } from "@/components/assess/time-zone-input";

afterEach(cleanup);

/** A form that re-renders when something else in it changes, as the start form does on a role choice. */
function ChangingForm() {
  const [count, setCount] = useState(0);
  return (
    <form aria-label="start">
      <TimeZoneInput />
      <button type="button" onClick={() => setCount(count + 1)}>
        Changed {count}
      </button>
    </form>
  );
}

describe("TimeZoneInput", () => {
  it("still sends the browser's time zone after the form re-renders", async () => {
    render(<ChangingForm />);
    await act(async () => fireEvent.click(screen.getByRole("button")));
    await act(async () => fireEvent.click(screen.getByRole("button")));
    const form = screen.getByRole("form", { name: "start" }) as HTMLFormElement;
    const zone = new FormData(form).get("timeZone");
    expect(zone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(zone).not.toBe("");
  });
});
