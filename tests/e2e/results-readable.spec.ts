import fs from "node:fs";
import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import matter from "gray-matter";
import { levelName } from "../../src/domain/levels";
import { signUpViaForm, uniqueEmail } from "./support/accounts";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { expectReflows, keepScreenshot, VIEWPORTS } from "./support/layout";
import { answerUntilResults, skipSelfRating, startQuiz, waitForNextQuestion } from "./support/quiz";

// The sign-up below goes over IPv6 loopback, apart from the sign-up budget of the specs on
// 127.0.0.1: loopbackBase(n) does not separate it here, because a connection to 127.0.0.n still
// leaves from 127.0.0.1 (the kernel's source address for the whole loopback range).
const BASE = `http://[::1]:${process.env.E2E_PORT ?? 3100}`;
test.use({ baseURL: BASE, extraHTTPHeaders: { origin: BASE } });

/** The skills a role requires, with their titles and target levels, straight from content. */
function requiredSkills(roleId: string): { title: string; target: number }[] {
  const role = matter(fs.readFileSync(path.resolve(`content/roles/${roleId}.md`), "utf8"));
  return (role.data.requires as { skill: string; level: number }[]).map((requirement) => ({
    title: matter(fs.readFileSync(path.resolve(`content/skills/${requirement.skill}.md`), "utf8")).data
      .title as string,
    target: requirement.level,
  }));
}

const SKILLS = requiredSkills("ai-engineer");

const CHANCE =
  /^(Very likely meets|Likely meets|Too close to call|Likely below|Very likely below|Not asked, inferred) \((\d+|under 1|over 99) %\)$/;
const EVIDENCE = /^(\d+ questions?|Not asked — inferred from .+)$/;

