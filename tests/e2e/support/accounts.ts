import path from "node:path";
import { randomUUID } from "node:crypto";
import { expect, type BrowserContext, type Page } from "@playwright/test";
import { rawRequest } from "./raw-http";
import { lastMailTo as newestMailTo } from "../../support/outbox";

export const PASSWORD = "violet harbour seventeen lanterns";
export const OUTBOX = path.resolve("tests/.tmp/e2e/data/outbox");

export const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.com`;

/** Signs up through the real form; the browser ends up signed in on `next` (default /me). */
export async function signUpViaForm(
  page: Page,
  email: string,
  name = "Test Person",
  next = "/me",
): Promise<void> {
  await page.goto(`/sign-up?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Display name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, "\\$&")}$`));
}

/** The decoded text of the newest message the outbox transport wrote to `email`. */
export function lastMailTo(email: string): string {
  const mail = newestMailTo(OUTBOX, email);
  if (!mail) throw new Error(`no mail to ${email} in ${OUTBOX}`);
  return mail.text;
}

/**
 * An account API call (sign-up, sign-in) sent from `localAddress` (a 127.0.0.x of the spec's own,
 * so it spends that address's per-address budget), with the session cookie it sets handed to the
 * browser context for `baseURL`.
 */
export async function accountCallFrom(
  context: BrowserContext,
  baseURL: string,
  localAddress: string,
  path: string,
  body: Record<string, string>,
): Promise<void> {
  const answer = await rawRequest({
    path,
    headers: { host: new URL(baseURL).host, origin: baseURL, "content-type": "application/json" },
    body: JSON.stringify(body),
    localAddress,
  });
  expect(answer.status, answer.body).toBeLessThan(300);
  const setCookie = answer.headers["set-cookie"] ?? [];
  await context.addCookies(
    setCookie.map((cookie) => {
      const [pair = ""] = cookie.split(";");
      const index = pair.indexOf("=");
      return { name: pair.slice(0, index), value: pair.slice(index + 1), url: baseURL };
    }),
  );
}
