import { expect, test, type BrowserContext } from "@playwright/test";
import { PASSWORD, accountCallFrom, uniqueEmail } from "./support/accounts";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { VIEWPORTS, expectReflows, ipv6LoopbackBase, keepScreenshot } from "./support/layout";
import { runInApp } from "./support/run-in-app";

/**
 * A manager's path, read at 320, 390 and 1280 px: create a team (confirmed, invitations next),
 * sign in again and land on the home that lists the teams with their key numbers, then read the
 * dashboard of a team measured against a role with twelve skills without sideways scrolling.
 */
// Its account calls go out from a loopback address of its own, so the per-address sign-up and
// sign-in budgets it spends are not those of the specs on 127.0.0.1.
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
const ADDRESS = "127.0.0.15";
const accountCall = (context: BrowserContext, path: string, body: Record<string, string>) =>
  accountCallFrom(context, baseURL, ADDRESS, path, body);

test("a manager creates a team, lands on their team list after sign-in, and reads the dashboard on any screen", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  const manager = uniqueEmail("readable-manager");
  await accountCall(page.context(), "/api/account/sign-up", {
    name: "Readable Manager",
    email: manager,
    password: PASSWORD,
  });
  await page.goto("/teams");

  // Creating a team confirms it and puts the invitation step first, before the dashboard link.
  await page.getByLabel("Team name").fill("Platform readers");
  await page.getByLabel("Target role the team is measured against").selectOption("mlops-engineer");
  await page.getByRole("button", { name: "Create the team" }).click();
  const created = page.getByRole("heading", { name: "Team “Platform readers” created" });
  await expect(created).toBeVisible();
  await expect(created).toBeFocused();
  await expect(page.getByText("Next step: invite the people you want to measure.")).toBeVisible();
  const headings = await page.getByRole("heading", { level: 2 }).allTextContents();
  expect(headings.slice(0, 3)).toEqual(["Team “Platform readers” created", "Invitations", "Team dashboard"]);
  await expect(page.getByRole("button", { name: "Create an invitation link" })).toBeVisible();
  const teamId = new URL(page.url()).pathname.split("/").at(-1) as string;
  for (const name of ["phone", "desktop"] as const) {
    await page.setViewportSize(VIEWPORTS[name]);
    await expectReflows(page);
    await expectNoSeriousAxeViolations(page);
    await keepScreenshot(page, testInfo, `team-created-${name}`);
  }

  // Six consenting members with finished attempts (three share individually); a second team has
  // none yet, so its ready share must stay hidden.
  runInApp("seed-team-members.ts", [teamId, "6", "3", `readable-${teamId}`]);
  runInApp("seed-team-fixture.ts", [manager]);

  // Signing in again lands on the home listing both teams, not on an empty "Nothing here yet":
  // the sign-in page sends a signed-in person to the same default target its form goes to.
  const freshContext = await browser.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  await accountCall(freshContext, "/api/account/sign-in", { email: manager, password: PASSWORD });
  const fresh = await freshContext.newPage();
  await fresh.goto("/sign-in");
  await expect(fresh).toHaveURL(/\/home$/);
  await expect(fresh.getByRole("heading", { level: 1, name: "Home" })).toBeVisible();
  await expect(fresh.getByText("Nothing here yet")).toHaveCount(0);

  // And through the form itself, as a person signs in (over IPv6 loopback: a per-address sign-in
  // budget apart from the specs on 127.0.0.1).
  const ipv6 = ipv6LoopbackBase();
  const formContext = await browser.newContext({ baseURL: ipv6, extraHTTPHeaders: { origin: ipv6 } });
  const viaForm = await formContext.newPage();
  await viaForm.goto("/sign-in");
  await viaForm.getByLabel("Email").fill(manager);
  await viaForm.getByLabel("Password").fill(PASSWORD);
  await viaForm.getByRole("button", { name: "Sign in" }).click();
  await expect(viaForm).toHaveURL(/\/home$/);
  await expect(viaForm.getByRole("region", { name: "Teams you manage" })).toBeVisible();
  await formContext.close();
  const teams = fresh.getByRole("region", { name: "Teams you manage" });
  const platform = teams.getByRole("listitem").filter({ hasText: "Platform readers" });
  await expect(platform.getByRole("definition").first()).toHaveText("6");
  await expect(platform.getByText(/^\d+ %$/)).toBeVisible();
  await expect(platform.getByText(/of 6 likely meets? every core requirement/)).toBeVisible();
  const matrix = teams.getByRole("listitem").filter({ hasText: "Matrix team" });
  await expect(matrix.getByText("Hidden")).toBeVisible();
  await expect(matrix.getByText("Team numbers appear from 5 contributors; so far 0.")).toBeVisible();
  await expect(matrix.getByText(/ %$/)).toHaveCount(0);
  await expect(fresh.getByRole("link", { name: "Your assessments", exact: true })).toHaveAttribute(
    "href",
    "/me",
  );
  await expect(
    fresh.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }),
  ).toBeVisible();
  for (const name of ["reflow", "phone", "desktop"] as const) {
    await fresh.setViewportSize(VIEWPORTS[name]);
    await expectReflows(fresh);
    if (name !== "reflow") {
      await expectNoSeriousAxeViolations(fresh);
      await keepScreenshot(fresh, testInfo, `home-${name}`);
    }
  }

  // The dashboard: twelve skills, readable without sideways scrolling at every width.
  await fresh.goto(`/teams/${teamId}/dashboard`);
  await expect(fresh.getByRole("heading", { name: "Individual results" })).toBeVisible();
  for (const name of ["reflow", "phone", "desktop"] as const) {
    await fresh.setViewportSize(VIEWPORTS[name]);
    await expectReflows(fresh);
    const individuals = fresh.getByRole("region", { name: "Individual results", exact: true });
    if (name === "desktop") {
      // One table: short headers with a visible key to the full names.
      await expect(individuals.getByRole("rowheader")).toHaveText(["Member 1", "Member 2", "Member 3"]);
      await expect(individuals.getByRole("columnheader", { name: /Kubernetes \(target 3\)/ })).toBeVisible();
      await expect(individuals.getByText("Skill key: what the column headers stand for")).toBeVisible();
      await expect(individuals.getByRole("definition").filter({ hasText: "Kubernetes" })).toBeVisible();
    } else {
      // One card per person with every skill written out.
      await expect(individuals.getByRole("heading", { level: 3 })).toHaveText([
        "Member 1",
        "Member 2",
        "Member 3",
      ]);
      const card = individuals.getByRole("listitem").filter({ hasText: "Member 1" });
      await expect(card.getByRole("term")).toHaveCount(12);
      await expect(card.getByText(/^Kubernetes/)).toBeVisible();
      await expect(card.getByRole("definition").first()).toHaveText(
        /level \d, (meets|below) target|not measured/,
      );
    }
    if (name !== "reflow") {
      await expectNoSeriousAxeViolations(fresh);
      await keepScreenshot(fresh, testInfo, `dashboard-${name}`);
    }
  }

  // The team page (as it is every other time) reflows too.
  await fresh.goto(`/teams/${teamId}`);
  await expect(fresh.getByRole("heading", { level: 2 }).first()).toHaveText("Team dashboard");
  for (const name of ["reflow", "phone", "desktop"] as const) {
    await fresh.setViewportSize(VIEWPORTS[name]);
    await expectReflows(fresh);
    if (name !== "reflow") {
      await expectNoSeriousAxeViolations(fresh);
      await keepScreenshot(fresh, testInfo, `team-page-${name}`);
    }
  }
  await fresh.context().close();
});
