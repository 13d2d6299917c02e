import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, CHROMIUM_FLAGS, HAS_CHROMIUM } from "@shop/testing/browser";
import { createShopper } from "./orders-fixtures.ts";
import { paymentPagePath } from "./payment-fixtures.ts";
import { startTestApp, type TestApp } from "./support.ts";

// The HTML pages must still work under their Content-Security-Policy, in a real browser.
describe.skipIf(!HAS_CHROMIUM)("the docs page and the payment page under their CSP (headless Chromium)", () => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    t = await startTestApp();
    origin = await t.app.listen({ port: 0, host: "127.0.0.1" });
    t.deps.config.publicUrl = origin; // the payment links must lead back to this server
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_FLAGS,
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A page that records CSP violations and console errors. */
  async function watchedPage(): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("console", (message) => {
      // Browsers ask for /favicon.ico on their own; the API has none.
      if (message.location().url.endsWith("/favicon.ico")) return;
      if (message.type() === "error" || /content security policy/i.test(message.text())) {
        problems.push(`${message.text()} (${message.location().url})`);
      }
    });
    page.on("pageerror", (error) => problems.push(error.message));
    await page.exposeFunction("reportViolation", (text: string) => problems.push(`CSP violation: ${text}`));
    // Page code as text: this project compiles without the DOM library.
    await page.addInitScript({
      content: `document.addEventListener("securitypolicyviolation", (e) => reportViolation(e.violatedDirective + " " + e.blockedURI));`,
    });
    return { page, problems };
  }

  it("Swagger UI renders the API's operations with no CSP violation", async () => {
    const { page, problems } = await watchedPage();
    const response = await page.goto(`${origin}/api/docs/`);
    expect(response?.headers()["content-security-policy"]).toMatch(/default-src 'self'/);
    await page.waitForSelector(".opblock", { timeout: 20_000 });
    const operations = await page.locator(".opblock").count();
    expect(operations).toBeGreaterThan(20);
    await expect(page.locator(".opblock-summary-path", { hasText: "/api/products/create/" }).count()).resolves.toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it("the payment page's Pay link pays the order, with no CSP violation", async () => {
    const customer = await createShopper(t);
    const { page, problems } = await watchedPage();
    const response = await page.goto(`${origin}${await paymentPagePath(t, customer)}`);
    expect(response?.headers()["content-security-policy"]).toMatch(/default-src 'self'/);
    expect(await page.locator("strong").textContent()).toBe("12.50");
    // The inline stylesheet applied: the Pay button is green.
    expect(await page.evaluate(`getComputedStyle(document.querySelector("a.pay")).backgroundColor`)).toBe("rgb(26, 127, 55)");
    await Promise.all([page.waitForURL(/\/api\/payments\/callback\//), page.locator("a.pay").click()]);
    expect(JSON.parse((await page.locator("body").textContent()) ?? "")).toMatchObject({
      status: "succeeded",
      order_status: "paid",
    });
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
