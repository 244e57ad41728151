import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { PASSWORD, signUpViaForm, uniqueEmail } from "./support/accounts";
import { runInApp } from "./support/run-in-app";

async function signIn(browser: Browser, email: string, password = PASSWORD): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/sign-in?next=%2Fteams");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/teams$/);
  return page;
}

/** A member turns "count my results in the team's aggregates" off on the team page. */
async function stopContributing(browser: Browser, email: string, teamPath: string): Promise<void> {
  const page = await signIn(browser, email, "demo data passphrase");
  await page.goto(teamPath);
  await page.getByLabel("Count my results in the team's anonymous aggregates").uncheck();
  await page.getByRole("button", { name: "Save my choices" }).click();
  await expect(page.getByRole("status").or(page.getByText(/saved/i)).first()).toBeVisible();
  await page.context().close();
}

test.describe("a manager's team", () => {
  test("coverage, bus factor and only consented individual rows; numbers vanish below five contributors", async ({
    page,
    browser,
  }) => {
    test.setTimeout(300_000);
    const manager = uniqueEmail("manager");
    await signUpViaForm(page, manager, "Manager", "/teams");
    await page.getByLabel("Team name").fill("Platform team");
    await page.getByLabel("Target role the team is measured against").selectOption("mlops-engineer");
    await page.getByRole("button", { name: "Create the team" }).click();
    await expect(page).toHaveURL(/\/teams\/[\w-]+\?created=1$/);
    const teamPath = new URL(page.url()).pathname;
    const teamId = teamPath.split("/").at(-1) as string;
    await expectNoSeriousAxeViolations(page);

    // Six members with finished team attempts, taken through the real engine; two share individually.
    const members = JSON.parse(
      runInApp("seed-team-members.ts", [teamId, "6", "2", `member-${teamId}`]),
    ) as string[];
    expect(members).toHaveLength(6);

    await page.goto(`${teamPath}/dashboard`);
    await expect(page.getByRole("heading", { name: "Coverage against the target role" })).toBeVisible();
    await expect(page.getByText(/Based on 6 contributing members/)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Bus factor" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Skills × levels" })).toBeVisible();
    const individuals = page.getByRole("region", { name: "Individual results" });
    await expect(individuals.locator("tbody tr")).toHaveCount(2);
    await expect(individuals.getByRole("rowheader")).toHaveText(["Member 1", "Member 2"]);
    await expectNoSeriousAxeViolations(page);

    // The CSV holds what the page shows: two named members, nobody else.
    const csv = await (await page.request.get(`/api/teams/${teamId}/export`)).text();
    expect(csv).toContain("Member 1");
    expect(csv).not.toContain("Member 3");

    // A member who shares individually sees that the manager looked.
    const sharer = await signIn(browser, members[0] as string, "demo data passphrase");
    await sharer.goto(teamPath);
    await expect(sharer.getByRole("heading", { name: "Who viewed my individual results" })).toBeVisible();
    // The dashboard load and the CSV download each count as a view.
    await expect(
      sharer
        .getByRole("table", { name: /Who viewed your individual results/ })
        .getByRole("cell", { name: "Manager", exact: true })
        .first(),
    ).toBeVisible();
    // Every member sees who is in the team, how they joined, and how many results are in the numbers.
    const memberTable = sharer.getByRole("table", { name: "Team members, their roles and how they joined" });
    await expect(memberTable.getByRole("row")).toHaveCount(8);
    await expect(
      memberTable.getByRole("row", { name: /Manager Owner .* Created the team No: manages the team/ }),
    ).toBeVisible();
    await expect(
      memberTable.getByRole("row", { name: /Member 3 Member .* Invitation link Yes, if they allow it/ }),
    ).toBeVisible();
    await expect(sharer.getByText(/6 members' results are in the team numbers/)).toBeVisible();
    await expect(sharer.getByRole("button", { name: /Remove/ })).toHaveCount(0);
    await sharer.context().close();

    // One member stops contributing: five left, numbers stay. A second: four left, numbers go.
    await stopContributing(browser, members[3] as string, teamPath);
    await page.reload();
    await expect(page.getByText(/Based on 5 contributing members/)).toBeVisible();
    await stopContributing(browser, members[4] as string, teamPath);
    await page.reload();
    await expect(
      page.getByText(
        "Team numbers appear once at least 5 members who allow it have finished the team assessment.",
      ),
    ).toBeVisible();
    await expect(page.getByRole("heading", { name: "Coverage against the target role" })).toHaveCount(0);
    await expect(page.getByText(/contributing members/)).toHaveCount(0);
    await expectNoSeriousAxeViolations(page);
  });

  test("strangers get 404 for the team and its dashboard", async ({ page, browser }) => {
    const owner = uniqueEmail("owner");
    await signUpViaForm(page, owner, "Owner", "/teams");
    await page.getByLabel("Team name").fill("Private team");
    await page.getByLabel("Target role the team is measured against").selectOption("ai-engineer");
    await page.getByRole("button", { name: "Create the team" }).click();
    await expect(page).toHaveURL(/\/teams\/[\w-]+\?created=1$/);
    const teamPath = new URL(page.url()).pathname;
    const stranger = await (await browser.newContext()).newPage();
    await signUpViaForm(stranger, uniqueEmail("stranger"), "Stranger", "/teams");
    expect((await stranger.goto(teamPath))?.status()).toBe(404);
    expect((await stranger.goto(`${teamPath}/dashboard`))?.status()).toBe(404);
    await stranger.context().close();
  });
});
