import { expect, type Page } from "@playwright/test";

/** Skips the self-rating screen every new attempt opens with; the page ends on the first question. */
export async function skipSelfRating(page: Page) {
  await page.getByRole("button", { name: "Skip this step" }).click();
  await page.locator("#quiz-form").waitFor();
}

/**
 * Starts an anonymous assessment from /assess; the page ends on the first question (the
 * self-rating screen skipped), or on the self-rating screen with `rate`.
 */
export async function startQuiz(
  page: Page,
  to = "ai-engineer",
  from?: string,
  length?: string,
  { rate = false }: { rate?: boolean } = {},
) {
  await page.goto("/assess");
  if (from) await page.getByLabel("Your current role (optional)").selectOption(from);
  await page.getByLabel("Role you want to move into").selectOption(to);
  if (length) await page.getByLabel(length).check();
  await page.getByRole("button", { name: "Start the assessment" }).click();
  await page.waitForURL(/\/assess\/[\w-]+$/);
  if (!rate) await skipSelfRating(page);
}

export const currentQuestionId = (page: Page) =>
  page.evaluate(
    () => document.querySelector<HTMLInputElement>('#quiz-form input[name="questionId"]')?.value ?? "",
  );

/**
 * Answers until the engine stops and the results page shows: the first option each time, and
 * "I don't know" on every `skipEvery`-th question (0 = never). Returns how many were answered.
 */
export async function answerUntilResults(page: Page, skipEvery = 3): Promise<number> {
  let answered = 0;
  while (!/\/results\//.test(page.url())) {
    expect(answered).toBeLessThan(60);
    const before = await currentQuestionId(page);
    if (skipEvery > 0 && answered % skipEvery === skipEvery - 1) {
      await page.getByRole("button", { name: /I don.t know/ }).click();
    } else {
      await page.locator("#quiz-form input[type=radio], #quiz-form input[type=checkbox]").first().check();
      await page.getByRole("button", { name: /^Submit/ }).click();
    }
    answered++;
    await waitForNextQuestion(page, before);
  }
  await page.waitForLoadState("load");
  return answered;
}

/** Waits until the quiz shows a question other than `before` (by id), or the results page. */
export async function waitForNextQuestion(page: Page, before: string) {
  await page.waitForFunction(
    (previous) =>
      location.pathname.startsWith("/results/") ||
      (document.querySelector<HTMLInputElement>('#quiz-form input[name="questionId"]')?.value ?? previous) !==
        previous,
    before,
  );
}
