// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { RolePicker } from "@/components/role-picker";

const roles = [
  { id: "data-scientist", title: "Data Scientist" },
  { id: "ai-engineer", title: "AI Engineer" },
];

afterEach(cleanup);

describe("RolePicker", () => {
  it("labels both choices and submits them as a GET to /transitions", () => {
    const { container } = render(<RolePicker roles={roles} />);
    expect(screen.getByLabelText("Your current role")).toHaveProperty("name", "from");
    expect(screen.getByLabelText("Role you want to move into")).toHaveProperty("name", "to");
    const form = container.querySelector("form");
    expect(form?.getAttribute("action")).toBe("/transitions");
    expect(form?.getAttribute("method")).toBe("get");
  });

  it("marks an invalid field and ties its message to it", () => {
    render(
      <RolePicker
        roles={roles}
        from="data-scientist"
        errors={{ to: "Choose the role you want to move into." }}
      />,
    );
    const target = screen.getByLabelText("Role you want to move into");
    expect(target.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(target.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
      "Choose the role you want to move into.",
    );
    expect((screen.getByLabelText("Your current role") as HTMLSelectElement).value).toBe("data-scientist");
    expect(screen.getByLabelText("Your current role").getAttribute("aria-invalid")).toBeNull();
  });
});
