import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { expectReflows, ipv6LoopbackBase, keepScreenshot, VIEWPORTS } from "./support/layout";
import { startQuiz, waitForNextQuestion } from "./support/quiz";

// Over IPv6 loopback: its own per-address budget of started assessments.
const BASE = ipv6LoopbackBase();
test.use({ baseURL: BASE, extraHTTPHeaders: { origin: BASE } });

const options = (page: Page) => page.locator("#quiz-form fieldset li label");
const submit = (page: Page) => page.getByRole("button", { name: "Submit answer" });
const dontKnow = (page: Page) => page.getByRole("button", { name: "I don’t know" });
const keyHint = (page: Page) => page.locator("#answer-hint");
const questionId = (page: Page) => page.locator('#quiz-form input[name="questionId"]').inputValue();

/** Answers the question on screen with its first option and waits for the next one (or results). */
async function answerFirstOption(page: Page) {
  const before = await questionId(page);
  await page.locator("#quiz-form input[name=choice]").first().check();
  await submit(page).click();
  await waitForNextQuestion(page, before);
}

/** Top and bottom of a locator's box in viewport coordinates. */
async function edges(page: Page, selector: string) {
  return page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return { top: box.top, bottom: box.bottom };
  });
}

async function expectWithinViewport(page: Page, name: string) {
  const box = await page.locator(`#quiz-form button:text-is("${name}")`).evaluate((element) => {
    const rect = element.getBoundingClientRect();
    return { top: rect.top, bottom: rect.bottom, height: window.innerHeight };
  });
  expect(box.top, `${name} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box.bottom, `${name} ends on screen`).toBeLessThanOrEqual(box.height);
}

test.describe("the quiz on a touch phone", () => {
  test.use({ viewport: VIEWPORTS.phone, hasTouch: true, isMobile: true });

  test("shows no keyboard hints, and keeps Submit and “I don’t know” in reach below a long question", async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    // The engine picks the questions; the property must hold for each one it asks.
    await startQuiz(page, "ml-engineer");
    let tallest = 0;
    for (let asked = 0; asked < 6 && !page.url().includes("/results/"); asked++) {
      await expect(keyHint(page)).toBeHidden();
      await expect(page.locator("#quiz-form kbd").first()).toBeHidden();

      const last = options(page).last();
      tallest = Math.max(
        tallest,
        (await last.evaluate((label) => label.getBoundingClientRect().bottom)) ?? 0,
      );

      // Reading the question from the top: the answer buttons are on screen already.
      await page.evaluate(() => window.scrollTo(0, 0));
      await expectWithinViewport(page, "Submit answer");
      await expectWithinViewport(page, "I don’t know");
      if (asked === 0) {
        // What a phone shows first (a full-page capture would draw the sticky bar mid-page).
        const path = testInfo.outputPath("quiz-touch-390.png");
        await page.screenshot({ path });
        await testInfo.attach("quiz-touch-390", { path, contentType: "image/png" });
      }

      // With the last option in view, the buttons are in view and cover none of it.
      await last.evaluate((label) => label.scrollIntoView({ block: "end" }));
      await expectWithinViewport(page, "Submit answer");
      const bar = await edges(page, "#quiz-actions");
      const lastBox = await last.evaluate((label) => label.getBoundingClientRect().bottom);
      expect(lastBox).toBeLessThanOrEqual(bar.top + 1);

      // Moving through the options by keyboard scrolls each focused control clear of the bar
      // (WCAG 2.4.11, focus not obscured).
      await page.evaluate(() => window.scrollTo(0, 0));
      const count = await options(page).count();
      const isRadio =
        (await page.locator("#quiz-form input[name=choice]").first().getAttribute("type")) === "radio";
      await page.locator("#quiz-form input[name=choice]").first().focus();
      for (let index = 1; index < count; index++) await page.keyboard.press(isRadio ? "ArrowDown" : "Tab");
      const focused = await page.evaluate(() => {
        const control = document.activeElement?.getBoundingClientRect();
        const bar = document.querySelector("#quiz-actions")?.getBoundingClientRect();
        return {
          top: control?.top ?? -1,
          bottom: control?.bottom ?? Infinity,
          barTop: bar?.top ?? 0,
          id: document.activeElement?.id,
        };
      });
      expect(focused.id).toBe(`option-${count - 1}`);
      expect(focused.top).toBeGreaterThanOrEqual(0);
      expect(focused.bottom).toBeLessThanOrEqual(focused.barTop);

      await answerFirstOption(page);
    }
    // At least one of them was longer than the screen, so the checks above were not trivially true.
    expect(tallest).toBeGreaterThan(VIEWPORTS.phone.height);
  });
});

test.describe("the quiz at a desk", () => {
  test.use({ viewport: VIEWPORTS.desktop });

  test("shows the keyboard hints next to a mouse", async ({ page }) => {
    await startQuiz(page, "ml-engineer");
    await expect(keyHint(page)).toBeVisible();
    await expect(keyHint(page)).toContainText("Enter submits, 0 means “I don’t know”");
    await expect(page.locator("#quiz-form kbd").first()).toBeVisible();
    await expect(dontKnow(page)).toBeVisible();
  });
});

async function checkPage(
  page: Page,
  testInfo: TestInfo,
  name: string,
  width: "reflow" | "phone" | "desktop",
) {
  // After a client-side move to the next question the document title is put back a moment later.
  await expect(page).toHaveTitle(/\S/);
  await expectReflows(page);
  if (width !== "reflow") await expectNoSeriousAxeViolations(page);
  if (width !== "reflow") await keepScreenshot(page, testInfo, `${name}-${VIEWPORTS[width].width}`);
}

for (const width of ["reflow", "phone", "desktop"] as const) {
  test.describe(`the start page and the quiz at ${VIEWPORTS[width].width} px`, () => {
    test.use({ viewport: VIEWPORTS[width] });

    test("reflow without sideways scrolling, pass axe, and are kept as screenshots", async ({
      page,
    }, testInfo) => {
      // Four questions, each with a reflow check and (at 390 and 1280 px) axe and a screenshot.
      test.setTimeout(120_000);
      await page.goto("/assess");
      // Every quiz length reads in full without opening a picker (a select cut them off mid-word).
      for (const name of ["Up to 15 questions (quicker, less certain)", "Up to 30 questions (recommended)"]) {
        await expect(page.getByRole("radio", { name })).toBeVisible();
      }
      await expect(page.getByRole("radio", { name: "Up to 30 questions (recommended)" })).toBeChecked();
      await checkPage(page, testInfo, "assess-start", width);
      await startQuiz(page, "data-scientist");
      for (let asked = 0; asked < 4 && !page.url().includes("/results/"); asked++) {
        await checkPage(page, testInfo, `quiz-question-${asked + 1}`, width);
        await answerFirstOption(page);
      }
    });
  });
}

test.describe("code in a question at 320 px", () => {
  test.use({ viewport: VIEWPORTS.reflow });

  test("wraps long lines instead of hiding them behind a sideways scroller", async ({ page }) => {
    await startQuiz(page, "ai-engineer");
    // The page's own stylesheet decides how every stem's code block is drawn, whichever question
    // the engine asked first: a long line of code placed in this stem shows it.
    await page.locator("#question-stem").evaluate((stem) => {
      const pre = document.createElement("pre");
      const code = document.createElement("code");
      code.textContent =
        "scoring/features.py:41: size=612 MiB (+298 MiB), count=2104388 (+1024117), average=305 B\n" +
        "result = pipeline.fit_transform(frame.loc[:, ['customer_id', 'order_total', 'created_at']])\n" +
        `df = pd.read_csv("events.csv")${" ".repeat(40)}# 9 GB on disk, 60 columns`;
      pre.append(code);
      stem.append(pre);
    });
    await expectReflows(page);
    const lastCharacterVisible = await page
      .locator("#question-stem pre")
      .last()
      .evaluate((pre) => {
        const box = pre.getBoundingClientRect();
        return pre.scrollWidth <= pre.clientWidth + 1 && box.right <= window.innerWidth;
      });
    expect(lastCharacterVisible).toBe(true);
  });
});
