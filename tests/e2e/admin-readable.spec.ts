import { randomUUID } from "node:crypto";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { PASSWORD, accountCallFrom, uniqueEmail } from "./support/accounts";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { VIEWPORTS, expectReflows } from "./support/layout";
import { runInApp } from "./support/run-in-app";

/**
 * An instance administrator's path through /admin, each page read at 390 and 1280 px, axe-clean
 * and without sideways scrolling: find a person and grant a right (logged below), read the
 * instance, resolve a problem report with a note and see it on the item's page. A person who is
 * not an administrator gets the app's 404 and no Admin link.
 */
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
const ADDRESS = "127.0.0.45";
const accountCall = (context: BrowserContext, path: string, body: Record<string, string>) =>
  accountCallFrom(context, baseURL, ADDRESS, path, body);

async function readable(page: Page) {
  for (const name of ["phone", "desktop"] as const) {
    await page.setViewportSize(VIEWPORTS[name]);
    await expectReflows(page);
    await expectNoSeriousAxeViolations(page);
  }
}

test("an administrator grants a right, reads item statistics and the instance, and resolves a report; others get 404", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const adminEmail = uniqueEmail("admin-readable");
  const stem = `person-${randomUUID().slice(0, 8)}`;
  const personEmail = `${stem}@example.com`;
  await accountCall(page.context(), "/api/account/sign-up", {
    name: "Ada Admin",
    email: adminEmail,
    password: PASSWORD,
  });
  runInApp("grant-admin.ts", [adminEmail]);
  const personContext = await browser.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  await accountCall(personContext, "/api/account/sign-up", {
    name: "Pat Person",
    email: personEmail,
    password: PASSWORD,
  });
  const questionId = "python-circular-import";
  runInApp("seed-question-report.ts", [questionId, `Option B is right too (${stem})`]);

  // The main navigation leads an administrator there.
  await page.goto("/me");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Admin" })).toBeVisible();
  await readable(page);

  // People: typed in capitals and only the beginning; found, granted by keyboard, and logged.
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "People" }).click();
  await page.getByLabel("Email or its beginning").fill(stem.toUpperCase());
  await page.getByLabel("Email or its beginning").press("Enter");
  await expect(page).toHaveURL(/\/admin\/people\?email=/);
  const row = page.getByRole("row").filter({ hasText: personEmail });
  await expect(row).toBeVisible();
  const grant = row.getByRole("button", { name: "Grant cohort creator" });
  await grant.focus();
  await page.keyboard.press("Enter");
  await expect(row.getByText("Granted: cohort creator.")).toBeVisible();
  await expect(row.getByRole("button", { name: "Revoke cohort creator" })).toBeVisible();
  const log = page.getByRole("table", { name: "Recent changes of rights, newest first" });
  await expect(log.getByRole("row").nth(1)).toContainText("Granted: Cohort creator");
  await expect(log.getByRole("row").nth(1)).toContainText(`Pat Person (${personEmail})`);
  await expect(log.getByRole("row").nth(1)).toContainText(`Ada Admin (${adminEmail})`);
  await readable(page);

  // Items: real answers to one question (anonymised records), sorted and filtered without
  // JavaScript's help (links and a GET form), then its page with option choices by ability group.
  runInApp("seed-response-records.ts", [questionId, "30"]);
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Items" }).click();
  await page.getByLabel("Skill").selectOption("python");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/skill=python/);
  await page.getByRole("columnheader", { name: "Responses" }).getByRole("link").click();
  await expect(page).toHaveURL(/sort=responses&dir=desc/);
  await expect(page.getByRole("columnheader", { name: "Responses" })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  const first = page.getByRole("row").nth(1);
  await expect(first.getByRole("rowheader")).toHaveText(questionId);
  await expect(first.getByRole("cell").nth(2)).toContainText("30");
  await readable(page);
  await page.goto("/admin/items?level=9");
  await expect(page.getByText("Please fix the highlighted filters.")).toBeVisible();
  await expect(page.getByLabel("Level")).toHaveAttribute("aria-invalid", "true");
  await page.goto(`/admin/items/${questionId}`);
  const choices = page.getByRole("table", { name: "Share of each ability group choosing each option" });
  await expect(choices.getByRole("columnheader", { name: /High scorers \(10\)/ })).toBeVisible();
  const keyRow = choices.getByRole("row").filter({ hasText: "Key" });
  await expect(keyRow.getByRole("cell").last()).toHaveText(/100 %/);
  // The options read as the quiz shows them: code as code, not Markdown source with backticks.
  await expect(keyRow.getByRole("rowheader").locator("code").first()).toHaveText("pricing.py");
  await expect(keyRow.getByRole("rowheader")).not.toContainText("`");
  // Lettered as in the question's option list above it (the key is the second option, B).
  await expect(keyRow.getByRole("rowheader")).toHaveText(/^B\s*In pricing\.py/);
  // The question itself (stem and options, the key named) is on its page.
  await expect(page.getByText("Importing your billing package fails:")).toBeVisible();
  const options = page.getByRole("list", { name: "Options, in the content's order" });
  await expect(options.getByRole("listitem")).toHaveCount(4);
  await expect(options.getByRole("listitem").filter({ hasText: "Key" })).toContainText("TYPE_CHECKING");
  await readable(page);

  // Instance.
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Instance" }).click();
  await expect(page.getByText(/^Up to date: \d+ of \d+ applied$/)).toBeVisible();
  await expect(page.getByText("Content hash")).toBeVisible();
  await readable(page);

  // Problem reports: a note is required; then resolved, it shows with its note on the item page.
  await page
    .getByRole("navigation", { name: "Admin" })
    .getByRole("link", { name: "Problem reports" })
    .click();
  const report = page.getByRole("listitem").filter({ hasText: stem });
  await expect(report).toBeVisible();
  await readable(page);
  await report.getByRole("button", { name: "Mark resolved" }).click();
  await expect(report.getByText(/Say what was done/)).toBeVisible();
  await report.getByLabel("Resolution note").fill(`Both keys accepted now (${stem})`);
  await report.getByRole("button", { name: "Mark resolved" }).click();
  // Resolved, it leaves the open list: the item's page shows it with its note, and says so.
  await expect(page).toHaveURL(new RegExp(`/admin/items/${questionId}\\?resolved=`));
  await expect(page.getByRole("status").getByText(/Report marked resolved/)).toBeVisible();
  const resolved = page.getByRole("listitem").filter({ hasText: stem });
  await expect(resolved).toContainText(`Both keys accepted now (${stem})`);
  await expect(resolved).toContainText("Resolved");
  await expect(resolved.getByRole("button", { name: "Mark resolved" })).toHaveCount(0);
  await readable(page);

  // Someone who is not an administrator: the app's 404, and no Admin link.
  const person = await personContext.newPage();
  for (const path of ["/admin", "/admin/people", `/admin/items/${questionId}`]) {
    const response = await person.goto(path);
    expect(response?.status()).toBe(404);
    await expect(person.getByRole("navigation", { name: "Admin" })).toHaveCount(0);
  }
  await expect(
    person.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }),
  ).toHaveCount(0);
  await personContext.close();
});
