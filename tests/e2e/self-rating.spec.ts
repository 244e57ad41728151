import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { expectReflows, VIEWPORTS } from "./support/layout";
import { answerUntilResults, startQuiz } from "./support/quiz";

// The self-rating screen every new attempt opens with, driven like a person would.

const heading = (page: Page) =>
  page.getByRole("heading", { level: 1, name: "Before the questions: where do you stand?" });
const groups = (page: Page) => page.locator("#self-rating-form fieldset");
const focusedGroupIndex = (page: Page) =>
  page.evaluate(() => {
    const fieldset = document.activeElement?.closest("#self-rating-form fieldset");
    return fieldset
      ? Array.from(document.querySelectorAll("#self-rating-form fieldset")).indexOf(fieldset)
      : -1;
  });
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");

/** Tabs forward until focus is inside group `index` (its checked radio, "Not sure" at first). */
async function tabToGroup(page: Page, index: number) {
  for (let presses = 0; presses < 8 && (await focusedGroupIndex(page)) !== index; presses++)
    await page.keyboard.press("Tab");
  expect(await focusedGroupIndex(page)).toBe(index);
}

test.describe("the self-rating screen on a laptop", () => {
  test.use({ viewport: VIEWPORTS.desktop });

  test("is operable by keyboard alone: levels picked with arrows, one left “not sure”, then the quiz; the results name the blind spots", async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await startQuiz(page, "ai-engineer", "data-scientist", "Up to 15 questions (quicker, less certain)", {
      rate: true,
    });
    await expect(heading(page)).toBeFocused();
    // Every required skill of AI Engineer, each with "Not sure" and five described levels.
    await expect(groups(page)).toHaveCount(12);
    const first = groups(page).first();
    await expect(first.getByRole("radio")).toHaveCount(6);
    await expect(first.getByRole("radio", { name: "Not sure" })).toBeChecked();
    await expect(first.getByRole("radio", { name: /^4 Expert: / })).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    // The four first (core) skills: Expert, by arrow keys from "Not sure" (Not sure, 0, 1, 2, 3, 4).
    for (let index = 0; index < 4; index++) {
      await tabToGroup(page, index);
      for (let step = 0; step < 5; step++) await page.keyboard.press("ArrowDown");
      await expect(
        groups(page)
          .nth(index)
          .getByRole("radio", { name: /^4 Expert: / }),
      ).toBeChecked();
    }
    // The fifth: tried a level, then back to "Not sure".
    await tabToGroup(page, 4);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    await expect(groups(page).nth(4).getByRole("radio", { name: "Not sure" })).toBeChecked();

    for (
      let presses = 0;
      presses < 40 && (await focusedText(page)) !== "Save and start the questions";
      presses++
    )
      await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(page.locator("#quiz-form")).toBeVisible();
    // The step is over: a reload shows the question, not the screen again.
    await page.reload();
    await expect(page.locator("#quiz-form")).toBeVisible();
    await expect(heading(page)).toHaveCount(0);

    // "I don't know" to everything: the answers contradict the four Expert ratings.
    await answerUntilResults(page, 1);
    const summary = page.getByRole("region", { name: "Your own rating against your answers" });
    await expect(summary).toBeVisible();
    await expect(summary).toContainText("You rated 4 skills before the questions.");
    await expect(
      summary.getByRole("heading", { name: /^Blind spots?: you rated yourself higher/ }),
    ).toBeVisible();
    await expect(
      page
        .locator("table")
        .getByText(/You said Expert \(4\) — blind spot/)
        .first(),
    ).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    // At phone width the cards carry the rating, and the page reflows.
    await page.setViewportSize(VIEWPORTS.phone);
    await expect(page.getByText("Your own rating").first()).toBeVisible();
    await expectReflows(page);
  });
});

