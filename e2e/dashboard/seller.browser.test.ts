import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page, Request, Response } from "playwright-core";
import {
  DESKTOP,
  navLink,
  newPage,
  eventually,
  HAS_CHROMIUM,
  gradientPng,
  PHONE,
  placePaidOrder,
  screenshots,
  signIn,
  startDashboard,
  type DashboardServer,
} from "./support.ts";
import { createVerifiedUser, type VerifiedUser } from "@shop/testing";

let server: DashboardServer;
let seller: VerifiedUser;
let page: Page;
const tag = Date.now().toString(36);
const skuA = `LAMP-${tag}-S`;
const skuB = `LAMP-${tag}-L`;

const variantOf = (sku: string) => server.t.db.productVariant.findUniqueOrThrow({ where: { sku } });

// One seller's session through the whole journey: each step starts where the previous one ended.
describe.skipIf(!HAS_CHROMIUM)("the seller journey", () => {
  beforeAll(async () => {
    server = await startDashboard();
    seller = await createVerifiedUser(server.t.db, "seller");
    await server.t.db.category.create({ data: { name: "Lighting", slug: `lighting-${tag}` } });
    page = await newPage(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("signs in and lands on Products, empty", async () => {
    await signIn(page, server.baseUrl, seller);
    await page.getByRole("heading", { name: "Products" }).waitFor();
    await page.getByText("No products yet").waitFor();
    await expect.poll(() => page.getByRole("link", { name: "Sales" }).count()).toBe(1);
  });

  it("shows the API's field errors, then creates a product with two variants", async () => {
    await page.getByRole("link", { name: "New product" }).click();
    await page.getByRole("heading", { name: "New product" }).waitFor();
    await page.getByRole("button", { name: "Create product" }).click();
    // The API's errors next to their fields: the name, and the first variant's SKU.
    await expect.poll(() => page.getByLabel("Name", { exact: false }).first().getAttribute("aria-invalid")).toBe("true");
    await expect
      .poll(() => page.getByRole("group", { name: "Variant 1" }).getByLabel("SKU").getAttribute("aria-invalid"))
      .toBe("true");
    await page.getByText("This field may not be blank.").first().waitFor();
    await page.getByText("Choose a category.").waitFor();
    await screenshots(page, "seller-product-new-errors");

    await page.getByRole("textbox", { name: "Name" }).first().fill(`Arc Lamp ${tag}`);
    await page.getByLabel("Description").fill("A brass arc lamp with a linen shade.");
    await page.getByLabel("Category").first().click();
    await page.getByRole("option", { name: "Lighting" }).click();
    const first = page.getByRole("group", { name: "Variant 1" });
    await first.getByLabel("SKU").fill(skuA);
    await first.getByLabel("Variant name").fill("Small");
    await first.getByLabel("Price").fill("89.90");
    await first.getByLabel("Stock").fill("5");
    await first.getByLabel("Attributes").fill("size=small, finish=brass");
    await page.getByRole("button", { name: "Add variant" }).click();
    const second = page.getByRole("group", { name: "Variant 2" });
    await second.getByLabel("SKU").fill(skuB);
    await second.getByLabel("Variant name").fill("Large");
    await second.getByLabel("Price").fill("129.00");
    await second.getByLabel("Stock").fill("3");
    await screenshots(page, "seller-product-new");
    await page.getByRole("button", { name: "Create product" }).click();

    await page.getByRole("heading", { name: `Arc Lamp ${tag}` }).waitFor();
    const product = await server.t.db.product.findFirstOrThrow({ where: { sellerId: seller.id }, include: { variants: true } });
    expect(product.variants.map((v) => [v.sku, Number(v.price), v.stock]).sort()).toEqual([
      [skuB, 12900, 3],
      [skuA, 8990, 5],
    ]);
    expect((await variantOf(skuA)).attributes).toEqual({ size: "small", finish: "brass" });
  });

  it("uploads an image with a preview and shows it", async () => {
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "arc-lamp.png", mimeType: "image/png", buffer: gradientPng() });
    await page.getByRole("img", { name: "Preview of the image to upload" }).waitFor();
    await page.getByRole("button", { name: "Upload image" }).click();
    const shown = page.getByRole("list", { name: "Product images" }).getByRole("img", { name: "arc-lamp" });
    await shown.waitFor();
    // Loaded from the server, not just an <img> in the page.
    await expect.poll(() => shown.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(96);
    await screenshots(page, "seller-product-edit");
  });

  it("deletes an image", async () => {
    await page.locator('input[type="file"]').setInputFiles({ name: "spare.png", mimeType: "image/png", buffer: gradientPng(48) });
    await page.getByRole("button", { name: "Upload image" }).click();
    const images = page.getByRole("list", { name: "Product images" }).getByRole("img");
    await expect.poll(() => images.count()).toBe(2);
    await page.getByRole("button", { name: "Delete image spare" }).click();
    await expect.poll(() => images.count()).toBe(1);
    expect(await server.t.db.productImage.count({ where: { altText: "spare" } })).toBe(0);
  });

  it("changes stock inline on the Products page", async () => {
    await navLink(page, "Products").click();
    await page.getByRole("table", { name: "Your products" }).waitFor();
    const stock = page.getByLabel(`Stock of ${skuA}`);
    await stock.fill("12");
    await stock.press("Enter");
    expect(await eventually(async () => (await variantOf(skuA)).stock === 12)).toBe(true);
    await page.getByLabel("Search").fill(`Arc Lamp`);
    await page.getByRole("link", { name: `Arc Lamp ${tag}` }).waitFor();
    await page.getByLabel("Search").fill("");
    await screenshots(page, "seller-products");

    // On a phone the products are cards, and their stock is edited in place just the same.
    await page.setViewportSize(PHONE);
    const card = page
      .getByRole("list", { name: "Your products" })
      .getByRole("listitem")
      .filter({ hasText: `Arc Lamp ${tag}` });
    await card.getByRole("button", { name: `Delete Arc Lamp ${tag}` }).waitFor();
    expect(await page.getByRole("table", { name: "Your products" }).count()).toBe(0);
    await card.getByLabel(`Stock of ${skuB}`).fill("7");
    await card.getByLabel(`Stock of ${skuB}`).press("Enter");
    expect(await eventually(async () => (await variantOf(skuB)).stock === 7)).toBe(true);
    await page.setViewportSize(DESKTOP);
  });

  it("receives a paid order live on the Orders page and ships it", async () => {
    const isRead = (request: Request) => request.url().includes("fulfilment.sellerItems");
    const isStream = (url: string) => url.includes("/trpc/seller.onEvent");
    // The page's reads and the stream's answer, in the order they happen.
    const opening: string[] = [];
    const logRead = (request: Request) => void (isRead(request) && opening.push("read"));
    const logStream = (response: Response) => void (isStream(response.url()) && opening.push("stream"));
    page.on("request", logRead);
    page.on("response", logStream);
    const stream = page.waitForResponse((response) => isStream(response.url()));
    await navLink(page, "Orders").click();
    await page.getByText("Nothing to ship").waitFor();
    // The page holds the seller.onEvent subscription open, as Server-Sent Events.
    const response = await stream;
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/event-stream");
    await page.getByRole("status", { name: "Live updates: connected" }).waitFor();
    // The page reads its lines, and reads them again once the stream is up (an order paid in between).
    await expect.poll(() => opening.slice(opening.indexOf("stream"))).toContain("read");
    expect(opening[0]).toBe("read");
    page.off("request", logRead);
    page.off("response", logStream);

    // From here the page reads its order lines only when an event comes: no polling. Nothing
    // happens for longer than the 2 s the page used to poll at, and it reads nothing.
    const quiet = page.waitForRequest(isRead, { timeout: 2_500 }).then(
      (request) => `read ${request.url()}`,
      () => "quiet",
    );
    await screenshots(page, "seller-orders-empty");
    expect(await quiet).toBe("quiet");

    const reads: string[] = [];
    const countReads = (request: Request) => void (isRead(request) && reads.push(request.url()));
    page.on("request", countReads);
    const customer = await createVerifiedUser(server.t.db, "customer");
    const variant = await variantOf(skuA);
    const order = await placePaidOrder(server, customer, variant.id, 2);
    // No reload: the order's events bring the new paid order onto the page.
    const ship = page.getByRole("button", { name: `Ship Arc Lamp ${tag} of order ${order.id}` });
    await ship.waitFor({ timeout: 10_000 });
    page.off("request", countReads);
    const events = await server.t.db.event.count({ where: { orderId: order.id } });
    // Each read answers one of the order's events (created, paid).
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.length).toBeLessThanOrEqual(events);

    await screenshots(page, "seller-orders");

    // A stream the server ends (as on a restart) is opened again, from the last event seen.
    const last = await server.t.db.event.findFirstOrThrow({ where: { orderId: order.id }, orderBy: { id: "desc" } });
    const resumed = page.waitForResponse((r) => r.url().includes("/trpc/seller.onEvent") && r.url().includes("lastEventId"));
    server.t.deps.liveEvents!.endStreams();
    await page.getByRole("status", { name: "Live updates: disconnected, retrying" }).waitFor();
    const input = JSON.parse(new URL((await resumed).url()).searchParams.get("input")!) as { lastEventId: string };
    expect(input.lastEventId).toBe(String(last.id));
    await page.getByRole("status", { name: "Live updates: connected" }).waitFor();

    await ship.click();
    await page.getByText("Nothing to ship").waitFor();
    const line = await server.t.db.orderItem.findFirstOrThrow({ where: { orderId: order.id }, include: { order: true } });
    expect(line.shippedAt).not.toBeNull();
    expect(line.order.status).toBe("shipped");
  });

  it("sees the sale in Sales", async () => {
    await navLink(page, "Sales").click();
    await page.getByRole("heading", { name: "Sales" }).waitFor();
    await page.getByLabel("Units sold: 2").waitFor();
    await page.getByLabel("Revenue: 179.80").waitFor();
    await page.getByRole("table", { name: "Top products" }).getByText(`Arc Lamp ${tag}`).waitFor();
    await page.getByText("7 days", { exact: true }).click();
    await page.getByLabel("Units sold: 2").waitFor();
    await screenshots(page, "seller-sales");
  });

  it("shows an order paid after the page read its lines and before the stream connected", async () => {
    // The stream is held back until the order is paid: its events come before the subscription.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/trpc/seller.onEvent**", async (route) => {
      await held;
      await route.continue();
    });
    // A fresh load, so the page's first read is sure to happen (no cached lines).
    const firstRead = page.waitForResponse((response) => response.url().includes("fulfilment.sellerItems"));
    await page.goto(`${server.baseUrl}/dashboard/orders`);
    await firstRead;
    await page.getByText("Nothing to ship").waitFor();
    const variant = await variantOf(skuB);
    const order = await placePaidOrder(server, await createVerifiedUser(server.t.db, "customer"), variant.id, 1);
    release();
    await page.getByRole("status", { name: "Live updates: connected" }).waitFor();
    await page.getByRole("button", { name: `Ship Arc Lamp ${tag} of order ${order.id}` }).waitFor();
    await page.unrouteAll();
  });
});
