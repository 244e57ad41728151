import { expect, test, type Page } from "@playwright/test";
import { PASSWORD, accountCallFrom, uniqueEmail } from "./support/accounts";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { VIEWPORTS, expectReflows } from "./support/layout";
import { runInApp } from "./support/run-in-app";

/**
 * An administrator reads calibration in /admin after real runs of `npm run calibrate` on this
 * instance: the item page's history (newest set first, with why the engine does not use the item
 * yet), the items table's Parameters column and filter, and the set in force on the instance
 * page — each at 390 and 1280 px, axe-clean, without sideways scrolling. The runs keep the default
 * threshold of 200 responses, so no item becomes calibrated and other specs' quizzes run as before.
 */
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
const ADDRESS = "127.0.0.80";
// Not a Python question: admin-readable.spec.ts sorts the Python items by responses.
const questionId = "sql-explain-composite-index";

async function readable(page: Page, shot?: string) {
  for (const name of ["phone", "desktop"] as const) {
    await page.setViewportSize(VIEWPORTS[name]);
    await expectReflows(page);
    await expectNoSeriousAxeViolations(page);
    if (shot)
      await page.screenshot({
        path: test.info().outputPath(`${shot}-${VIEWPORTS[name].width}.png`),
        fullPage: true,
      });
  }
}

test("an administrator reads an item's calibration history, the items' parameters and the set in force", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const adminEmail = uniqueEmail("admin-calibration");
  await accountCallFrom(page.context(), baseURL, ADDRESS, "/api/account/sign-up", {
    name: "Cal Admin",
    email: adminEmail,
    password: PASSWORD,
  });
  runInApp("grant-admin.ts", [adminEmail]);

  // The section is on the page before this spec has run calibrate.
  await page.goto(`/admin/items/${questionId}`);
  const section = page.getByRole("region", { name: "Calibration history" });
  await expect(section).toBeVisible();

  // Two runs, the second with more answers: both sets are listed, the newest first.
  runInApp("seed-response-records.ts", [questionId, "40"]);
  const first = runInApp("calibrate.ts", []).match(/Wrote calibration set (\S+);/)?.[1];
  runInApp("seed-response-records.ts", [questionId, "40"]);
  const second = runInApp("calibrate.ts", []).match(/Wrote calibration set (\S+);/)?.[1];
  expect(first).toBeTruthy();
  expect(second).toBeTruthy();

  await page.goto(`/admin/items/${questionId}`);
  await expect(section.getByText(`New attempts use calibration set ${second}`)).toBeVisible();
  await expect(section.getByText(/for this question, its nominal parameters \(difficulty/)).toBeVisible();
  const sets = section.getByRole("listitem");
  const newest = sets.nth(0);
  await expect(newest.getByRole("heading", { level: 3 })).toContainText(`Set ${second}`);
  await expect(newest.getByRole("heading", { level: 3 })).toContainText(/\d{4}/);
  await expect(newest).toContainText("New attempts use this set");
  await expect(newest).toContainText(/Not used: too few responses \(\d+ of the 200 the set requires\)/);
  await expect(newest).toContainText(/Difficulty−?\d\.\d\d ± \d\.\d\d \(nominal −?\d\.\d\d\)/);
  await expect(sets.nth(1).getByRole("heading", { level: 3 })).toContainText(`Set ${first}`);
  await expect(sets.nth(1)).not.toContainText("New attempts use this set");
  // The newer set read the 40 answers added between the runs.
  const responsesOf = async (index: number) =>
    Number((await sets.nth(index).textContent())?.match(/too few responses \((\d+) of/)?.[1]);
  expect((await responsesOf(0)) - (await responsesOf(1))).toBeGreaterThanOrEqual(40);
  await readable(page, "item");

  // A question with no answers: never calibrated, and what it needs.
  await page.goto(`/admin/items/${runInApp("uncalibrated-question.ts", [])}`);
  await expect(
    page
      .getByRole("region", { name: "Calibration history" })
      .getByText("This question has never been calibrated."),
  ).toBeVisible();
  await expect(page.getByText(/at least 200 responses to its current version/)).toBeVisible();

  // The items table: a Parameters column and filter; nothing is calibrated at 200 responses.
  await page.goto("/admin/items?skill=sql");
  await expect(page.getByText(`Parameters: as calibration set ${second} applies them`)).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: questionId }) });
  await expect(row.getByRole("cell").last()).toContainText("Nominal");
  await page.getByLabel("Parameters").selectOption("calibrated");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/calibration=calibrated/);
  await expect(page.getByText("No question matches.")).toBeVisible();
  await page.goto("/admin/items?calibration=sideways");
  await expect(page.getByLabel("Parameters")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Choose one of the listed parameter states.")).toBeVisible();
  await readable(page);

  // The instance page: the set in force, its figures and the command to make the next one.
  await page.goto("/admin/instance");
  const calibration = page.getByRole("region", { name: "Calibration" });
  await expect(calibration).toContainText(`New attempts use${second}`);
  await expect(calibration).toContainText(/Used by the engine0/);
  await expect(calibration).toContainText(/used with n ≥ 200, difficulty SE ≤ 0.35/);
  await expect(calibration).toContainText(/In progress on an older version\d+ attempts?/);
  await expect(calibration.getByText("npm run calibrate", { exact: true })).toBeVisible();
  await readable(page, "instance");
});
