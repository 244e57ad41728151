import { expect, test } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";

test.describe("catalogue journey", () => {
  test("home → role → skill → transition", async ({ page }) => {
    // Four pages, each with a full axe scan: well past the 30 s default on a busy 2-core machine.
    test.setTimeout(90_000);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("How ready are you");
    await expectNoSeriousAxeViolations(page);

    // Role page from the home page's role list.
    await page.getByRole("link", { name: "AI Engineer", exact: true }).first().click();
    await expect(page).toHaveURL(/\/roles\/ai-engineer$/);
    await expect(page.getByRole("heading", { level: 1, name: "AI Engineer" })).toBeVisible();
    const coreTable = page.getByRole("table", { name: /Core skills/ });
    await expect(coreTable.getByRole("row")).toHaveCount(1 + 7);
    await expectNoSeriousAxeViolations(page);

    // Skill page from the requirements table.
    await coreTable.getByRole("link", { name: "Retrieval-augmented generation (RAG)" }).click();
    await expect(page).toHaveURL(/\/skills\/retrieval-augmented-generation$/);
    await expect(page.getByRole("heading", { level: 2, name: "Levels" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Roles that need it" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Embeddings" }).first()).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    // Transition via the picker on the home page.
    await page.goto("/");
    const compare = page.getByRole("region", { name: "Compare your role with your target" });
    await compare.getByLabel("Your current role").selectOption("data-scientist");
    await compare.getByLabel("Role you want to move into").selectOption("ai-engineer");
    await compare.getByRole("button", { name: "Compare roles" }).click();
    await expect(page).toHaveURL(/\/transitions\/data-scientist\/ai-engineer$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Data Scientist → AI Engineer");
    await expect(page.getByRole("heading", { name: /^New skills/ })).toBeVisible();
    await expect(page.getByText("Module hours to close the gap")).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });

  test("the picker explains what is missing instead of failing", async ({ page }) => {
    await page.goto("/transitions?from=data-scientist&to=");
    await expect(page.getByRole("alert").filter({ hasText: "fix the highlighted fields" })).toBeVisible();
    await expect(page.getByLabel("Role you want to move into")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Choose the role you want to move into.")).toBeVisible();
    await expect(page.getByLabel("Your current role")).toHaveValue("data-scientist");
  });

  test("roles and skills lists link to every entry", async ({ page }) => {
    await page.goto("/roles");
    for (const title of [
      "Data Scientist",
      "ML Engineer",
      "AI Engineer",
      "MLOps / ML Platform Engineer",
      "Data Analyst",
      "ML Researcher",
      "Data Engineer",
    ]) {
      await expect(page.getByRole("link", { name: title, exact: true })).toBeVisible();
    }
    await expectNoSeriousAxeViolations(page);
    await page.goto("/skills");
    await expect(page.getByRole("link", { name: "Kubernetes", exact: true })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });

  test("unknown ids get a 404 page", async ({ page }) => {
    for (const path of [
      "/roles/astronaut",
      "/skills/telepathy",
      "/transitions/data-scientist/astronaut",
      "/no-such-page",
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("We could not find that page");
    }
    await expectNoSeriousAxeViolations(page);
  });

  test("the health endpoint reports the content hash and a reachable database", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", database: true });
    expect(body.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(response.headers()["content-security-policy"]).toContain("default-src 'none'");
  });
});
