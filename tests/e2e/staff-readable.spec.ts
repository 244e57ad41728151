import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { uniqueEmail } from "./support/accounts";
import { VIEWPORTS, expectReflows, keepScreenshot } from "./support/layout";
import { runInApp } from "./support/run-in-app";

// Its people are seeded with sessions: it spends no sign-up budget.
const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;

/** Reflows at 320 and 390 px, passes axe at 390 and 1280 px, and keeps a screenshot at 390 and 1280 px. */
async function expectReadable(page: Page, testInfo: TestInfo, name: string) {
  for (const viewport of ["reflow", "phone", "desktop"] as const) {
    await page.setViewportSize(VIEWPORTS[viewport]);
    await page.reload();
    if (viewport !== "desktop") await expectReflows(page);
    if (viewport !== "reflow") {
      await expectNoSeriousAxeViolations(page);
      await keepScreenshot(page, testInfo, `${name}-${VIEWPORTS[viewport].width}`);
    }
  }
}

test.describe("a cohort's staff and learners", () => {
  test("staff write a rule in plain words, apply it, and everyone can read the cohort pages on any screen", async ({
    page,
    browser,
  }, testInfo) => {
    test.setTimeout(300_000);
    const seeded = JSON.parse(
      runInApp("seed-cohort-progress.ts", [
        uniqueEmail("staff-readable"),
        uniqueEmail("learner-readable"),
        `maximiliane.oberhauser-wittgenstein-${Date.now()}@very-long-bootcamp-domain.example.com`,
      ]),
    ) as { cohortId: string; staffCookies: string[]; learnerCookies: string[] };
    const { cohortId } = seeded;
    const cookiesFor = (pairs: string[]) =>
      pairs.map((pair) => {
        const at = pair.indexOf("=");
        return { name: pair.slice(0, at), value: pair.slice(at + 1), url: BASE };
      });
    await page.context().addCookies(cookiesFor(seeded.staffCookies));
    const learner = await (await browser.newContext({ baseURL: BASE })).newPage();
    await learner.context().addCookies(cookiesFor(seeded.learnerCookies));
    const cohortPath = `/cohorts/${cohortId}`;

    await test.step("the rule builder speaks in percent and offers the chosen skill's modules", async () => {
      await page.goto(cohortPath);
      const level = page.getByLabel("Level threshold");
      const chance = page.getByLabel("Chance threshold, in %");
      // A level rule asks for a level by name; the chance field is not in the way.
      await expect(level).toBeVisible();
      await expect(level.locator("option")).toHaveText([
        "1 · Aware",
        "2 · Working",
        "3 · Proficient",
        "4 · Expert",
      ]);
      await expect(chance).toBeHidden();
      await page.getByLabel("Condition").selectOption({ label: "Chance of meeting the target below" });
      await expect(level).toBeHidden();
      await expect(chance).toBeVisible();
      await expect(page.getByText("A whole percentage from 1 to 100: 50 means a 50 % chance.")).toBeVisible();

      const modules = page.getByLabel("Module to assign");
      await page.getByLabel("Skill", { exact: true }).selectOption("ci-cd-ml");
      await expect(modules.locator("option")).toHaveText([
        "Choose a module",
        "A CI pipeline that tests, builds and publishes an ML service",
        "Quality gates, reproducible training and canary releases",
        "What CI/CD does for an ML project",
      ]);
      await modules.selectOption("ci-cd-ml-build-test-push");

      // A fraction typed out of habit is refused, with the reason under the field.
      await chance.fill("0.5");
      await page.getByRole("button", { name: "Add rule" }).click();
      await expect(
        page.getByText("Type the chance as a whole percentage from 1 to 100, e.g. 50 for a 50 % chance."),
      ).toBeVisible();
      await expect(chance).toHaveAttribute("aria-invalid", "true");
      await expect(chance).toHaveValue("0.5");
      await expect(modules).toHaveValue("ci-cd-ml-build-test-push");

      // Below a 100 % chance fires for a learner who answered "I don't know".
      await chance.fill("100");
      await page.getByRole("button", { name: "Add rule" }).click();
      await expect(page.getByText("Rule added. Check the preview, then apply.")).toBeVisible();
      await expect(page.getByText(/is below a 100 % chance of meeting the target, assign/)).toBeVisible();
      await expect(page.getByRole("region", { name: "Preview" })).toContainText(
        "This will assign 1 module to 1 learner. Learners who finish later get the new rule too.",
      );
    });

    await test.step("without JavaScript the modules are grouped by skill and the server refuses a mismatch", async () => {
      const context = await browser.newContext({
        baseURL: BASE,
        javaScriptEnabled: false,
        storageState: await page.context().storageState(),
      });
      const plain = await context.newPage();
      await plain.goto(cohortPath);
      const modules = plain.getByLabel("Module to assign");
      await expect(modules.locator("optgroup[label='CI/CD for ML'] option")).toHaveText([
        "A CI pipeline that tests, builds and publishes an ML service",
        "Quality gates, reproducible training and canary releases",
        "What CI/CD does for an ML project",
      ]);
      // The threshold field follows the condition in CSS alone.
      await plain.getByLabel("Condition").selectOption({ label: "Chance of meeting the target below" });
      await expect(plain.getByLabel("Level threshold")).toBeHidden();
      await expect(plain.getByLabel("Chance threshold, in %")).toBeVisible();
      await plain.getByLabel("Skill", { exact: true }).selectOption("python");
      await modules.selectOption("ci-cd-ml-build-test-push");
      await plain.getByRole("button", { name: "Add rule" }).click();
      await expect(
        plain.getByText(
          "“A CI pipeline that tests, builds and publishes an ML service” does not teach Python & software engineering. Choose one of the modules listed for that skill.",
        ),
      ).toBeVisible();
      await expect(plain.getByLabel("Module to assign")).toHaveAttribute("aria-invalid", "true");
      await context.close();
    });

    await test.step("applying says what it did, and the “Rule added” notice goes", async () => {
      const apply = page.getByRole("button", { name: "Apply the rules" });
      await expect(apply).toBeEnabled();
      await apply.click();
      await expect(page.getByText(/Assigned 1 module to 1 learner/)).toBeVisible();
      await expect(page.getByText("Rule added. Check the preview, then apply.")).toHaveCount(0);
      await expect(page.getByRole("region", { name: "Preview" })).toContainText(
        "Applying the rules now would assign nothing new.",
      );
      await expect(apply).toBeDisabled();
    });

    await test.step("staff read the cohorts list and the cohort page at 320, 390 and 1280 px", async () => {
      await page.goto("/cohorts");
      await expectReadable(page, testInfo, "cohorts-list-staff");
      await page.goto(cohortPath);
      await expectReadable(page, testInfo, "cohort-staff");
      // On a phone every learner's row is a card that names each value.
      await page.setViewportSize(VIEWPORTS.phone);
      const row = page.getByRole("row", { name: /Lena Learner/ });
      await expect(row).toContainText("Assessment:");
      await expect(row).toContainText("Finished");
      await expect(row.getByRole("cell", { name: "Finished" })).toBeVisible();
      await expect(
        page
          .getByRole("table", { name: "Completion per module" })
          .getByRole("row", { name: /A CI pipeline/ }),
      ).toContainText("Completion: 0%");
    });

    await test.step("a learner reads the same pages at 320, 390 and 1280 px", async () => {
      await learner.goto("/cohorts");
      await expectReadable(learner, testInfo, "cohorts-list-learner");
      await learner.goto(cohortPath);
      await expect(learner.getByRole("heading", { name: "Modules assigned to you" })).toBeVisible();
      await expectReadable(learner, testInfo, "cohort-learner");
    });
    await learner.context().close();
  });
});
