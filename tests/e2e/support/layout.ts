import { expect, type Page, type TestInfo } from "@playwright/test";

/** The widths the readability checks run at: WCAG 1.4.10 reflow, a common phone, a laptop. */
export const VIEWPORTS = {
  reflow: { width: 320, height: 640 },
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;

export type ViewportName = keyof typeof VIEWPORTS;

/**
 * A base URL over IPv6 loopback ([::1]): a client address of its own for the per-address limits
 * (sign-ups, started assessments), apart from the specs on 127.0.0.1. A browser cannot pick another
 * IPv4 loopback source: its connection to 127.0.0.<n> still leaves from 127.0.0.1. Node clients can
 * (`accountCallFrom` in ./accounts, `rawRequest`'s localAddress).
 */
export function ipv6LoopbackBase(): string {
  return `http://[::1]:${process.env.E2E_PORT ?? 3100}`;
}

/**
 * The page reflows: nothing is wider than the viewport, and no element hides part of its content
 * behind a clip or a sideways scroller. Screen-reader-only text (1 px, clipped on purpose) is the one
 * allowed exception; `allow` names further selectors whose scrolling is intended.
 */
export async function expectReflows(page: Page, allow: string[] = []) {
  const problems = await page.evaluate((allowed) => {
    const found: string[] = [];
    const viewport = window.innerWidth;
    if (document.documentElement.scrollWidth > viewport) {
      found.push(`page is ${document.documentElement.scrollWidth}px wide in a ${viewport}px viewport`);
    }
    const describe = (element: Element) => {
      const id = element.id ? `#${element.id}` : "";
      const classes = (element.getAttribute("class") ?? "").split(/\s+/).filter(Boolean).slice(0, 3);
      const text = (element.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      return `${element.tagName.toLowerCase()}${id}${classes.length ? "." + classes.join(".") : ""} "${text}"`;
    };
    const hiding: Element[] = [];
    for (const element of Array.from(document.body.querySelectorAll("*"))) {
      if (!(element instanceof HTMLElement)) continue;
      if (allowed.some((selector) => element.closest(selector))) continue;
      // Inside a box already reported (its overflow is that box's problem, said once) or skipped.
      if (hiding.some((box) => box.contains(element))) continue;
      const style = getComputedStyle(element);
      if (style.display === "none" || style.visibility === "hidden") continue;
      // Screen-reader-only text (Tailwind's sr-only: 1 px, clipped) is skipped with all inside it.
      const box = element.getBoundingClientRect();
      if (style.position === "absolute" && box.width <= 1 && box.height <= 1) {
        hiding.push(element);
        continue;
      }
      if (element.closest("details:not([open])")) continue;
      if (style.overflowX !== "visible" && element.scrollWidth > element.clientWidth + 1) {
        found.push(`${describe(element)} hides ${element.scrollWidth - element.clientWidth}px sideways`);
        hiding.push(element);
        continue;
      }
      if (box.width > 0 && (box.right > viewport + 1 || box.left < -1)) {
        found.push(`${describe(element)} spans ${Math.round(box.left)}–${Math.round(box.right)}px`);
        hiding.push(element);
      }
    }
    return found;
  }, allow);
  expect(problems).toEqual([]);
}

/** A full-page screenshot kept with the test's results (test-results/, never committed). */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}
