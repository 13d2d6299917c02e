import { writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  eventually,
  HAS_CHROMIUM,
  navLink,
  newPage,
  OUTPUT_DIR,
  screenshots,
  signIn,
  startDashboard,
  type DashboardServer,
} from "./support.ts";
import { createVerifiedUser } from "@shop/testing";

let server: DashboardServer;
const sessionsOf = (userId: number) => server.t.db.session.count({ where: { userId } });

describe.skipIf(!HAS_CHROMIUM)("signing in and out", () => {
  beforeAll(async () => {
    server = await startDashboard();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("shows the API's field errors next to the fields, then signs a seller in with an httpOnly refresh cookie", async () => {
    const seller = await createVerifiedUser(server.t.db, "seller");
    const page = await newPage(server);
    await page.goto(`${server.baseUrl}/dashboard/`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByLabel("Username").getAttribute("aria-invalid")).toBe("true");
    await screenshots(page, "sign-in-errors");

    await page.getByLabel("Username").fill(seller.username);
    await page.getByLabel("Password", { exact: true }).fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: /credentials|password/i })
      .waitFor();

    await page.getByLabel("Password", { exact: true }).fill(seller.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Products" }).waitFor();
    const cookies = await page.context().cookies();
    const refresh = cookies.find((cookie) => cookie.name === "shop_dashboard_refresh");
    expect(refresh).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/dashboard/auth/" });
    // Page scripts see neither the cookie nor the token in storage (expressions run in the page).
    expect(await page.evaluate("document.cookie")).not.toContain("shop_dashboard_refresh");
    expect(await page.evaluate("JSON.stringify({ ...localStorage, ...sessionStorage })")).not.toContain(refresh!.value);

    // A reload resumes the session from the cookie: the access token lived only in memory.
    await page.reload();
    await page.getByRole("heading", { name: "Products" }).waitFor();
    await page.context().close();
  });

  it("works from the keyboard: sign in, move between pages, focus lands on the page", async () => {
    const seller = await createVerifiedUser(server.t.db, "seller");
    const page = await newPage(server);
    await page.goto(`${server.baseUrl}/dashboard/`);
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    await page.keyboard.press("Tab");
    await page.keyboard.type(seller.username);
    await page.keyboard.press("Tab");
    await page.keyboard.type(seller.password);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Products" }).waitFor();

    await navLink(page, "Orders").focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Orders" }).waitFor();
    await expect.poll(() => page.evaluate("document.activeElement.tagName")).toBe("MAIN");
    await page.context().close();
  });

  it("signs out: the session is revoked and a reload shows the sign-in form", async () => {
    const seller = await createVerifiedUser(server.t.db, "seller");
    const page = await newPage(server);
    await signIn(page, server.baseUrl, seller);
    await page.getByRole("heading", { name: "Products" }).waitFor();
    expect(await sessionsOf(seller.id)).toBe(1);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    expect(await eventually(async () => (await sessionsOf(seller.id)) === 0)).toBe(true);
    await page.reload();
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    const refreshed = await page.evaluate('fetch("/dashboard/auth/refresh", { method: "POST" }).then((r) => r.status)');
    expect(refreshed).toBe(401);
    await page.context().close();
  });

  it("tells a customer the dashboard is for sellers and staff, and keeps no session", async () => {
    const customer = await createVerifiedUser(server.t.db, "customer");
    const page = await newPage(server);
    await signIn(page, server.baseUrl, customer);
    await page.getByRole("alert").filter({ hasText: "The dashboard is for sellers and staff" }).waitFor();
    await screenshots(page, "sign-in-customer-refused");
    expect(await sessionsOf(customer.id)).toBe(0);
    expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain("shop_dashboard_refresh");
    await page.context().close();
  });

  it("makes the Products page interactive within 1.5 s of navigation", async () => {
    const seller = await createVerifiedUser(server.t.db, "seller");
    const page = await newPage(server);
    await signIn(page, server.baseUrl, seller);
    await page.getByRole("heading", { name: "Products" }).waitFor();
    await page.goto(`${server.baseUrl}/dashboard/orders`);
    await page.getByRole("heading", { name: "Orders" }).waitFor();

    // A full navigation: HTML, scripts, session resumed from the cookie, products listed, search usable.
    const started = Date.now();
    await page.goto(`${server.baseUrl}/dashboard/products`);
    await page.getByText("No products yet").waitFor();
    await page.getByLabel("Search").fill("lamp");
    const elapsed = Date.now() - started;
    await page.getByText("No product of yours matches").waitFor();
    const timing = (await page.evaluate(`(() => {
      const [nav] = performance.getEntriesByType("navigation");
      const resources = performance.getEntriesByType("resource").map(
        (entry) => Math.round(entry.startTime) + "-" + Math.round(entry.responseEnd) + " " + entry.name.replace(location.origin, ""),
      );
      return { domContentLoaded: Math.round(nav.domContentLoadedEventEnd), resources };
    })()`)) as { domContentLoaded: number; resources: string[] };
    await mkdir(OUTPUT_DIR, { recursive: true });
    await writeFile(
      path.join(OUTPUT_DIR, "products-interactive.json"),
      JSON.stringify({ elapsedMs: elapsed, ...timing }, null, 2),
    );
    console.log(`Products page interactive ${elapsed} ms after navigation (DOMContentLoaded ${timing.domContentLoaded} ms)`);
    expect(elapsed).toBeLessThan(1_500);
    await page.context().close();
  });
});
