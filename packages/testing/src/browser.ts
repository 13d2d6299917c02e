import { existsSync } from "node:fs";

/** Debian's chromium, as .ci/run installs it; Playwright cannot download browsers here. */
export const CHROMIUM = "/usr/bin/chromium";
/** Without it the browser tests are reported as skipped (`.ci/run` installs it). */
export const HAS_CHROMIUM = existsSync(CHROMIUM);
/** Headless and offline: no sandbox (root), no GPU, nothing fetched in the background. */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
