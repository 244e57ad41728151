import { execFileSync } from "node:child_process";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import fs from "node:fs";
import { FORM_BODY_LIMIT } from "../../src/lib/request-limits";
import { PASSWORD, lastMailTo, signUpViaForm, uniqueEmail } from "./support/accounts";
import { ORIGIN, rawRequest } from "./support/raw-http";
import { runInApp } from "./support/run-in-app";
import { skipSelfRating } from "./support/quiz";

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
    await skipSelfRating(page);
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

const MiB = 1024 * 1024;
const json = { "content-type": "application/json", origin: ORIGIN };

test.describe("request bodies", () => {
  test("a 30 MiB JSON body to the API is refused with 413 before it is read", async () => {
    const answer = await rawRequest({ path: "/api/attempts/x/answers", headers: json, size: 30 * MiB });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: "The request body is larger than 16 KB." });
    // The answer came while most of the body was still unsent.
    expect(answer.producedWhenAnswered).toBeLessThan(30 * MiB);
  });

  test("a chunked body without Content-Length is capped too, and a small one arrives whole", async () => {
    const over = await rawRequest({
      path: "/api/attempts/x/answers",
      headers: json,
      // Large enough that socket buffers cannot swallow it all before the answer, even on a busy machine.
      size: 30 * MiB,
      chunked: true,
    });
    expect(over.status).toBe(413);
    expect(over.producedWhenAnswered).toBeLessThan(30 * MiB);
    // A small chunked sign-in reaches the route intact (its own address keeps the others' budget).
    const small = await rawRequest({
      path: "/api/account/sign-in",
      headers: json,
      body: JSON.stringify({ email: uniqueEmail("chunked"), password: "wrong but long password" }),
      chunked: true,
      localAddress: "127.0.0.3",
    });
    expect(small.status).toBe(401);
    expect(JSON.parse(small.body).error).toMatch(/don't match an account/);
  });

  test("a form post (server action) over 64 KB is refused", async () => {
    const answer = await rawRequest({
      path: "/teams",
      headers: { origin: ORIGIN, "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
      size: FORM_BODY_LIMIT + 1,
    });
    expect(answer.status).toBe(413);
  });

  test("a roster import larger than the ordinary form limit still works", async ({ page }) => {
    test.setTimeout(180_000);
    const staffEmail = uniqueEmail("roster-staff");
    await signUpViaForm(page, staffEmail, "Rosa Roster", "/cohorts");
    expect(runInApp("allow-cohorts.ts", [staffEmail])).toBe("ok");
    await page.reload();
    await page.getByLabel("Cohort name").fill("Large autumn cohort");
    await page.getByLabel("Target role").selectOption("mlops-engineer");
    await page.getByLabel("Time zone").fill("UTC");
    await page.getByLabel("Starts on").fill("2026-09-01");
    await page.getByLabel("Ends on").fill("2026-12-18");
    await page.getByRole("button", { name: "Create the cohort" }).click();
    await expect(page).toHaveURL(/\/cohorts\/[\w-]+$/);
    const batch = uniqueEmail("b").split("@")[0] as string;
    const rows = Array.from(
      { length: 900 },
      (_, index) =>
        `Learner Number ${index + 1} Of The Autumn Bootcamp,learner.${index + 1}.${batch}@bootcamp.example.org`,
    );
    const csv = `name,email\n${rows.join("\n")}\n`;
    expect(csv.length).toBeGreaterThan(FORM_BODY_LIMIT);
    await page.getByLabel("Roster (CSV)").fill(csv);
    await page.getByRole("button", { name: "Import roster" }).click();
    await expect(
      page.getByText(
        /^Imported: 900 new learners \(their invitations are queued; .*\), 0 already on the roster\.$/,
      ),
    ).toBeVisible({
      timeout: 120_000,
    });
  });
});

test.describe("rate limits come before the body", () => {
  // Each over its own loopback address, so the limits they exhaust are nobody else's.
  test("sign-in over the per-address limit answers 429 without waiting for the body", async () => {
    const localAddress = "127.0.0.4";
    let status = 0;
    for (let index = 0; index < 25 && status !== 429; index++)
      status = (await rawRequest({ path: "/api/account/sign-in", headers: json, body: "{}", localAddress }))
        .status;
    expect(status).toBe(429);
    // A body that never finishes: an answer can only come from a route that did not read it.
    const answer = await rawRequest({
      path: "/api/account/sign-in",
      headers: { ...json, "content-length": "200" },
      stallAfter: 10,
      localAddress,
    });
    expect(answer.status).toBe(429);
    expect(Number(answer.headers["retry-after"])).toBeGreaterThan(0);
  });

  test("a reset request over the per-address limit answers 429 without waiting for the body", async () => {
    const localAddress = "127.0.0.5";
    let status = 0;
    for (let index = 0; index < 15 && status !== 429; index++)
      status = (
        await rawRequest({ path: "/api/account/password-reset", headers: json, body: "{}", localAddress })
      ).status;
    expect(status).toBe(429);
    const answer = await rawRequest({
      path: "/api/account/password-reset",
      headers: { ...json, "content-length": "200" },
      stallAfter: 10,
      localAddress,
    });
    expect(answer.status).toBe(429);
  });
});

