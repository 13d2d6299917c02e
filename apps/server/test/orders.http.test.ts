import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { noCache } from "@shop/api";
import { address, createShopper, createVariant, type Shopper } from "./orders-fixtures.ts";
import { httpClient, startTestApp, type TestApp } from "./support.ts";

let t: TestApp;
const bumped: string[][] = [];
beforeAll(async () => {
  t = await startTestApp();
  t.deps.cache = { ...noCache, bump: async (names) => void bumped.push(names) };
});
afterAll(async () => {
  await t.close();
});

const http = () => httpClient(t.app);
const stockOf = async (variantId: number) => (await t.db.productVariant.findUniqueOrThrow({ where: { id: variantId } })).stock;
const jobsOf = (task: string) =>
  t.db.$queryRaw<{ payload: Record<string, unknown>; key: string | null; run_at: Date }[]>`
    select j.payload, j.key, j.run_at from graphile_worker._private_jobs j
    join graphile_worker._private_tasks k on k.id = j.task_id where k.identifier = ${task}`;

async function placeOrder(user: Shopper, lines: { variantId: number; quantity?: number }[]) {
  for (const line of lines) {
    const res = await http().post("/api/cart/add/", { variant_id: line.variantId, quantity: line.quantity ?? 1 }, user.token);
    expect(res.statusCode, res.body).toBe(201);
  }
  const res = await http().post("/api/orders/create/", { shipping_address: address }, user.token);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe("POST /api/orders/create/ (checkout)", () => {
  it("201 pending order with copied prices; stock taken; cart emptied; jobs enqueued; cache bumped", async () => {
    const user = await createShopper(t);
    const a = await createVariant(t, { price: 4990, stock: 5, name: "Silk scarf" });
    const b = await createVariant(t, { price: 1000, stock: 2 });
    const order = await placeOrder(user, [{ variantId: a.variantId, quantity: 2 }, { variantId: b.variantId }]);
    expect(order).toMatchObject({
      id: expect.any(Number),
      status: "pending",
      total: "109.80",
      shipping_address: { ...address, line2: "" },
      items: [
        { variant_id: a.variantId, product_name: "Silk scarf", sku: a.sku, unit_price: "49.90", quantity: 2, subtotal: "99.80" },
        { variant_id: b.variantId, sku: b.sku, unit_price: "10.00", quantity: 1, subtotal: "10.00" },
      ],
      payments: [],
    });
    expect(await stockOf(a.variantId)).toBe(3);
    expect(await stockOf(b.variantId)).toBe(1);
    expect((await http().get("/api/cart/", user.token)).json()).toMatchObject({ items: [], total: "0.00" });
    const items = await t.db.orderItem.findMany({ where: { orderId: order.id }, orderBy: { id: "asc" } });
    expect(items.map((i) => [i.productId, i.sellerId])).toEqual([
      [a.productId, a.sellerId],
      [b.productId, b.sellerId],
    ]);

    expect((await jobsOf("send_order_confirmation")).map((j) => j.payload)).toContainEqual({ orderId: order.id });
    const expiry = (await jobsOf("expire_order")).find((j) => j.payload.orderId === order.id)!;
    expect(expiry.run_at.getTime() - Date.parse(order.created_at)).toBeGreaterThan(29 * 60_000);
    const keys = (await jobsOf("index_product")).map((j) => j.key);
    expect(keys).toEqual(expect.arrayContaining([`index_product:${a.productId}`, `index_product:${b.productId}`]));
    expect(bumped.flat()).toEqual(expect.arrayContaining([`product:${a.productId}`, `product:${b.productId}`, "products"]));

    // Later catalog edits never change the order.
    await t.db.productVariant.update({ where: { id: a.variantId }, data: { price: 1, name: "Renamed" } });
    expect((await http().get(`/api/orders/${order.id}/`, user.token)).json().items[0]).toMatchObject({ unit_price: "49.90" });
  });

  it("empty cart → 400; bad address → 400; anonymous → 401", async () => {
    const user = await createShopper(t);
    const empty = await http().post("/api/orders/create/", { shipping_address: address }, user.token);
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: "EMPTY_CART" });
    await http().post("/api/cart/add/", { variant_id: (await createVariant(t)).variantId }, user.token);
    const bad = await http().post("/api/orders/create/", { shipping_address: { ...address, city: "" } }, user.token);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toHaveProperty(["shipping_address.city"]);
    expect((await http().post("/api/orders/create/", {}, user.token)).statusCode).toBe(400);
    expect((await http().post("/api/orders/create/", { shipping_address: address })).statusCode).toBe(401);
  });

  it("a line short of stock → 409 naming the variants, and nothing changes", async () => {
    const user = await createShopper(t);
    const plenty = await createVariant(t, { stock: 10 });
    const scarce = await createVariant(t, { stock: 3 });
    await http().post("/api/cart/add/", { variant_id: plenty.variantId, quantity: 2 }, user.token);
    await http().post("/api/cart/add/", { variant_id: scarce.variantId, quantity: 3 }, user.token);
    await t.db.productVariant.update({ where: { id: scarce.variantId }, data: { stock: 1 } }); // sold elsewhere meanwhile

    const res = await http().post("/api/orders/create/", { shipping_address: address }, user.token);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      detail: expect.any(String),
      code: "OUT_OF_STOCK",
      fields: { [`variants.${scarce.variantId}`]: ["Only 1 in stock; 3 requested."] },
    });
    expect(await stockOf(plenty.variantId)).toBe(10);
    expect(await stockOf(scarce.variantId)).toBe(1);
    expect((await http().get("/api/cart/", user.token)).json().items).toHaveLength(2);
    expect(await t.db.order.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("GET /api/orders/ and /api/orders/{id}/", () => {
  it("paginated, own orders only, newest first", async () => {
    const user = await createShopper(t);
    const other = await createShopper(t);
    const v = await createVariant(t, { stock: 10 });
    const placed = [];
    for (let i = 0; i < 3; i++) placed.push(await placeOrder(user, [{ variantId: v.variantId }]));
    await placeOrder(other, [{ variantId: v.variantId }]);

    const page1 = await http().get("/api/orders/?page_size=2", user.token);
    expect(page1.statusCode).toBe(200);
    expect(page1.json()).toMatchObject({
      count: 3,
      next: "http://shop.test/api/orders/?page=2&page_size=2",
      previous: null,
      results: [{ id: placed[2].id }, { id: placed[1].id }],
    });
    const page2 = (await http().get("/api/orders/?page=2&page_size=2", user.token)).json();
    expect(page2.results.map((o: { id: number }) => o.id)).toEqual([placed[0].id]);
    expect((await http().get("/api/orders/?page=3&page_size=2", user.token)).statusCode).toBe(404);
    expect((await http().get("/api/orders/?page=0", user.token)).statusCode).toBe(400);
    expect((await http().get("/api/orders/")).statusCode).toBe(401);

    const detail = await http().get(`/api/orders/${placed[0].id}/`, user.token);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toEqual(placed[0]);
    expect((await http().get(`/api/orders/${placed[0].id}/`, other.token)).statusCode).toBe(404);
    expect((await http().get("/api/orders/999999/", user.token)).statusCode).toBe(404);
    expect((await http().get("/api/orders/abc/", user.token)).statusCode).toBe(400);
  });
});

describe("POST /api/orders/{id}/cancel/", () => {
  it("a pending own order → cancelled, stock returned; again → 409; another user's → 404", async () => {
    const user = await createShopper(t);
    const other = await createShopper(t);
    const v = await createVariant(t, { stock: 5 });
    const order = await placeOrder(user, [{ variantId: v.variantId, quantity: 4 }]);
    expect(await stockOf(v.variantId)).toBe(1);

    expect((await http().post(`/api/orders/${order.id}/cancel/`, {}, other.token)).statusCode).toBe(404);
    expect((await http().post(`/api/orders/${order.id}/cancel/`, {}, user.token)).json()).toMatchObject({ status: "cancelled" });
    expect(await stockOf(v.variantId)).toBe(5);
    const again = await http().post(`/api/orders/${order.id}/cancel/`, {}, user.token);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "INVALID_ORDER_STATE" });
    expect(await stockOf(v.variantId)).toBe(5);
  });

  it("a paid order cannot be cancelled (409)", async () => {
    const user = await createShopper(t);
    const order = await placeOrder(user, [{ variantId: (await createVariant(t)).variantId }]);
    await t.db.order.update({ where: { id: order.id }, data: { status: "paid" } });
    expect((await http().post(`/api/orders/${order.id}/cancel/`, {}, user.token)).statusCode).toBe(409);
  });
});

