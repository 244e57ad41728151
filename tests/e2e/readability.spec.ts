import { expect, test } from "@playwright/test";
import { signUpViaForm, uniqueEmail } from "./support/accounts";
import { runInApp } from "./support/run-in-app";
import { skipSelfRating } from "./support/quiz";

test.describe("readable everywhere", () => {
  test("every page names an icon that loads, and /favicon.ico exists", async ({ page, request }) => {
    await page.goto("/");
    const icons = await page
      .locator('head link[rel~="icon"]')
      .evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
    expect(icons.length).toBeGreaterThan(0);
    for (const href of icons) {
      const answer = await request.get(href);
      expect(answer.status(), href).toBe(200);
      expect(answer.headers()["content-type"]).toMatch(/^image\//);
    }
    const ico = await request.get("/favicon.ico");
    expect(ico.status()).toBe(200);
    expect(ico.headers()["content-type"]).toMatch(/^image\//);
  });

  test("inline code in a question's options reads as code, without literal backticks", async ({ page }) => {
    await page.goto("/assess");
    await page.getByLabel("Role you want to move into").selectOption("ai-engineer");
    await page.getByRole("button", { name: "Start the assessment" }).click();
    await page.waitForURL(/\/assess\/[\w-]+$/);
    await skipSelfRating(page);
    // The page's own stylesheet decides; a code element placed in the first option shows how
    // every option's inline code is drawn, whichever question the engine picked first.
    const style = await page
      .locator("fieldset label .prose")
      .first()
      .evaluate((option) => {
        const code = document.createElement("code");
        code.textContent = "usecols=[0, 2]";
        option.append(code);
        const before = getComputedStyle(code, "::before").content;
        const after = getComputedStyle(code, "::after").content;
        const { fontFamily, backgroundColor } = getComputedStyle(code);
        code.remove();
        return { before, after, fontFamily, backgroundColor };
      });
    expect(style.before).toBe("none");
    expect(style.after).toBe("none");
    expect(style.fontFamily).toMatch(/mono/i);
    expect(style.backgroundColor).not.toBe("rgba(0, 0, 0, 0)");
  });

  test("a breadcrumb trail ends with the page itself, not with a separator", async ({ page }) => {
    await page.goto("/roles");
    await page.getByRole("link", { name: /MLOps/ }).first().click();
    await page.waitForURL(/\/roles\/[\w-]+$/);
    const trail = page.getByRole("navigation", { name: "Breadcrumb" });
    const items = trail.getByRole("listitem");
    await expect(items.last()).toHaveText(await page.getByRole("heading", { level: 1 }).innerText());
    await expect(items.last().locator('[aria-current="page"]')).toHaveCount(1);
    expect((await trail.innerText()).trim()).not.toMatch(/\/$/);
  });
});

test.describe("the main navigation on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("sits behind a Menu button that opens the links and closes once one is followed", async ({ page }) => {
    await page.goto("/roles");
    const nav = page.getByRole("navigation", { name: "Main" });
    const menu = nav.getByRole("button", { name: "Menu" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav.getByRole("link", { name: "Skills" })).toBeHidden();
    const header = await page.getByRole("banner").boundingBox();
    expect(header?.height ?? 0).toBeLessThan(80);

    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    for (const name of ["Assess", "Roles", "Skills", "Transitions", "Sign in"])
      await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
    await nav.getByRole("link", { name: "Skills" }).click();
    await page.waitForURL(/\/skills$/);
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav.getByRole("link", { name: "Roles" })).toBeHidden();

    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(menu).toBeHidden();
    await expect(nav.getByRole("link", { name: "Roles" })).toBeVisible();
  });
});

test.describe("a signed-in practitioner's navigation", () => {
  // Over IPv6 loopback: its own per-address sign-up budget, apart from the specs on 127.0.0.1.
  const BASE = `http://[::1]:${process.env.E2E_PORT ?? 3100}`;
  test.use({ baseURL: BASE, extraHTTPHeaders: { origin: BASE } });

  test("shows Cohorts only to someone who can use it, and lists 'Your assessments' without 'in this browser'", async ({
    page,
  }) => {
    const email = uniqueEmail("nav");
    await signUpViaForm(page, email, "Nadia Nav", "/assess");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Teams" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Cohorts" })).toHaveCount(0);

    await page.getByLabel("Role you want to move into").selectOption("ai-engineer");
    await page.getByRole("button", { name: "Start the assessment" }).click();
    await page.waitForURL(/\/assess\/[\w-]+$/);
    await page.goto("/assess");
    await expect(page.getByRole("region", { name: "Your assessments", exact: true })).toBeVisible();
    // A new assessment starts from the roles of the last one.
    await expect(page.getByLabel("Role you want to move into")).toHaveValue("ai-engineer");

    expect(runInApp("allow-cohorts.ts", [email])).toBe("ok");
    await page.reload();
    await expect(nav.getByRole("link", { name: "Cohorts" })).toBeVisible();

    // A manager's team page leads with the dashboard.
    await page.goto("/teams");
    await page.getByLabel("Team name").fill("Readable team");
    await page.getByLabel("Target role the team is measured against").selectOption("mlops-engineer");
    await page.getByRole("button", { name: "Create the team" }).click();
    await page.waitForURL(/\/teams\/[\w-]+\?created=1$/);
    // Right after creation the confirmation and invitations come first; on later visits, the dashboard.
    await page.goto(new URL(page.url()).pathname);
    await expect(page.getByRole("heading", { level: 2 }).first()).toHaveText("Team dashboard");
  });
});
