import { createHmac } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { createShopClient } from "@shop/client";
import {
  eventually,
  HAS_CHROMIUM,
  navLink,
  newPage,
  OUTPUT_DIR,
  placePaidOrder,
  screenshots,
  signIn,
  startDashboard,
  startWebhookReceiver,
  type DashboardServer,
} from "./support.ts";
import { createVariant, createVerifiedUser, type VerifiedUser } from "@shop/testing";

let server: DashboardServer;
let staff: VerifiedUser;
let page: Page;
const tag = Date.now().toString(36);

let products = 0;
/** A seller (who can sign in) and a product of theirs with one variant in stock. */
async function sellerProduct() {
  const seller = await createVerifiedUser(server.t.db, "seller");
  const name = `Ribbed Vase ${tag}-${++products}`;
  const { productId, variantId } = await createVariant(server.t.db, { sellerId: seller.id, price: 4500, name });
  return { product: { id: productId, name }, seller, variantId };
}

/** A seller's product and a customer's paid order of it, through the typed client. */
async function paidOrder() {
  const { seller, variantId } = await sellerProduct();
  const order = await placePaidOrder(server, await createVerifiedUser(server.t.db, "customer"), variantId, 1);
  return { order, seller, variantId };
}

/** A product with one published review per rating, each by a customer of its own through the typed client. */
async function reviewedProduct(ratings: number[]) {
  const { product } = await sellerProduct();
  const reviewers: string[] = [];
  for (const rating of ratings) {
    const customer = await createVerifiedUser(server.t.db, "customer");
    const shop = createShopClient({ url: server.baseUrl });
    await shop.auth.login.mutate({ username: customer.username, password: customer.password });
    const review = await shop.products.addReview.mutate({ product_id: product.id, rating, comment: `Rated ${rating}.` });
    expect(review.status).toBe("published");
    reviewers.push(customer.username);
  }
  return { product, reviewers };
}