test.describe("server actions and transport", () => {
  test("a server action without an Origin, or from another origin, is refused", async () => {
    const action = { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" };
    const missing = await rawRequest({ path: "/teams", headers: action, body: "[]" });
    expect(missing.status).toBe(403);
    expect(JSON.parse(missing.body).error).toMatch(/origin/i);
    const foreign = await rawRequest({
      path: "/teams",
      headers: { ...action, origin: "https://evil.example" },
      body: "[]",
    });
    expect(foreign.status).toBe(403);
    // A form posted without JavaScript carries no Next-Action header: the same rule.
    const plain = await rawRequest({
      path: "/teams",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "name=x",
    });
    expect(plain.status).toBe(403);
  });

  test("no HSTS header on an instance served over http (https instances: tests/scripts/http-gate.test.ts)", async ({
    request,
  }) => {
    expect((await request.get("/")).headers()["strict-transport-security"]).toBeUndefined();
  });
});

test.describe("security log", () => {
  const LOG_FILE = "tests/.tmp/e2e/server.log";
  const logged = () =>
    fs
      .readFileSync(LOG_FILE, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  test("records every authentication event with the account and the client address, and no token", async () => {
    // From an address of its own, so its sign-ins and resets use nobody else's rate-limit budget.
    const localAddress = "127.0.0.6";
    let cookie = "";
    const post = async (path: string, data?: unknown) => {
      const answer = await rawRequest({
        path,
        headers: { ...json, ...(cookie ? { cookie } : {}) },
        body: data === undefined ? "" : JSON.stringify(data),
        localAddress,
      });
      const set = answer.headers["set-cookie"] ?? [];
      const jar = new Map(
        cookie ? cookie.split("; ").map((pair) => pair.split("=", 2) as [string, string]) : [],
      );
      for (const line of set) {
        const [pair] = line.split(";");
        const [name, value = ""] = (pair as string).split("=", 2) as [string, string?];
        if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "") jar.delete(name);
        else jar.set(name, value);
      }
      cookie = [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
      return answer;
    };
    const email = uniqueEmail("logged");
    const signUp = await post("/api/account/sign-up", { name: "Lou Logged", email, password: PASSWORD });
    expect(signUp.status).toBe(201);
    const { userId } = JSON.parse(signUp.body) as { userId: string };
    expect((await post("/api/account/sign-out")).status).toBe(200);
    expect((await post("/api/account/sign-in", { email, password: "not the password at all" })).status).toBe(
      401,
    );
    expect((await post("/api/account/sign-in", { email, password: PASSWORD })).status).toBe(200);
    const changed = "a second passphrase for lou";
    expect(
      (await post("/api/account/password", { currentPassword: PASSWORD, newPassword: changed })).status,
    ).toBe(200);
    expect((await post("/api/account/password-reset", { email })).status).toBe(200);
    const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(lastMailTo(email))?.[1] as string;
    const reset = "a third passphrase for lou";
    expect((await post("/api/account/password-reset/confirm", { token, newPassword: reset })).status).toBe(
      200,
    );
    expect((await post("/api/account/sign-in", { email, password: reset })).status).toBe(200);
    expect(
      (await post("/api/account/delete", { password: reset, confirm: "delete my account" })).status,
    ).toBe(200);

    const mine = logged().filter((line) => line.userId === userId);
    expect(mine.map((line) => line.event)).toEqual([
      "account.created",
      "auth.sign-out",
      "auth.sign-in.failed",
      "auth.sign-in.succeeded",
      "auth.password.changed",
      "auth.reset.requested",
      "auth.reset.completed",
      "auth.sign-in.succeeded",
      "account.deleted",
    ]);
    for (const line of mine) expect(line.address).toBe(localAddress);
    const text = fs.readFileSync(LOG_FILE, "utf8");
    expect(text).not.toContain(token);
    expect(text).not.toContain(email);
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
