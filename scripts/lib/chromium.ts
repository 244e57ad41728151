/**
 * Debian's Chromium as the e2e tests and Lighthouse run it: headless, no sandbox (CI runs as root),
 * and kept from phoning home (the machine reaches only the package registries).
 */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