/** The product's rating as shoppers get it, from the REST API. */
async function restRating(productId: number) {
  const response = await fetch(`${server.baseUrl}/api/products/${productId}/`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { average_rating: number | null; review_count: number };
  return { average_rating: body.average_rating, review_count: body.review_count };
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
    staff = await createVerifiedUser(server.t.db, "admin");
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

  it("hides a review, and the product's rating changes on the page and in the API", async () => {
    const { product, reviewers } = await reviewedProduct([5, 4, 1]);
    const before = await restRating(product.id);
    expect(before).toEqual({ average_rating: expect.closeTo(10 / 3, 2), review_count: 3 });
    const shown = ({ average_rating, review_count }: typeof before) =>
      `★ ${average_rating!.toFixed(1)} (${review_count} published reviews)`;

    await navLink(page, "Reviews").click();
    await page.getByRole("heading", { name: "Reviews", level: 1 }).waitFor();
    await page.getByText("No reviews wait for moderation.").waitFor();
    await page.locator("label", { hasText: /^Published$/ }).click();
    const list = page.getByRole("list", { name: "Published reviews" });
    const card = (username: string) => list.getByRole("listitem", { name: `Review by ${username} of ${product.name}` });
    const harsh = card(reviewers[2]!);
    await harsh.getByText(`Product rating: ${shown(before)}`).waitFor();
    await harsh.getByRole("img", { name: "1 of 5 stars" }).waitFor();

    await harsh.getByRole("button", { name: `Hide the review by ${reviewers[2]} of ${product.name}` }).click();
    await harsh.getByLabel("Reason for hiding (optional)").fill("Reviews the courier, not the vase.");
    await harsh.getByRole("button", { name: "Hide review" }).click();

    const after = await eventually(async () => {
      const rating = await restRating(product.id);
      return rating.review_count === 2 && rating;
    });
    expect(after.average_rating).toBe(4.5);
    const done = page.getByRole("status").filter({ hasText: `Hid the review by ${reviewers[2]}` });
    await done.getByText(shown(after)).waitFor();
    await harsh.waitFor({ state: "detached" });
    await card(reviewers[0]!)
      .getByText(`Product rating: ${shown(after)}`)
      .waitFor();
    await screenshots(page, "staff-reviews");

    await page.locator("label", { hasText: /^Hidden$/ }).click();
    const hidden = page.getByRole("list", { name: "Hidden reviews" });
    const hiddenCard = hidden.getByRole("listitem", { name: `Review by ${reviewers[2]} of ${product.name}` });
    await hiddenCard.getByText(`by ${staff.username}: Reviews the courier, not the vase.`).waitFor();
    const review = await server.t.db.review.findFirstOrThrow({ where: { productId: product.id, rating: 1 } });
    expect(review).toMatchObject({ status: "hidden", hiddenById: staff.id, hiddenReason: "Reviews the courier, not the vase." });
    await screenshots(page, "staff-reviews-hidden");

    await hiddenCard.getByRole("button", { name: `Publish the review by ${reviewers[2]} of ${product.name}` }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Published the review by ${reviewers[2]}` })
      .getByText(shown(before))
      .waitFor();
    await page.getByText("No hidden reviews.").waitFor();
    expect(await restRating(product.id)).toEqual(before);
  });

  it("adds a webhook endpoint (field errors first), shows its secret once, and lists a delivery as it happens", async () => {
    const receiver = await startWebhookReceiver();
    try {
      await navLink(page, "Webhooks").click();
      await page.getByRole("heading", { name: "Webhooks", level: 1 }).waitFor();
      await page.getByText("No endpoints yet", { exact: false }).waitFor();
      const form = page.getByRole("region", { name: "Add an endpoint" });
      await form.getByLabel("Endpoint URL").fill("ftp://erp.example.com/hooks");
      await form.getByRole("button", { name: "Add endpoint" }).click();
      await expect.poll(() => form.getByLabel("Endpoint URL").getAttribute("aria-invalid")).toBe("true");
      await form.getByText("Enter an http or https URL.").waitFor();
      await form.getByRole("group", { name: "Events", description: /Choose at least one\./ }).waitFor();
      await screenshots(page, "staff-webhooks-errors");

      await form.getByLabel("Endpoint URL").fill(receiver.url);
      await form.getByLabel("Order paid (order.paid)").check();
      await form.getByLabel("Description").fill(`ERP ${tag}`);
      await form.getByRole("button", { name: "Add endpoint" }).click();
      const added = form.getByRole("status").filter({ hasText: "Endpoint added" });
      const secret = (await added.getByLabel("Signing secret").textContent())!.trim();
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
      const endpoint = page
        .getByRole("list", { name: "Webhook endpoints" })
        .getByRole("listitem", { name: `Endpoint ${receiver.url}` });
      await endpoint.getByText("No events sent yet.", { exact: false }).waitFor();
      const hook = await server.t.db.webhookEndpoint.findFirstOrThrow({ where: { url: receiver.url } });
      expect(hook.events).toEqual(["order.paid"]);

      const { order } = await paidOrder();
      const [received] = await receiver.waitFor(1, 20_000);
      expect(JSON.parse(received!.body)).toMatchObject({ type: "order.paid", data: { order_id: order.id } });
      // The secret shown once is the one the deliveries are signed with (Standard Webhooks, API.md §9).
      const { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": signature } = received!.headers;
      const key = Buffer.from(secret.slice("whsec_".length), "base64");
      const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${received!.body}`).digest("base64");
      expect(signature).toBe(`v1,${expected}`);

      const row = endpoint
        .getByRole("table", { name: `Deliveries to ${receiver.url}` })
        .getByRole("row", { name: /order\.paid/ });
      await row.getByText("delivered", { exact: true }).waitFor({ timeout: 15_000 });
      await row.getByText("204", { exact: true }).waitFor();
      await row.getByText("attempt 1", { exact: true }).waitFor();
      await screenshots(page, "staff-webhooks");

      await added.getByRole("button", { name: "Done" }).click();
      page.once("dialog", (dialog) => void dialog.accept());
      await endpoint.getByRole("button", { name: `Remove the endpoint ${receiver.url}` }).click();
      await page.getByText("No endpoints yet", { exact: false }).waitFor();
      expect(await server.t.db.webhookEndpoint.count({ where: { id: hook.id } })).toBe(0);
    } finally {
      await receiver.close();
    }
  });
});
