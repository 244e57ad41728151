import { execFileSync } from "node:child_process";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { uniqueEmail } from "./support/accounts";

const PORT = Number(process.env.E2E_PORT ?? 3100);

test.describe("security headers", () => {
  for (const path of ["/", "/assess", "/roles", "/sign-in", "/privacy"]) {
    test(`${path} carries a nonce CSP without unsafe-inline or unsafe-eval scripts`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(200);
      const headers = response.headers();
      const scriptSrc =
        (headers["content-security-policy"] ?? "")
          .split(";")
          .map((part) => part.trim())
          .find((part) => part.startsWith("script-src")) ?? "";
      expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
      expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"]).toContain("camera=()");
      // The nonce is fresh per response, and it is the one on the page's scripts.
      const again = (await request.get(path)).headers()["content-security-policy"];
      expect(again).not.toBe(headers["content-security-policy"]);
      const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
      expect(await response.text()).toContain(`nonce="${nonce}"`);
    });
  }

  test("the JSON API answers with a policy that allows no script at all", async ({ request }) => {
    const headers = (await request.get("/api/health")).headers();
    expect(headers["content-security-policy"]).toContain("default-src 'none'");
    expect(headers["content-security-policy"]).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
  });

  test("pages hydrate under the policy: no CSP violation while using the quiz start form", async ({
    page,
  }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to execute/i.test(message.text())) violations.push(message.text());
    });
    await page.goto("/assess");
    await page.getByLabel("Role you want to move into").selectOption("ai-engineer");
    await page.getByRole("button", { name: "Start the assessment" }).click();
    await expect(page).toHaveURL(/\/assess\/[a-z0-9]+$/);
    await page.getByRole("group").first().focus();
    await page.keyboard.press("1"); // a client-side handler: only works when the scripts ran
    await expect(
      page.locator("#quiz-form input[type=radio]:checked, #quiz-form input[type=checkbox]:checked"),
    ).toHaveCount(1);
    expect(violations).toEqual([]);
  });
});

test.describe("state changes", () => {
  test("are refused cross-site and without an Origin header", async () => {
    const bare = await playwrightRequest.newContext({ baseURL: `http://127.0.0.1:${PORT}` });
    const body = { email: uniqueEmail("csrf"), password: "whatever passphrase" };
    // Node's fetch sends no Origin header at all (Playwright's contexts add the configured one).
    const originless = await fetch(`http://127.0.0.1:${PORT}/api/account/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(originless.status).toBe(403);
    expect(
      (
        await bare.post("/api/account/sign-in", { data: body, headers: { origin: "https://evil.example" } })
      ).status(),
    ).toBe(403);
    expect(
      (
        await bare.post("/api/attempts", { data: { to: "ai-engineer" }, headers: { origin: "null" } })
      ).status(),
    ).toBe(403);
    // A form post (what a cross-site page can send without a preflight) is refused as well.
    expect(
      (
        await bare.post("/api/account/sign-in", {
          form: body,
          headers: { origin: `http://127.0.0.1:${PORT}` },
        })
      ).status(),
    ).toBe(415);
    await bare.dispose();
  });

  test("reject unknown keys with a field-level message", async ({ request }) => {
    const response = await request.post("/api/account/sign-up", {
      data: { name: "Eve", email: uniqueEmail("keys"), password: "long enough passphrase", isAdmin: true },
    });
    expect(response.status()).toBe(400);
    const body = (await response.json()) as { fieldErrors: Record<string, string> };
    expect(body.fieldErrors.form).toMatch(/isAdmin/);
  });

  test("sign-in is rate-limited per client address, and a spoofed X-Forwarded-For does not reset the count", async () => {
    // Over IPv6 loopback: its own address, so the other tests (on 127.0.0.1) keep their budget.
    const base = `http://[::1]:${PORT}`;
    const client = await playwrightRequest.newContext({ baseURL: base, extraHTTPHeaders: { origin: base } });
    let refused: Awaited<ReturnType<typeof client.post>> | null = null;
    for (let index = 0; index < 25 && !refused; index++) {
      const response = await client.post("/api/account/sign-in", {
        // A different account each time (so the per-account limit is not what trips) and a fresh fake address.
        data: { email: uniqueEmail(`limit-${index}`), password: "wrong but long password" },
        headers: { "x-forwarded-for": `198.51.100.${index + 1}`, "x-real-ip": `203.0.113.${index + 1}` },
      });
      if (response.status() === 429) refused = response;
      else expect(response.status()).toBe(401);
    }
    expect(refused, "sign-in was never refused").not.toBeNull();
    expect(Number(refused?.headers()["retry-after"])).toBeGreaterThan(0);
    expect(((await refused?.json()) as { error: string }).error).toMatch(/Try again in/);
    await client.dispose();
  });

  test("sign-in is rate-limited per account, from any address", async ({ request }) => {
    const email = uniqueEmail("account-limit");
    const statuses: number[] = [];
    for (let index = 0; index < 11; index++)
      statuses.push(
        (
          await request.post("/api/account/sign-in", { data: { email, password: "wrong but long password" } })
        ).status(),
      );
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

test.describe("content", () => {
  test("Markdown with <script> and onerror renders inert in Chromium", async ({ page }) => {
    const hostile =
      'Intro <script>window.__pwned = 1</script>\n\n<img src="x" onerror="window.__pwned = 2">\n\n[click](javascript:window.__pwned=3)\n\n<svg onload="window.__pwned=4"></svg>';
    // The app's own renderer, run as the server runs it.
    const html = execFileSync(
      "npx",
      [
        "tsx",
        "--conditions=react-server",
        "-e",
        `import("./src/server/markdown.ts").then((m) => process.stdout.write(m.renderMarkdown(${JSON.stringify(hostile)})))`,
      ],
      { encoding: "utf8" },
    );
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    // No CSP here on purpose: the sanitiser alone must make it harmless.
    await page.setContent(`<!doctype html><html><body><main>${html}</main></body></html>`);
    await page
      .locator("a", { hasText: "click" })
      .click()
      .catch(() => undefined);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(html).toContain("Intro");
  });
});
