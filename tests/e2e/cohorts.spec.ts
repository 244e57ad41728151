import { expect, test } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { PASSWORD, lastMailTo, signUpViaForm, uniqueEmail } from "./support/accounts";
import { runInApp } from "./support/run-in-app";
import { skipSelfRating } from "./support/quiz";

test.describe("a bootcamp cohort", () => {
  test("staff import a roster (one bad row: nothing imported), apply a rule; the learner completes the assigned module; staff see it", async ({
    page,
    browser,
  }) => {
    test.setTimeout(300_000);
    const staffEmail = uniqueEmail("staff");
    const learnerEmail = uniqueEmail("learner");
    const secondEmail = uniqueEmail("learner-two");
    await signUpViaForm(page, staffEmail, "Sam Staff", "/cohorts");
    await expect(page.getByText(/needs permission from an administrator/)).toBeVisible();
    expect(runInApp("allow-cohorts.ts", [staffEmail])).toBe("ok");
    await page.reload();

    await page.getByLabel("Cohort name").fill("Spring MLOps bootcamp");
    await page.getByLabel("Target role").selectOption("mlops-engineer");
    await page.getByLabel("Time zone").fill("Europe/Berlin");
    await page.getByLabel("Starts on").fill("2026-01-05");
    await page.getByLabel("Ends on").fill("2026-04-30");
    await page.getByRole("button", { name: "Create the cohort" }).click();
    await expect(page).toHaveURL(/\/cohorts\/[\w-]+$/);
    const cohortPath = new URL(page.url()).pathname;
    const cohortId = cohortPath.split("/").at(-1) as string;

    // Open the assessment window until far in the future.
    await page.getByText("Open the assessment").click();
    await page.getByLabel("Closes (Europe/Berlin)").fill("2099-01-01T09:00");
    await page.getByRole("button", { name: "Save the window" }).click();
    await expect(page.getByText("Saved the assessment window.")).toBeVisible();
    // Staff run the cohort: the learners' parts (take the assessment, modules assigned to you) are not theirs.
    await page.reload();
    await expect(page.getByRole("heading", { name: "Roster" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Take the cohort assessment" })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Modules assigned to you" })).toHaveCount(0);

    // One bad row: reported with its line, nothing imported.
    const roster = page.getByLabel("Roster (CSV)");
    await roster.fill(
      `name,email\nLena Learner,${learnerEmail}\nBroken Row,not-an-email\nOmar Other,${secondEmail}\n`,
    );
    await page.getByRole("button", { name: "Import roster" }).click();
    await expect(page.getByText(/line 3: not an email address/)).toBeVisible();
    await expect(page.getByText(/Nothing was imported/).first()).toBeVisible();
    await page.reload();
    await expect(page.getByText("0 learners:")).toBeVisible();
    await page
      .getByLabel("Roster (CSV)")
      .fill(`name,email\nLena Learner,${learnerEmail}\nOmar Other,${secondEmail}\n`);
    await page.getByRole("button", { name: "Import roster" }).click();
    await expect(
      page.getByText(
        "Imported: 2 new learners (their invitations are queued; the roster shows when each is sent), 0 already on the roster.",
      ),
    ).toBeVisible();
    // The server's mail sender sends the queued invitations within seconds; the roster says so.
    await expect(async () => {
      await page.reload();
      await expect(page.getByText("Mail sent")).toHaveCount(2, { timeout: 1000 });
    }).toPass({ timeout: 20_000 });

    // The learner joins through the emailed invitation, with a new account, and takes the assessment.
    const joinUrl = /https?:\/\/\S+\/cohorts\/join\/[A-Za-z0-9_-]+/.exec(
      lastMailTo(learnerEmail),
    )?.[0] as string;
    expect(joinUrl).toBeTruthy();
    const learner = await (await browser.newContext()).newPage();
    await learner.goto(new URL(joinUrl).pathname);
    await learner.getByRole("link", { name: "Create an account" }).click();
    await learner.getByLabel("Display name").fill("Lena Learner");
    await learner.getByLabel("Email").fill(learnerEmail);
    await learner.getByLabel("Password").fill(PASSWORD);
    await learner.getByRole("button", { name: "Create account" }).click();
    await learner.getByRole("button", { name: "Join the cohort" }).click();
    await expect(learner).toHaveURL(new RegExp(`${cohortPath}$`));
    await learner.getByRole("button", { name: "Take the cohort assessment" }).click();
    await expect(learner).toHaveURL(/\/assess\/[\w-]+$/);
    await skipSelfRating(learner);
    await learner.getByRole("button", { name: "I don’t know" }).click();
    // The engine may already be sure after one answer; otherwise finish now.
    const results = /\/results\/[\w-]+$/;
    await expect(
      learner.getByText("1 answered").or(learner.getByRole("link", { name: "Open my learning plan" })),
    ).toBeVisible();
    if (!results.test(learner.url()))
      await learner.getByRole("button", { name: "Finish now and see my results" }).click();
    await expect(learner).toHaveURL(results);
    await expect(
      learner.getByText(
        /This was a cohort assessment: the correct answers and explanations appear here once the assessment window closes/,
      ),
    ).toBeVisible();

    // Staff: the learner finished; a rule, previewed, then applied.
    await page.reload();
    await expect(
      page.getByRole("row", { name: /Lena Learner/ }).getByRole("cell", { name: "Finished" }),
    ).toBeVisible();
    await page.getByLabel("Skill", { exact: true }).selectOption("ci-cd-ml");
    await page.getByLabel("Condition").selectOption("belowLevel");
    await page.getByLabel("Level threshold").selectOption("4");
    await page.getByLabel("Module to assign").selectOption("ci-cd-ml-build-test-push");
    await page.getByLabel("Due days after the result").fill("14");
    await page.getByRole("button", { name: "Add rule" }).click();
    await expect(page.getByText("Rule added.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("region", { name: "Preview" })).toContainText(
      "This will assign 1 module to 1 learner.",
    );
    await page.getByRole("button", { name: "Apply the rules" }).click();
    await expect(page.getByText(/Assigned 1 module to 1 learner/)).toBeVisible();
    await expect(page.getByText("Rule added.")).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("region", { name: "Preview" })).toContainText(
      "Applying the rules now would assign nothing new.",
    );
    // Nothing new to apply: no button that would do nothing.
    await expect(page.getByRole("button", { name: "Apply the rules" })).toBeDisabled();
    await expect(page.getByText(/Nothing to apply: every rule is applied/)).toBeVisible();

    // The learner sees the module in their plan, labelled and dated, and completes it.
    await learner.goto(cohortPath);
    await expect(
      learner.getByRole("region", { name: "Modules assigned to you" }).or(
        learner.locator("section", {
          has: learner.getByRole("heading", { name: "Modules assigned to you" }),
        }),
      ),
    ).toContainText("A CI pipeline that tests, builds and publishes an ML service");
    await learner.getByRole("link", { name: /Open my learning plan/ }).click();
    await expect(learner).toHaveURL(/\/plan\/[\w-]+$/);
    const item = learner.locator("#module-ci-cd-ml-build-test-push");
    await expect(item).toContainText("Assigned by Spring MLOps bootcamp");
    await expect(item).toContainText(/due \w{3} \d{1,2} \w{3}/);
    await item.getByRole("button", { name: /^Mark done/ }).click();
    await expect(item.getByRole("button", { name: /^Mark not done/ })).toBeVisible();
    await learner.context().close();

    // Staff see the completion, and the dashboard passes axe.
    await page.reload();
    await expect(page.getByText(/1 of 1 assigned modules done; 0 overdue/)).toBeVisible();
    await expect(
      page.getByRole("table", { name: "Completion per module" }).getByRole("row", { name: /A CI pipeline/ }),
    ).toContainText("100%");
    await expectNoSeriousAxeViolations(page);
    const csv = await (await page.request.get(`/api/cohorts/${cohortId}/export`)).text();
    expect(csv).toContain('"Lena Learner"');
    expect(csv.split("\r\n").find((line) => line.includes("Lena Learner"))).toMatch(
      /"finished".*"1","1","0"$/,
    );
  });

  test("the assessment window is read in the cohort's time zone, across a daylight-saving change", async ({
    page,
  }) => {
    const staffEmail = uniqueEmail("staff-zone");
    await signUpViaForm(page, staffEmail, "Zoe Zone", "/cohorts");
    runInApp("allow-cohorts.ts", [staffEmail]);
    await page.reload();
    await page.getByLabel("Cohort name").fill("New York cohort");
    await page.getByLabel("Target role").selectOption("ai-engineer");
    await page.getByLabel("Time zone").fill("America/New_York");
    await page.getByLabel("Starts on").fill("2026-01-05");
    await page.getByLabel("Ends on").fill("2026-04-30");
    await page.getByRole("button", { name: "Create the cohort" }).click();
    await expect(page).toHaveURL(/\/cohorts\/[\w-]+$/);

    // 02:30 on the spring-forward night does not exist in New York: refused, nothing saved.
    await page.getByText("Open the assessment").click();
    await page.getByLabel("Opens (America/New_York)").fill("2026-03-08T02:30");
    await page.getByLabel("Closes (America/New_York)").fill("2099-01-01T09:00");
    await page.getByRole("button", { name: "Save the window" }).click();
    await expect(
      page.getByText(
        "2026-03-08 02:30 does not exist in America/New_York: the clocks jump forward from 02:00 to 03:00 that night. Choose another time.",
      ),
    ).toBeVisible();
    await expect(page.getByLabel("Closes (America/New_York)")).toHaveValue("2099-01-01T09:00");

    // 03:30 that morning is summer time and is shown as entered (not an hour later).
    await page.getByLabel("Opens (America/New_York)").fill("2026-03-08T03:30");
    await page.getByRole("button", { name: "Save the window" }).click();
    await expect(page.getByText("Saved the assessment window.")).toBeVisible();
    await page.reload();
    await expect(
      page.getByText(/Open from Sun, 8 Mar 2026, 03:30 \(America\/New_York\) until/),
    ).toBeVisible();
  });

  test("strangers get 404 for a cohort and its export", async ({ page, browser }) => {
    const staffEmail = uniqueEmail("staff-private");
    await signUpViaForm(page, staffEmail, "Private Staff", "/cohorts");
    runInApp("allow-cohorts.ts", [staffEmail]);
    await page.reload();
    await page.getByLabel("Cohort name").fill("Private cohort");
    await page.getByLabel("Target role").selectOption("ai-engineer");
    await page.getByLabel("Starts on").fill("2026-01-05");
    await page.getByLabel("Ends on").fill("2026-04-30");
    await page.getByRole("button", { name: "Create the cohort" }).click();
    await expect(page).toHaveURL(/\/cohorts\/[\w-]+$/);
    const cohortPath = new URL(page.url()).pathname;
    const stranger = await (await browser.newContext()).newPage();
    await signUpViaForm(stranger, uniqueEmail("stranger"), "Stranger", "/cohorts");
    expect((await stranger.goto(cohortPath))?.status()).toBe(404);
    expect((await stranger.request.get(`/api${cohortPath}/export`)).status()).toBe(404);
    await stranger.context().close();
  });
});
