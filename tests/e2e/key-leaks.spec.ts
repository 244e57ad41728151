import { expect, test, type Page } from "@playwright/test";
import { signUpViaForm, uniqueEmail } from "./support/accounts";
import { readQuestion } from "./support/question-key";
import { skipSelfRating } from "./support/quiz";

/**
 * Nothing a client receives reveals a key. During an open team round, the quiz page (HTML and
 * RSC payload), the JSON API, the results page and "Download my data" carry no content option id
 * and no correctness: only per-attempt option codes, and per-skill estimates.
 */

/** Every content option id as it would appear in a payload: a quoted JSON string or attribute value. */
function quotedOptionIds(questionIds: Iterable<string>): string[] {
  return [
    ...new Set([...questionIds].flatMap((id) => readQuestion(id).options.map((option) => `"${option.id}"`))),
  ];
}

function expectNoOptionIds(payload: string, questionIds: Iterable<string>, where: string) {
  for (const quoted of quotedOptionIds(questionIds))
    expect(payload.includes(quoted), `${where} carries the content option id ${quoted}`).toBe(false);
}

const CORRECTNESS =
  /"isCorrect"|"isKey"|"correct"\s*:\s*true|correct: true|"outcome"|\((?:right|wrong),|✓ Correct answer|"discrimination"|"difficulty"/;

async function fetchPage(page: Page, url: string) {
  const cookie = (await page.context().cookies()).map((entry) => `${entry.name}=${entry.value}`).join("; ");
  const html = await (await page.request.get(url, { headers: { cookie } })).text();
  const rsc = await (await page.request.get(url, { headers: { cookie, RSC: "1" } })).text();
  return { html, rsc };
}

test("an open team round's attempt leaks no key: quiz HTML and RSC, JSON API, results and data export", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signUpViaForm(page, uniqueEmail("leaks"), "Leak Checker", "/teams");
  await page.getByLabel("Team name").fill("Leak check team");
  await page.getByLabel("Target role the team is measured against").selectOption("ai-engineer");
  await page.getByRole("button", { name: "Create the team" }).click();
  await expect(page).toHaveURL(/\/teams\/[\w-]+\?created=1$/);
  await page.getByRole("button", { name: "Take the team assessment" }).click();
  await expect(page).toHaveURL(/\/assess\/[a-z0-9]+$/);
  await skipSelfRating(page);
  const attemptId = new URL(page.url()).pathname.split("/").at(-1) as string;

  const asked: string[] = [];
  for (let step = 0; step < 4; step++) {
    const questionId = await page.locator('#quiz-form input[name="questionId"]').inputValue();
    asked.push(questionId);
    const { html, rsc } = await fetchPage(page, page.url());
    expectNoOptionIds(html, [questionId], "quiz HTML");
    expectNoOptionIds(rsc, [questionId], "quiz RSC payload");
    for (const payload of [html, rsc]) expect(payload).not.toMatch(CORRECTNESS);
    const api = await (await page.request.get(`/api/attempts/${attemptId}/question`)).text();
    expectNoOptionIds(api, [questionId], "JSON API");
    expect(api).not.toMatch(CORRECTNESS);
    // The radio values are the codes the API sent, in the same order.
    const codes = (JSON.parse(api) as { question: { options: { id: string }[] } }).question.options.map(
      (option) => option.id,
    );
    expect(
      await page
        .locator('#quiz-form input[name="choice"]')
        .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value)),
    ).toEqual(codes);
    await page.getByRole("group").first().focus();
    await page.keyboard.press("1");
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      (previous) =>
        document.querySelector<HTMLInputElement>('#quiz-form input[name="questionId"]')?.value !== previous,
      questionId,
    );
  }
  await page.getByRole("button", { name: "Finish now and see my results" }).click();
  await expect(page).toHaveURL(/\/results\//);
  await expect(
    page.getByText(/correct answers and explanations appear here once the team’s round closes/),
  ).toBeVisible();
  // No answer's effect on an estimate either: "lowered" or "raised" would say whether it was right.
  await expect(
    page.getByText(/Which answers moved each estimate is shown once the team’s round closes/),
  ).toBeVisible();
  expect(await page.locator("main").innerText()).not.toMatch(/\b(lowered|raised)\b|Moved most by/i);

  const results = await fetchPage(page, page.url());
  for (const [where, payload] of Object.entries(results)) {
    expectNoOptionIds(payload, asked, `results ${where}`);
    expect(payload, `results ${where}`).not.toMatch(CORRECTNESS);
  }

  const exported = await (await page.request.get("/api/account/export")).text();
  expectNoOptionIds(exported, asked, "data export");
  const data = JSON.parse(exported) as {
    attempts: {
      id: string;
      isReviewWithheld: boolean;
      answers: { isCorrect: boolean | null; chosenOptionIds: string[] | null }[];
    }[];
  };
  const attempt = data.attempts.find((entry) => entry.id === attemptId);
  expect(attempt?.isReviewWithheld).toBe(true);
  expect(attempt?.answers).toHaveLength(4);
  expect(
    attempt?.answers.every((answer) => answer.isCorrect === null && answer.chosenOptionIds === null),
  ).toBe(true);
});