/** One skill's card on a narrow screen, found by the skill's heading. */
const skillCard = (page: Page, title: string): Locator =>
  page
    .getByRole("region", { name: /^Skills .* requires$/ })
    .getByRole("listitem")
    .filter({
      has: page.getByRole("heading", {
        level: 3,
        name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}( core)?$`),
      }),
    });

/** At a narrow width: no sideways scrolling, and every skill's level, target, chance and evidence in view. */
async function expectEverySkillReadable(page: Page) {
  await expectReflows(page);
  for (const skill of SKILLS) {
    const card = skillCard(page, skill.title);
    await expect(card, skill.title).toHaveCount(1);
    await card.scrollIntoViewIfNeeded();
    await expect(
      card.getByText(/^Most likely \w+ \(\d\); (could be \d–\d|80 % sure of that)$/),
    ).toBeVisible();
    await expect(
      card.getByText(`${levelName(skill.target)} (${skill.target})`, { exact: true }),
    ).toBeVisible();
    await expect(card.getByText(CHANCE)).toBeVisible();
    await expect(card.getByText(EVIDENCE)).toBeVisible();
  }
}

/** In the print view every required skill is shown exactly once (cards or table, never both or neither). */
async function expectPrintShowsEverySkill(page: Page) {
  await page.emulateMedia({ media: "print" });
  for (const skill of SKILLS) {
    const names = page.getByRole("link", { name: skill.title, exact: true });
    await expect(names, skill.title).toHaveCount(1);
    await expect(names).toBeVisible();
  }
  await page.emulateMedia({ media: "screen" });
}

test.describe("results anyone can read on any screen", () => {
  test("a finished quiz reads on a phone and a laptop, prints every skill, and shares the same way", async ({
    page,
  }, testInfo) => {
    test.setTimeout(300_000);
    await signUpViaForm(page, uniqueEmail("results"), "Rita Results", "/assess");
    await startQuiz(page, "ai-engineer", "data-scientist");
    await answerUntilResults(page, 3);
    const verdict = page.getByRole("heading", { level: 2, name: /^Readiness for AI Engineer/ });

    for (const size of ["reflow", "phone"] as const) {
      await page.setViewportSize(VIEWPORTS[size]);
      await page.evaluate(() => window.scrollTo(0, 0));
      // The verdict is the first thing after the title: on the first screen, above every skill.
      await expect(verdict).toBeInViewport();
      const verdictBox = await verdict.boundingBox();
      const firstSkill = await skillCard(page, SKILLS[0]?.title ?? "").boundingBox();
      expect(verdictBox?.y ?? Infinity).toBeLessThan(firstSkill?.y ?? 0);
      await expectEverySkillReadable(page);
      await expectPrintShowsEverySkill(page);
    }

    // A code line far wider than a phone wraps inside the answer review instead of scrolling away.
    await page
      .locator('[id^="review-"] .prose')
      .first()
      .evaluate((prose) => {
        const pre = document.createElement("pre");
        const code = document.createElement("code");
        // A long token, and a comment aligned with a run of spaces (which pre-wrap lets hang past the edge).
        code.textContent =
          `response = client.chat.completions.create(model="a-very-long-model-name", messages=[{"role": "user", "content": "${"x".repeat(120)}"}])\n` +
          `df = pd.read_csv("events.csv")${" ".repeat(40)}# 9 GB on disk, 60 columns`;
        pre.append(code);
        pre.id = "injected-long-code";
        prose.append(pre);
      });
    await expectReflows(page);
    await page.locator("#injected-long-code").evaluate((pre) => pre.remove());

    await expectNoSeriousAxeViolations(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await keepScreenshot(page, testInfo, "results-390");

    await page.setViewportSize(VIEWPORTS.desktop);
    // On a wide screen the skills are a table again, one row per required skill.
    const table = page.getByRole("table", { name: /^Per skill/ });
    await expect(table).toBeVisible();
    await expect(table.getByRole("rowheader")).toHaveCount(SKILLS.length);
    await expect(page.getByRole("img", { name: /most likely level against the target/ })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await expectPrintShowsEverySkill(page);
    await keepScreenshot(page, testInfo, "results-1280");

    // The shared read-only view uses the same cards and table.
    await page.getByRole("button", { name: "Create a read-only link" }).click();
    const link = await page.getByLabel(/^Read-only link to/).inputValue();
    await page.goto(new URL(link).pathname);
    await expect(page.getByRole("table", { name: /^Per skill/ })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await keepScreenshot(page, testInfo, "shared-results-1280");
    await page.setViewportSize(VIEWPORTS.phone);
    await expectEverySkillReadable(page);
    await expectNoSeriousAxeViolations(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await keepScreenshot(page, testInfo, "shared-results-390");
    await page.setViewportSize(VIEWPORTS.reflow);
    await expectEverySkillReadable(page);
  });

  test("Reassess offers the start form's lengths and starts the same roles at the chosen length", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const questionId = () => page.locator('#quiz-form input[name="questionId"]').inputValue();
    const finishAfterOneAnswer = async () => {
      const first = await questionId();
      await page.getByRole("button", { name: /I don.t know/ }).click();
      // The next question, or the results if the engine was already sure.
      await waitForNextQuestion(page, first);
      if (!/\/results\//.test(page.url()))
        await page.getByRole("button", { name: "Finish now and see my results" }).click();
      await page.waitForURL(/\/results\/[\w-]+$/);
    };
    await startQuiz(page, "ai-engineer", "data-scientist");
    await finishAfterOneAnswer();
    const firstResults = page.url();
    await expect(page.getByText(/\(you chose up to 30\)/)).toBeVisible();

    const length = page.getByRole("group", { name: "Length of a new quiz" });
    await expect(length.getByRole("radio", { checked: true })).toHaveAccessibleName(
      "Up to 30 questions (recommended)",
    );
    await expect(length.getByRole("radio")).toHaveCount(3);
    for (const choice of [
      "Up to 15 questions (quicker, less certain)",
      "Up to 20 questions",
      "Up to 30 questions (recommended)",
    ])
      await expect(length.getByRole("radio", { name: choice })).toBeVisible();
    await length.getByRole("radio", { name: "Up to 15 questions (quicker, less certain)" }).check();
    await page.getByRole("button", { name: "Reassess" }).click();
    await page.waitForURL(/\/assess\/[\w-]+$/);
    await skipSelfRating(page);
    await finishAfterOneAnswer();
    expect(page.url()).not.toBe(firstResults);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Data Scientist → AI Engineer");
    await expect(page.getByText(/\(you chose up to 15\)/)).toBeVisible();
    // The next Reassess offers the length just used first.
    await expect(
      page.getByRole("group", { name: "Length of a new quiz" }).getByRole("radio", { checked: true }),
    ).toHaveAccessibleName("Up to 15 questions (quicker, less certain)");
  });
});
