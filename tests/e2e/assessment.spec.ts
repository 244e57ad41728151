import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { readQuestion } from "./support/question-key";
import { skipSelfRating, waitForNextQuestion } from "./support/quiz";

async function startAssessment(page: Page, from: string, to: string, hours = "6") {
  await page.goto("/assess");
  await page.getByLabel("Your current role (optional)").selectOption(from);
  await page.getByLabel("Role you want to move into").selectOption(to);
  await page.getByLabel("Hours a week you can study (optional)").fill(hours);
  await page.getByRole("button", { name: "Start the assessment" }).click();
  await expect(page).toHaveURL(/\/assess\/[a-z0-9]+$/);
  await skipSelfRating(page);
}

const currentQuestionId = (page: Page) => page.locator('#quiz-form input[name="questionId"]').inputValue();

test.describe("practitioner journey without an account", () => {
  test("Data Scientist → AI Engineer: quiz by keyboard, results, plan, progress kept", async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto("/");
    await page.getByLabel("Your current role (optional)").selectOption("data-scientist");
    await page.getByLabel("Role you want to move into").first().selectOption("ai-engineer");
    await page.getByLabel("Hours a week you can study (optional)").fill("6");
    await page.getByRole("button", { name: "Start the assessment" }).click();
    await expect(page).toHaveURL(/\/assess\/[a-z0-9]+$/);
    await skipSelfRating(page);
    await expect(page.getByRole("progressbar")).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    // Answer by keyboard until the engine stops: option 1 + Enter, every third "I don't know" (0).
    let answered = 0;
    while (!/\/results\//.test(page.url())) {
      expect(answered).toBeLessThan(30);
      const before = await currentQuestionId(page);
      await page.getByRole("group").first().focus();
      if (answered % 3 === 2) {
        await page.keyboard.press("0");
      } else {
        await page.keyboard.press("1");
        await page.keyboard.press("Enter");
      }
      answered++;
      // Either the results page or the next question (a new id in the quiz form).
      await waitForNextQuestion(page, before);
    }

    await expect(page.getByRole("heading", { level: 2, name: /Readiness for AI Engineer/ })).toBeVisible();
    await expect(page.getByRole("table").first()).toBeVisible();
    await expect(page.getByRole("heading", { name: "How you fit every role" })).toBeVisible();
    await expect(page.locator('[id^="review-"]')).toHaveCount(answered);
    await expectNoSeriousAxeViolations(page);
    const resultsUrl = page.url();
    const readinessText = await page
      .getByRole("heading", { level: 2, name: /Readiness/ })
      .locator("xpath=following-sibling::p[1]")
      .innerText();
    await page.reload();
    await expect(
      page.getByRole("heading", { level: 2, name: /Readiness/ }).locator("xpath=following-sibling::p[1]"),
    ).toHaveText(readinessText);

    await page.getByRole("link", { name: "Open my learning plan" }).click();
    await expect(page).toHaveURL(/\/plan\/[\w-]+$/);
    await expect(page.getByRole("heading", { level: 1, name: "Learning plan: AI Engineer" })).toBeVisible();
    await expect(page.getByRole("heading", { name: /^Week 1 · / })).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    // The first module of week 1; once marked done it moves to the "Done" list.
    const firstModule = page.locator('li[id^="module-"]').first();
    const moduleId = await firstModule.getAttribute("id");
    const moduleTitle = (await firstModule.getByRole("heading").first().innerText()).replace(/^\d+\.\s*/, "");
    await firstModule.getByRole("button", { name: /^Mark done/ }).click();
    const doneList = page.getByRole("region", { name: /^Done/ });
    await expect(
      doneList.locator(`[id="${moduleId}"]`).getByRole("button", { name: /^Mark not done/ }),
    ).toBeVisible();
    await page.reload();
    const sameModule = page.locator('li[id^="module-"]').filter({ hasText: moduleTitle }).first();
    await expect(sameModule).toContainText("✓ Done");
    await expect(sameModule.getByRole("button", { name: /^Mark not done/ })).toBeVisible();

    // Regenerating from the result keeps the done module and its date.
    await page.getByRole("button", { name: "Regenerate from my latest result" }).click();
    await expect(page.locator('li[id^="module-"]').filter({ hasText: moduleTitle }).first()).toContainText(
      "✓ Done",
    );
    await page.goto(resultsUrl);
    await expect(page.getByRole("heading", { level: 2, name: /Readiness/ })).toBeVisible();
  });

  test("the quiz page never sends the key or the explanation before the answer is stored", async ({
    page,
  }) => {
    await startAssessment(page, "data-scientist", "ai-engineer");
    const questionId = await currentQuestionId(page);
    const question = readQuestion(questionId);
    const cookies = (await page.context().cookies())
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join("; ");
    const html = await (await page.request.get(page.url(), { headers: { cookie: cookies } })).text();
    const rsc = await (await page.request.get(page.url(), { headers: { cookie: cookies, RSC: "1" } })).text();
    expect(html).toContain(questionId);
    expect(rsc).toContain(questionId);
    const explanationStart = question.explanation.replace(/[*_`]/g, "").slice(0, 40);
    for (const payload of [html, rsc]) {
      expect(payload).not.toContain(explanationStart);
      expect(payload).not.toMatch(/"correct"\s*:\s*true|correct: true|"isKey"|"discrimination"|"difficulty"/);
    }
  });

  test("closing the tab and coming back resumes at the same question; a foreign attempt is a 404", async ({
    page,
    browser,
  }) => {
    await startAssessment(page, "ml-engineer", "mlops-engineer");
    await page.getByRole("group").first().focus();
    await page.keyboard.press("2");
    await page.keyboard.press("Enter");
    await expect(page.getByText("1 answered")).toBeVisible();
    const shown = await currentQuestionId(page);
    const url = page.url();
    await page.goto("/assess");
    await page
      .getByRole("region", { name: "Your assessments in this browser" })
      .getByRole("link", { name: "Resume" })
      .click();
    await expect(page).toHaveURL(url);
    expect(await currentQuestionId(page)).toBe(shown);
    await expect(page.getByText("1 answered")).toBeVisible();

    const stranger = await browser.newContext();
    const response = await (await stranger.newPage()).goto(url);
    expect(response?.status()).toBe(404);
    await stranger.close();
  });

  test("the start form explains what is wrong", async ({ page }) => {
    await page.goto("/assess");
    await page.getByLabel("Hours a week you can study (optional)").fill("99");
    await page.getByRole("button", { name: "Start the assessment" }).click();
    await expect(page.getByText("Please fix the highlighted fields.")).toBeVisible();
    await expect(page.getByLabel("Role you want to move into")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Enter whole hours between 1 and 40")).toBeVisible();
  });
});

test.describe("JSON API", () => {
  test("starts and answers idempotently, and refuses cross-site, non-JSON and foreign requests", async ({
    request,
    playwright,
    baseURL,
  }) => {
    const started = await request.post("/api/attempts", {
      data: { from: "data-scientist", to: "ai-engineer" },
    });
    expect(started.status()).toBe(201);
    const { attemptId, question } = (await started.json()) as {
      attemptId: string;
      question: { questionId: string; options: { id: string }[] };
    };
    const answer = { questionId: question.questionId, choice: [question.options[0]?.id] };
    const first = await request.post(`/api/attempts/${attemptId}/answers`, { data: answer });
    const replay = await request.post(`/api/attempts/${attemptId}/answers`, { data: answer });
    expect(first.status()).toBe(200);
    expect(replay.status()).toBe(200);
    const next = (await first.json()) as { question?: { questionId: string; answered: number } };
    const again = (await replay.json()) as { question?: { questionId: string; answered: number } };
    expect(again.question?.questionId).toBe(next.question?.questionId);
    expect(again.question?.answered).toBe(1);

    const crossSite = await request.post(`/api/attempts/${attemptId}/answers`, {
      data: answer,
      headers: { origin: "https://evil.example" },
    });
    expect(crossSite.status()).toBe(403);
    const form = await request.post(`/api/attempts/${attemptId}/answers`, {
      form: { questionId: question.questionId },
    });
    expect(form.status()).toBe(415);

    const stranger = await playwright.request.newContext({ baseURL });
    expect((await stranger.get(`/api/attempts/${attemptId}/question`)).status()).toBe(404);
    expect((await stranger.get(`/api/attempts/no-such-attempt/question`)).status()).toBe(404);
    await stranger.dispose();
  });
});
