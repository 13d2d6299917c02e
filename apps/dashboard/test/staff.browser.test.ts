import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { createShopClient } from "@shop/client";
import {
  createAccount,
  eventually,
  HAS_CHROMIUM,
  navLink,
  newPage,
  OUTPUT_DIR,
  placePaidOrder,
  screenshots,
  signIn,
  startDashboard,
  type Account,
  type DashboardServer,
} from "./support.ts";

let server: DashboardServer;
let staff: Account;
let page: Page;
const tag = Date.now().toString(36);

let orders = 0;
/** A seller's product and a customer's paid order of it, through the typed client. */
async function paidOrder() {
  const key = `${tag}-${++orders}`;
  const seller = await createAccount(server.t, "seller");
  const category = await server.t.db.category.create({ data: { name: `Vases ${key}`, slug: `vases-${key}` } });
  const product = await server.t.db.product.create({
    data: {
      sellerId: seller.id,
      categoryId: category.id,
      name: `Ribbed Vase ${key}`,
      slug: `ribbed-vase-${key}`,
      priceFrom: 4500,
      variants: { create: { sku: `VASE-${key}`, name: "Celadon", price: 4500, stock: 10 } },
    },
    include: { variants: true },
  });
  const order = await placePaidOrder(server, await createAccount(server.t, "customer"), product.variants[0]!.id, 1);
  return { order, seller, variantId: product.variants[0]!.id };
}

/** A paid order whose seller shipped its line through the typed client. */
async function shippedOrder() {
  const { order, seller } = await paidOrder();
  const asSeller = createShopClient({ url: server.baseUrl });
  await asSeller.auth.login.mutate({ username: seller.username, password: seller.password });
  const [line] = (await asSeller.fulfilment.sellerItems.query({ status: "paid" })).results;
  await asSeller.fulfilment.shipItem.mutate({ id: line!.id });
  return order;
}

// One staff session through the whole journey.
describe.skipIf(!HAS_CHROMIUM)("the staff journey", () => {
  beforeAll(async () => {
    server = await startDashboard();
    staff = await createAccount(server.t, "admin", "staff");
    page = await newPage(server);
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === "fail") await page.screenshot({ path: `${OUTPUT_DIR}/failed-${task.name.slice(0, 40)}.png` });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("signs in and lands on Sellers", async () => {
    await signIn(page, server.baseUrl, staff);
    await page.getByRole("heading", { name: "Sellers", level: 1 }).waitFor();
    for (const name of ["Sellers", "Categories", "Reviews", "Orders", "Webhooks"]) await navLink(page, name).waitFor();
    await page.getByText("No sellers yet.").waitFor();
  });

  it("onboards a seller, showing the API's field errors first", async () => {
    const form = page.getByRole("region", { name: "Onboard a seller" });
    await form.getByLabel("Seller username").fill(`nova_${tag}`);
    await form.getByLabel("Seller email").fill("not-an-email");
    await form.getByLabel("Initial password").fill("12345678");
    await form.getByRole("button", { name: "Create seller" }).click();
    await expect.poll(() => form.getByLabel("Seller email").getAttribute("aria-invalid")).toBe("true");
    await screenshots(page, "staff-sellers-errors");

    await form.getByLabel("Seller email").fill(`nova_${tag}@example.com`);
    await form.getByLabel("Initial password").fill("amber-Orchard-2026");
    await form.getByRole("button", { name: "Create seller" }).click();
    await page.getByRole("table", { name: "Sellers" }).getByText(`nova_${tag}`, { exact: true }).waitFor();
    const user = await server.t.db.user.findUniqueOrThrow({ where: { username: `nova_${tag}` } });
    expect(user.role).toBe("seller");
    await screenshots(page, "staff-sellers");
  });

  it("creates a category and renames it", async () => {
    await navLink(page, "Categories").click();
    await page.getByRole("heading", { name: "Categories", level: 1 }).waitFor();
    await page.getByText("No categories yet.").waitFor();
    await page.getByLabel("Category name").fill(`Desk Lamps ${tag}`);
    await page.getByRole("button", { name: "Create category" }).click();
    const tree = page.getByRole("tree", { name: "Category tree" });
    await tree.getByText(`Desk Lamps ${tag}`, { exact: true }).waitFor();
    expect(await server.t.db.category.count({ where: { slug: `desk-lamps-${tag}` } })).toBe(1);

    await page.getByRole("button", { name: `Rename Desk Lamps ${tag}` }).click();
    await page.getByLabel(`New name for Desk Lamps ${tag}`).fill(`Table Lamps ${tag}`);
    await page.getByRole("button", { name: "Save" }).click();
    await tree.getByText(`Table Lamps ${tag}`, { exact: true }).waitFor();
    await screenshots(page, "staff-categories");
  });

  it("finds a shipped order by id and marks it delivered", async () => {
    const order = await shippedOrder();
    await navLink(page, "Orders").click();
    await page.getByRole("heading", { name: "Orders", level: 1 }).waitFor();
    await page.getByLabel("Order number").fill(String(order.id));
    await page.getByRole("button", { name: "Find" }).click();
    const deliver = page.getByRole("button", { name: `Mark order ${order.id} delivered` });
    await deliver.waitFor();
    await screenshots(page, "staff-orders");
    await deliver.click();
    await page.getByRole("table", { name: "Orders" }).getByText("delivered").waitFor();
    expect(
      await eventually(
        async () => (await server.t.db.order.findUniqueOrThrow({ where: { id: order.id } })).status === "delivered",
      ),
    ).toBe(true);
  });

  it("refunds a paid order: the order is refunded and its stock returns", async () => {
    const { order, variantId } = await paidOrder();
    await page.getByLabel("Order number").fill("");
    await page.getByLabel("Status").first().click();
    await page.getByRole("option", { name: "paid", exact: true }).click();
    await page.getByRole("button", { name: "Find" }).click();
    const refund = page.getByRole("button", { name: `Refund order ${order.id}` });
    await refund.waitFor();
    page.once("dialog", (dialog) => void dialog.accept());
    await refund.click();
    await page.getByText("No orders match.").waitFor();
    const refunded = await server.t.db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(refunded.status).toBe("refunded");
    expect((await server.t.db.productVariant.findUniqueOrThrow({ where: { id: variantId } })).stock).toBe(10);
    await page.getByLabel("Status").first().click();
    await page.getByRole("option", { name: "refunded", exact: true }).click();
    await page.getByRole("button", { name: "Find" }).click();
    await page.getByRole("table", { name: "Orders" }).getByText(`#${order.id}`).waitFor();
    await screenshots(page, "staff-orders-refunded");
  });

  it("shows the Reviews and Webhooks pages as not available yet", async () => {
    for (const [name, file] of [
      ["Reviews", "staff-reviews"],
      ["Webhooks", "staff-webhooks"],
    ] as const) {
      await navLink(page, name).click();
      await page.getByRole("heading", { name, level: 1 }).waitFor();
      await page.getByRole("status").filter({ hasText: "Not available yet" }).waitFor();
      await screenshots(page, file);
    }
  });
});