describe("fulfilment: sellers ship their lines, staff mark delivery", () => {
  it("the state machine through the seller and admin procedures, with 403/404/409", async () => {
    const buyer = await createShopper(t);
    const sellerA = await createShopper(t, "seller");
    const sellerB = await createShopper(t, "seller");
    const admin = await createShopper(t, "admin");
    const a = await createVariant(t, { sellerId: sellerA.id, price: 700 });
    const b = await createVariant(t, { sellerId: sellerB.id });
    const order = await placeOrder(buyer, [{ variantId: a.variantId, quantity: 2 }, { variantId: b.variantId }]);
    const [lineA, lineB] = order.items as { id: number }[];

    const listA = await http().get("/api/seller/order-items/", sellerA.token);
    expect(listA.statusCode).toBe(200);
    expect(listA.json()).toMatchObject({
      count: 1,
      results: [{ id: lineA!.id, order_id: order.id, order_status: "pending", quantity: 2, subtotal: "14.00", shipped_at: null }],
    });
    expect((await http().get("/api/seller/order-items/?status=paid", sellerA.token)).json().count).toBe(0);
    expect((await http().get("/api/seller/order-items/", buyer.token)).statusCode).toBe(403);

    const early = await http().post(`/api/seller/order-items/${lineA!.id}/ship/`, {}, sellerA.token);
    expect(early.statusCode).toBe(409);
    expect((await http().post(`/api/admin/orders/${order.id}/deliver/`, {}, admin.token)).statusCode).toBe(409);

    await t.db.order.update({ where: { id: order.id }, data: { status: "paid" } });
    expect((await http().post(`/api/seller/order-items/${lineA!.id}/ship/`, {}, sellerB.token)).statusCode).toBe(404);
    expect((await http().post(`/api/seller/order-items/${lineA!.id}/ship/`, {}, buyer.token)).statusCode).toBe(403);
    const shipped = await http().post(`/api/seller/order-items/${lineA!.id}/ship/`, {}, sellerA.token);
    expect(shipped.statusCode).toBe(200);
    expect(shipped.json()).toMatchObject({ id: lineA!.id, shipped_at: expect.any(String), order_status: "paid" });
    expect((await http().post(`/api/seller/order-items/${lineA!.id}/ship/`, {}, sellerA.token)).json()).toMatchObject({
      code: "ALREADY_SHIPPED",
    });
    await http().post(`/api/seller/order-items/${lineB!.id}/ship/`, {}, sellerB.token);
    expect((await http().get(`/api/orders/${order.id}/`, buyer.token)).json().status).toBe("shipped");

    expect((await http().post(`/api/admin/orders/${order.id}/deliver/`, {}, sellerA.token)).statusCode).toBe(403);
    expect((await http().post(`/api/admin/orders/999999/deliver/`, {}, admin.token)).statusCode).toBe(404);
    const delivered = await http().post(`/api/admin/orders/${order.id}/deliver/`, {}, admin.token);
    expect(delivered.statusCode).toBe(200);
    expect(delivered.json()).toMatchObject({ id: order.id, status: "delivered" });
    expect((await http().post(`/api/orders/${order.id}/cancel/`, {}, buyer.token)).statusCode).toBe(409);
    expect((await http().post(`/api/admin/orders/${order.id}/deliver/`, {}, admin.token)).statusCode).toBe(409);
  });

  it("the OpenAPI document lists the order, seller and admin paths", async () => {
    const doc = (await http().get("/api/openapi.json")).json();
    for (const path of [
      "/api/orders/create/",
      "/api/orders/",
      "/api/orders/{id}/",
      "/api/orders/{id}/cancel/",
      "/api/seller/order-items/",
      "/api/seller/order-items/{id}/ship/",
      "/api/admin/orders/{id}/deliver/",
      "/api/payments/initiate/",
      "/api/payments/callback/",
      "/api/cart/",
      "/api/cart/add/",
      "/api/cart/update/{id}/",
      "/api/cart/remove/{id}/",
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    expect(doc.paths["/api/orders/create/"].post.responses).toHaveProperty("201");
    expect(doc.paths["/api/cart/remove/{id}/"].delete.responses).toHaveProperty("204");
  });
});