test.describe("the self-rating screen on a phone", () => {
  test.use({ viewport: VIEWPORTS.phone, hasTouch: true, isMobile: true });

  test("reads without sideways scrolling, and skipping the step goes straight to the first question", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await startQuiz(page, "ai-engineer", undefined, undefined, { rate: true });
    await expect(heading(page)).toBeVisible();
    await expectReflows(page);
    await expectNoSeriousAxeViolations(page);
    // Every option's text is a level descriptor, shown in full at this width (not cut off).
    const label = groups(page).first().locator("label").nth(3);
    const box = await label.evaluate((element) => ({
      scroll: element.scrollWidth,
      client: element.clientWidth,
    }));
    expect(box.scroll).toBeLessThanOrEqual(box.client + 1);

    await page.getByRole("button", { name: "Skip this step" }).click();
    await expect(page.locator("#quiz-form")).toBeVisible();
    await page.reload();
    await expect(page.locator("#quiz-form")).toBeVisible();
    await expect(heading(page)).toHaveCount(0);
  });
});

test.describe("a self-rating form that cannot be read", () => {
  test.use({ viewport: VIEWPORTS.desktop });

  test("comes back to the screen with the reason above the skills, and nothing is stored", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await startQuiz(page, "ai-engineer", undefined, undefined, { rate: true });
    await expect(heading(page)).toBeVisible();
    // A level the form never offers, as a stale or edited page would send.
    await groups(page)
      .first()
      .getByRole("radio", { name: /^4 Expert: / })
      .evaluate((radio) => {
        (radio as HTMLInputElement).value = "9";
        (radio as HTMLInputElement).checked = true;
      });
    await page.getByRole("button", { name: "Save and start the questions" }).click();
    await expect(page).toHaveURL(/[?&]rating=invalid/);
    await expect(page.locator("#self-rating-form").getByRole("alert")).toHaveText(
      "Your ratings could not be read. Choose a level from 0 to 4, or “not sure”, for each skill.",
    );
    // Still the rating screen, every group back at "Not sure": nothing was kept.
    await expect(heading(page)).toBeVisible();
    await expect(groups(page).first().getByRole("radio", { name: "Not sure" })).toBeChecked();
    await expectNoSeriousAxeViolations(page);
    // A readable form then goes through.
    await page.getByRole("button", { name: "Save and start the questions" }).click();
    await expect(page.locator("#quiz-form")).toBeVisible();
  });
});

test.describe("the self-rating step over the JSON API", () => {
  test("takes ratings before the first answer, refuses bad ones, locks after an answer, and hides the attempt from others", async ({
    page,
    playwright,
    baseURL,
  }) => {
    const api = page.request;
    const origin = { origin: baseURL ?? "" };
    const started = await api.post("/api/attempts", {
      data: { to: "ai-engineer", budget: 15 },
      headers: origin,
    });
    expect(started.status()).toBe(201);
    const { attemptId } = (await started.json()) as { attemptId: string };
    const url = `/api/attempts/${attemptId}/self-ratings`;

    const bad = await api.post(url, { data: { ratings: { python: 7 } }, headers: origin });
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/level from 0 to 4/);

    const stranger = await playwright.request.newContext({ baseURL, extraHTTPHeaders: origin });
    expect((await stranger.post(url, { data: { skip: true } })).status()).toBe(404);
    await stranger.dispose();

    const rated = await api.post(url, {
      data: { ratings: { python: 4, "llm-apis": null } },
      headers: origin,
    });
    expect(rated.status()).toBe(200);
    const { question } = (await rated.json()) as { question: { questionId: string } };
    const answered = await api.post(`/api/attempts/${attemptId}/answers`, {
      data: { questionId: question.questionId, dontKnow: true },
      headers: origin,
    });
    expect(answered.status()).toBe(200);

    const locked = await api.post(url, { data: { skip: true }, headers: origin });
    expect(locked.status()).toBe(409);
    expect(((await locked.json()) as { error: string }).error).toMatch(/can no longer change/);
  });
});
