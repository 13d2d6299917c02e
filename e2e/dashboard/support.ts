import { mkdir } from "node:fs/promises";
import path from "node:path";
import { expect } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { localFileStore, signCallback } from "@shop/api";
import { createShopClient } from "@shop/client";
import { address, pngImage, type VerifiedUser } from "@shop/testing";
import { startTestApp, type TestApp } from "../../apps/server/test/support.ts";
export { startWebhookReceiver } from "../../apps/server/test/webhook-receiver.ts";
import { buildDashboardIfStale } from "../../apps/dashboard/scripts/build-if-stale.ts";
import { CHROMIUM, CHROMIUM_FLAGS } from "@shop/testing/browser";

export { HAS_CHROMIUM } from "@shop/testing/browser";

export const OUTPUT_DIR = path.resolve(import.meta.dirname, "../test-output");
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 740 };

export interface DashboardServer {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/** The built dashboard on the real server (with its worker) on a port of its own, and one headless Chromium. */
export async function startDashboard(): Promise<DashboardServer> {
  await buildDashboardIfStale();
  const t = await startTestApp({ worker: true });
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = t.app.server.address() as { port: number };
  const baseUrl = `http://127.0.0.1:${port}`;
  // Image URLs must point at this server for the browser to load them.
  t.deps.files = localFileStore(path.join(t.dataDir, "media"), baseUrl);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  return {
    t,
    baseUrl,
    browser,
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

/** A page in a fresh browser context (no cookies); Playwright gives up before vitest does, and says on what. */
export async function newPage(server: DashboardServer): Promise<Page> {
  const context = await server.browser.newContext({ viewport: DESKTOP });
  context.setDefaultTimeout(10_000);
  return context.newPage();
}

/** A link of the main navigation. */
export const navLink = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });

/** Signs in through the page with a `createVerifiedUser` account of `@shop/testing`, whose password is known. */
export async function signIn(page: Page, baseUrl: string, account: VerifiedUser): Promise<void> {
  await page.goto(`${baseUrl}/dashboard/`);
  await page.getByLabel("Username").fill(account.username);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A customer's paid order through the typed client: cart, checkout, payment, signed gateway callback. */
export async function placePaidOrder(server: DashboardServer, customer: VerifiedUser, variantId: number, quantity: number) {
  const shop = createShopClient({ url: server.baseUrl });
  await shop.auth.login.mutate({ username: customer.username, password: customer.password });
  await shop.cart.add.mutate({ variant_id: variantId, quantity });
  const order = await shop.orders.create.mutate({ shipping_address: address });
  const payment = await shop.payments.initiate.mutate({ order_id: order.id });
  const amount = Math.round(Number(payment.amount) * 100);
  const signature = signCallback(server.t.deps.config.paymentWebhookSecret, payment.payment_id, "success", amount);
  const query = new URLSearchParams({ payment_id: payment.payment_id, status: "success", signature });
  const response = await fetch(`${server.baseUrl}/api/payments/callback/?${query}`);
  if (!response.ok) throw new Error(`payment callback: ${response.status} ${await response.text()}`);
  return order;
}

/** Polls until `check` returns a value other than undefined, null or false (no fixed sleeps). */
export { eventually } from "@shop/testing";

/** A full-page screenshot at desktop width and at 375 px, under e2e/test-output/screenshots/. */
export async function screenshots(page: Page, name: string): Promise<void> {
  const dir = path.join(OUTPUT_DIR, "screenshots");
  await mkdir(dir, { recursive: true });
  const original = page.viewportSize();
  const sticking: Record<string, string[]> = {};
  for (const [label, size] of [
    ["desktop", DESKTOP],
    ["375", PHONE],
  ] as const) {
    await page.setViewportSize(size);
    await page.evaluate("document.fonts.ready.then(() => true)");
    // The layout's transitions (the navbar sliding away below 768 px) finish before the picture.
    // A function, not a string: the dashboard's CSP forbids eval.
    await page.waitForFunction(() =>
      (globalThis as unknown as { document: { getAnimations(): { playState: string }[] } }).document
        .getAnimations()
        .every((animation) => animation.playState !== "running"),
    );
    // The whole page in one viewport: a full-page capture would paint the fixed header mid-page.
    const height = (await page.evaluate("document.documentElement.scrollHeight")) as number;
    await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
    await page.screenshot({ path: path.join(dir, `${name}-${label}.png`) });
    sticking[label] = await offScreen(page);
  }
  if (original) await page.setViewportSize(original);
  // Checked once the viewport is back, so a failure here does not leave the next step on a phone.
  expect(sticking, `controls past the right edge of ${name}`).toEqual({ desktop: [], 375: [] });
}

interface Box {
  getBoundingClientRect(): { width: number; right: number };
  getAttribute(name: string): string | null;
  textContent: string | null;
}

/** The page's links, buttons, inputs and list items that reach past the viewport's right edge, even inside a scroller. */
function offScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const doc = (
      globalThis as unknown as {
        document: { documentElement: { clientWidth: number }; querySelectorAll(s: string): Iterable<Box> };
      }
    ).document;
    const width = doc.documentElement.clientWidth;
    return [...doc.querySelectorAll("main a, main button, main input, main [role=listitem]")]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 1 && box.right > width + 1;
      })
      .map((el) => el.getAttribute("aria-label") ?? (el.textContent ?? "").trim().slice(0, 40));
  });
}

/** A square PNG with a colour gradient, made here so the test needs no fixture file. */
export const gradientPng = (size = 96) =>
  pngImage({
    width: size,
    height: size,
    colour: (x, y) => [Math.round((x / size) * 255), Math.round((y / size) * 255), 160],
  });
