import path from "node:path";
import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
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
