import { expect, test, type Page } from "@playwright/test";
import { signUpViaForm, uniqueEmail } from "./support/accounts";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { expectReflows, keepScreenshot, VIEWPORTS } from "./support/layout";
import { skipSelfRating, waitForNextQuestion } from "./support/quiz";

test.use({ timezoneId: "Europe/Berlin" });

const currentQuestionId = (page: Page) =>
  page.evaluate(
    () => document.querySelector<HTMLInputElement>('#quiz-form input[name="questionId"]')?.value ?? "",
  );

/**
 * A short AI Engineer assessment at 1 h a week: "I don't know" on `answers` questions, then
 * "Finish now". The unsure answers are gaps with evidence; the skills never asked have none.
 * Returns the address of the plan it made.
 */
async function shortAssessment(page: Page, answers: number): Promise<string> {
  await page.goto("/assess");
  await page.getByLabel("Role you want to move into").selectOption("ai-engineer");
  await page.getByLabel(/Hours a week you can study/).fill("1");
  // The browser's zone is filled in once the form is live; times on /me are read in it.
  await expect(page.locator('input[name="timeZone"]')).toHaveValue("Europe/Berlin");
  await page.getByRole("button", { name: "Start the assessment" }).click();
  await page.waitForURL(/\/assess\/[\w-]+$/);
  await skipSelfRating(page);
  for (let count = 0; count < answers; count++) {
    const before = await currentQuestionId(page);
    await page.getByRole("button", { name: /I don.t know/ }).click();
    await waitForNextQuestion(page, before);
  }
  if (!/\/results\//.test(page.url())) {
    await page.getByRole("button", { name: /^Finish now/ }).click();
    await page.waitForURL(/\/results\/[\w-]+$/);
  }
  const plan = await page.locator('a[href^="/plan/"]').first().getAttribute("href");
  expect(plan, "the results page links to the plan").toMatch(/^\/plan\/[\w-]+$/);
  return plan as string;
}

test.describe("a plan people can act on", () => {
  test("the plan leads with hours, a dated finish and three first steps; four weeks open, later months folded; unasked skills under check first", async ({
    page,
  }, testInfo) => {
    test.setTimeout(180_000);
    // Anonymous: the browser's token owns the plan, and no sign-up budget is spent.
    const planPath = await shortAssessment(page, 6);
    await page.goto(planPath);

    const summary = page.getByRole("region", { name: "Your plan at a glance" });
    await expect(summary).toBeVisible();
    await expect(summary).toContainText(/Total\s*\d+(\.\d)? h/);
    // The finish date carries its year.
    await expect(summary).toContainText(/Finished by\s*\w{3} \d{1,2} \w{3} 20\d\d/);
    const steps = summary.getByRole("listitem");
    await expect(steps).toHaveCount(3);
    // Each first step leads to its module card on the page.
    const firstStep = await steps.first().getByRole("link").getAttribute("href");
    await expect(page.locator(`[id="${firstStep?.slice(1)}"]`)).toBeVisible();

    // The next four weeks in full, each dated with a year; later weeks collapsed, one section per month.
    const schedule = page.getByRole("region", { name: "Week by week" });
    const weekHeadings = schedule.getByRole("heading", { name: /^Week \d+ · / });
    await expect(weekHeadings).toHaveCount(4);
    await expect(weekHeadings.first()).toHaveText(/^Week 1 · .* 20\d\d · [\d.]+ h$/);
    const months = page
      .getByRole("region", { name: "Later, month by month" })
      .locator(":scope > div > details");
    expect(await months.count()).toBeGreaterThan(0);
    for (const month of await months.all()) {
      await expect(month).not.toHaveAttribute("open");
      await expect(month.locator(":scope > summary")).toHaveText(
        /^[A-Z][a-z]+ 20\d\d · [\d.]+ h · \d+ weeks?/,
      );
    }
    // A month opens from the keyboard.
    await months.first().locator(":scope > summary").focus();
    await page.keyboard.press("Enter");
    await expect(months.first()).toHaveAttribute("open");
    await expect(
      months
        .first()
        .getByText(/^Week \d+ · .* 20\d\d · [\d.]+ h:/)
        .first(),
    ).toBeVisible();

    // Skills the quiz never asked are offered to check, not scheduled.
    const checkFirst = page.getByRole("region", { name: "Check first" });
    const unasked = checkFirst.getByRole("listitem").getByRole("link");
    expect(await unasked.count()).toBeGreaterThan(0);
    for (const skill of await unasked.all()) {
      const href = (await skill.getAttribute("href")) as string;
      expect(href).toMatch(/^\/skills\/[\w-]+$/);
      await expect(schedule.locator(`a[href="${href}"]`)).toHaveCount(0);
    }
    await expect(checkFirst.getByRole("link", { name: /take a longer assessment/ })).toHaveAttribute(
      "href",
      "/assess?to=ai-engineer",
    );

    for (const [name, size] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(size);
      if (name !== "desktop") await expectReflows(page);
      if (name !== "reflow") {
        await expectNoSeriousAxeViolations(page);
        await keepScreenshot(page, testInfo, `plan-${size.width}`);
      }
    }
  });
});

test.describe("a signed-in person's history", () => {
  // /me needs an account. Over IPv6 loopback: a browser's connection to 127.0.0.<n> still comes
  // from 127.0.0.1 (loopbackBase gives no budget of its own here), and 127.0.0.1's sign-ups are spent.
  const BASE = `http://[::1]:${process.env.E2E_PORT ?? 3100}`;
  test.use({ baseURL: BASE, extraHTTPHeaders: { origin: BASE }, timezoneId: "Europe/Berlin" });

  test("/me tells two assessments on the same day apart by their time, and reflows", async ({
    page,
  }, testInfo) => {
    test.setTimeout(180_000);
    await signUpViaForm(page, uniqueEmail("history-reader"), "Hana History");
    await shortAssessment(page, 2);
    await shortAssessment(page, 2);
    await page.goto("/me");

    const chart = page.getByRole("img", { name: /required skills for AI Engineer across 2 assessments/ });
    await expect(chart).toBeVisible();
    const times = await chart.locator("tspan").allTextContents();
    const clock = times.filter((text) => /^\d{2}:\d{2}(:\d{2})?$/.test(text));
    expect(clock).toHaveLength(2);
    expect(clock[0], "the two labels differ").not.toBe(clock[1]);
    await expect(
      page.getByText(/Assessments on the same day show their time \(Europe\/Berlin\)/),
    ).toBeVisible();
    // The full skill names, not cut at the edge.
    await expect(chart).toContainText("Prompt engineering & prompt versioning");

    for (const [name, size] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(size);
      if (name !== "desktop") await expectReflows(page);
      if (name !== "reflow") {
        await expectNoSeriousAxeViolations(page);
        await keepScreenshot(page, testInfo, `me-${size.width}`);
      }
    }
  });
});
