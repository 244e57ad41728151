import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { PASSWORD, signUpViaForm, uniqueEmail } from "./support/accounts";

// Over IPv6 loopback: its own client address, so these sign-ups do not use up the per-address
// sign-up budget the other specs share on 127.0.0.1.
const BASE = `http://[::1]:${process.env.E2E_PORT ?? 3100}`;
test.use({ baseURL: BASE, extraHTTPHeaders: { origin: BASE } });

async function createTeam(page: Page, name: string): Promise<string> {
  await page.goto("/teams");
  await page.getByLabel("Team name").fill(name);
  await page.getByLabel("Target role the team is measured against").selectOption("mlops-engineer");
  await page.getByRole("button", { name: "Create the team" }).click();
  await expect(page).toHaveURL(/\/teams\/[\w-]+\?created=1$/);
  return new URL(page.url()).pathname;
}

async function inviteLink(page: Page, teamPath: string): Promise<string> {
  await page.goto(teamPath);
  await page.getByRole("button", { name: "Create an invitation link" }).click();
  // The link names APP_URL (127.0.0.1); these browsers stay on [::1].
  return new URL(await page.getByLabel("Invitation link").inputValue()).pathname;
}

async function newPerson(
  browser: Browser,
  label: string,
  email = uniqueEmail(label.toLowerCase().replace(/\W+/g, "-")),
) {
  const page = await (
    await browser.newContext({ baseURL: BASE, extraHTTPHeaders: { origin: BASE } })
  ).newPage();
  await signUpViaForm(page, email, label, "/teams");
  return { page, email };
}

async function deleteAccount(page: Page) {
  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByLabel(/Type .delete my account. to confirm/).fill("delete my account");
  await page.getByRole("button", { name: "Delete my account for good" }).click();
}

test("the only owner must hand the team over before deleting their account; the new owner runs it", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signUpViaForm(page, uniqueEmail("owner"), "Leaving Owner", "/teams");
  const teamPath = await createTeam(page, "Handover team");
  const link = await inviteLink(page, teamPath);
  const member = await newPerson(browser, "Next Owner");
  await member.page.goto(link);
  await member.page.getByRole("button", { name: "Join the team" }).click();
  await expect(member.page).toHaveURL(new RegExp(`${teamPath}$`));

  await page.goto("/me/settings");
  await expect(page.getByRole("heading", { name: "Hand over first" })).toBeVisible();
  await deleteAccount(page);
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: "Your account was not deleted. First hand over ownership of “Handover team”" }),
  ).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByLabel("New owner of “Handover team”").selectOption({ label: "Next Owner (member)" });
  await page.getByRole("button", { name: "Hand over “Handover team”" }).click();
  await expect(page.getByRole("heading", { name: "Hand over first" })).toHaveCount(0);
  await deleteAccount(page);
  await expect(page).toHaveURL(/\/\?deleted=1$/);

  await member.page.goto(teamPath);
  await expect(member.page.getByText("Your role: Owner.")).toBeVisible();
  await expect(member.page.getByRole("heading", { name: "Who may join" })).toBeVisible();
  await expect(member.page.getByRole("row", { name: /Leaving Owner/ })).toHaveCount(0);
  await member.page.context().close();
});

test("a team limited to an email domain refuses an address outside it", async ({ page, browser }) => {
  await signUpViaForm(page, uniqueEmail("owner"), "Domain Owner", "/teams");
  const teamPath = await createTeam(page, "Domain team");
  await page.getByLabel("Email domains that may join").fill("example.org");
  await page.getByRole("button", { name: "Save email domains" }).click();
  await expect(page.getByText("Only addresses at example.org may join now.", { exact: false })).toBeVisible();
  const link = await inviteLink(page, teamPath);

  const outsider = await newPerson(browser, "Outsider");
  await outsider.page.goto(link);
  await expect(
    outsider.page.getByText(/This team admits only addresses at example.org; you are signed in as/),
  ).toBeVisible();
  await expect(outsider.page.getByRole("button", { name: "Join the team" })).toHaveCount(0);
  await outsider.page.context().close();

  const insider = await newPerson(browser, "Insider", `insider-${Date.now()}@example.org`);
  await insider.page.goto(link);
  await insider.page.getByRole("button", { name: "Join the team" }).click();
  await expect(insider.page).toHaveURL(new RegExp(`${teamPath}$`));
  await expect(
    insider.page.getByRole("row", { name: /Insider Member .* Invitation link Yes, if they allow it/ }),
  ).toBeVisible();
  await insider.page.context().close();
});
