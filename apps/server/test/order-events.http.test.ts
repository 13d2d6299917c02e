import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signCallback } from "@shop/api";
import { eventually } from "@shop/testing";
import { address, createShopper, createVariant, sessionOf, type Shopper } from "./orders-fixtures.ts";
import { openSse, type SseStream } from "./sse.ts";
import { httpClient, startTestApp, type TestApp } from "./support.ts";

let t: TestApp;
let base: string;
const open: SseStream[] = [];
beforeAll(async () => {
  t = await startTestApp({ live: { sessionCheckMs: 200, retryMs: 50, pollMs: 60_000 }, config: { eventKeepAliveMs: 300 } });
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const stream of open) stream.close();
  await t.close();
});

const http = () => httpClient(t.app);
async function stream(path: string, token?: string, headers?: Record<string, string>) {
  const sse = await openSse(`${base}${path}`, token, headers);
  open.push(sse);
  return sse;
}

async function placeOrder(user: Shopper, variantIds: number[]): Promise<{ id: number; total: string; items: { id: number }[] }> {
  for (const variantId of variantIds) {
    const res = await http().post("/api/cart/add/", { variant_id: variantId }, user.token);
    expect(res.statusCode, res.body).toBe(201);
  }
  const res = await http().post("/api/orders/create/", { shipping_address: address }, user.token);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function pay(user: Shopper, orderId: number) {
  const payment = (await http().post("/api/payments/initiate/", { order_id: orderId }, user.token)).json();
  const amount = Math.round(Number(payment.amount) * 100);
  const signature = signCallback(t.deps.config.paymentWebhookSecret, payment.payment_id, "success", amount);
  const res = await http().get(
    `/api/payments/callback/?${new URLSearchParams({ payment_id: payment.payment_id, status: "success", signature })}`,
  );
  expect(res.statusCode, res.body).toBe(200);
}

describe("GET /api/orders/events/ (SSE)", () => {
  it("401 without a token, 403 for a customer on the seller stream, 400 for a bad Last-Event-ID", async () => {
    expect((await http().get("/api/orders/events/")).statusCode).toBe(401);
    const customer = await createShopper(t);
    const res = await http().get("/api/seller/events/", customer.token);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: "PERMISSION_DENIED" });
    const bad = await t.app.inject({
      method: "GET",
      url: "/api/orders/events/",
      headers: { authorization: `Bearer ${customer.token}`, "last-event-id": "abc" },
    });
    expect(bad.statusCode).toBe(400);
  });

  it("every move of the buyer's orders, in order, with increasing ids; replay after Last-Event-ID; nothing for others", async () => {
    const buyer = await createShopper(t);
    const other = await createShopper(t);
    const admin = await createShopper(t, "admin");
    const variant = await createVariant(t, { stock: 5 });
    const mine = await stream("/api/orders/events/", buyer.token);
    const theirs = await stream("/api/orders/events/", other.token);
    expect(mine.status).toBe(200);
    expect(mine.headers.get("content-type")).toMatch(/^text\/event-stream/);
    // The hooks' headers reach a hijacked reply too.
    expect(mine.headers.get("x-content-type-options")).toBe("nosniff");
    expect(mine.headers.get("referrer-policy")).toBe("no-referrer");
    expect(mine.headers.get("x-request-id")).toBeTruthy();

    const order = await placeOrder(buyer, [variant.variantId]);
    await pay(buyer, order.id);
    const sellerShopper = await sellerOf(variant.sellerId);
    expect((await http().post(`/api/seller/order-items/${order.items[0]!.id}/ship/`, {}, sellerShopper.token)).statusCode).toBe(
      200,
    );
    expect((await http().post(`/api/admin/orders/${order.id}/deliver/`, {}, admin.token)).statusCode).toBe(200);
    const second = await placeOrder(buyer, [variant.variantId]);
    expect((await http().post(`/api/orders/${second.id}/cancel/`, {}, buyer.token)).statusCode).toBe(200);

    const frames = await mine.waitFor(6);
    const all = mine.events<{ id: number; type: string; order_id: number; status: string; created_at: string }>();
    expect(all.map((e) => [e.type, e.order_id, e.status])).toEqual([
      ["order.created", order.id, "pending"],
      ["order.paid", order.id, "paid"],
      ["order.shipped", order.id, "shipped"],
      ["order.delivered", order.id, "delivered"],
      ["order.created", second.id, "pending"],
      ["order.cancelled", second.id, "cancelled"],
    ]);
    const ids = all.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(6);
    expect(frames.map((f) => [f.id, f.event])).toEqual(all.map((e) => [String(e.id), e.type]));
    expect(Object.keys(all[0]!).sort()).toEqual(["created_at", "id", "order_id", "status", "type"]);
    expect(new Date(all[0]!.created_at).toISOString()).toBe(all[0]!.created_at);

    // Replay: everything after the second event, then live.
    const resumed = await stream("/api/orders/events/", buyer.token, { "last-event-id": String(ids[1]) });
    await resumed.waitFor(4);
    expect(resumed.events<{ id: number }>().map((e) => e.id)).toEqual(ids.slice(2));
    const third = await placeOrder(buyer, [variant.variantId]);
    const [live] = (await resumed.waitFor(5)).slice(4);
    expect(JSON.parse(live!.data)).toMatchObject({ type: "order.created", order_id: third.id });

    // The other buyer saw none of it; their own order does reach them.
    await mine.waitFor(7);
    expect(theirs.frames).toEqual([]);
    const theirOrder = await placeOrder(other, [variant.variantId]);
    await theirs.waitFor(1);
    expect(theirs.events()).toEqual([expect.objectContaining({ order_id: theirOrder.id })]);
    expect(mine.frames).toHaveLength(7);
    // An idle stream is kept open with comments (every 300 ms here).
    await eventually(() => mine.comments.includes("keep-alive"), { what: "a keep-alive comment" });
  });

  it("a seller's stream carries the orders holding their lines, with only those lines", async () => {
    const buyer = await createShopper(t);
    const a = await createVariant(t);
    const b = await createVariant(t);
    const sellerA = await sellerOf(a.sellerId);
    const sellerB = await sellerOf(b.sellerId);
    const streamA = await stream("/api/seller/events/", sellerA.token);
    const streamB = await stream("/api/seller/events/", sellerB.token);
    const both = await placeOrder(buyer, [a.variantId, b.variantId]);
    const onlyB = await placeOrder(buyer, [b.variantId]);
    await streamB.waitFor(2);
    await streamA.waitFor(1);
    const [eventA] = streamA.events<{ order_id: number; items: { id: number; sku: string }[] }>();
    expect(eventA).toMatchObject({ type: "order.created", order_id: both.id, items: [{ sku: a.sku, quantity: 1 }] });
    expect(eventA!.items).toHaveLength(1);
    expect(
      streamB.events<{ order_id: number; items: { sku: string }[] }>().map((e) => [e.order_id, e.items.map((i) => i.sku)]),
    ).toEqual([
      [both.id, [b.sku]],
      [onlyB.id, [b.sku]],
    ]);
    expect(streamA.frames).toHaveLength(1);
  });

  it("a staff refund of a paid order is order.refunded", async () => {
    const buyer = await createShopper(t);
    const admin = await createShopper(t, "admin");
    const variant = await createVariant(t);
    const events = await stream("/api/orders/events/", buyer.token);
    const order = await placeOrder(buyer, [variant.variantId]);
    await pay(buyer, order.id);
    const refunded = await http().post(`/api/admin/orders/${order.id}/refund/`, undefined, admin.token);
    expect(refunded.statusCode, refunded.body).toBe(200);
    await events.waitFor(3);
    expect(events.events().map((e) => [e.type, e.status])).toEqual([
      ["order.created", "pending"],
      ["order.paid", "paid"],
      ["order.refunded", "refunded"],
    ]);
  });

  it("a rolled-back checkout emits no event", async () => {
    const buyer = await createShopper(t);
    const variant = await createVariant(t, { stock: 1 });
    const events = await stream("/api/orders/events/", buyer.token);
    await http().post("/api/cart/add/", { variant_id: variant.variantId }, buyer.token);
    await t.db.productVariant.update({ where: { id: variant.variantId }, data: { stock: 0 } });
    const res = await http().post("/api/orders/create/", { shipping_address: address }, buyer.token);
    expect(res.statusCode).toBe(409);
    expect(await t.db.event.count({ where: { userId: buyer.id } })).toBe(0);
    await t.db.productVariant.update({ where: { id: variant.variantId }, data: { stock: 1 } });
    const order = (await http().post("/api/orders/create/", { shipping_address: address }, buyer.token)).json();
    await events.waitFor(1);
    expect(events.events()).toEqual([expect.objectContaining({ order_id: order.id, type: "order.created" })]);
  });

  it("a revoked session's stream ends", async () => {
    const buyer = await createShopper(t);
    const events = await stream("/api/orders/events/", buyer.token);
    expect(events.status).toBe(200);
    await t.db.session.deleteMany({ where: { userId: buyer.id } });
    const started = Date.now();
    await events.ended;
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("the LISTEN connection comes back after pg_terminate_backend; what was committed meanwhile arrives", async () => {
    const buyer = await createShopper(t);
    const variant = await createVariant(t, { stock: 5 });
    const events = await stream("/api/orders/events/", buyer.token);
    const admin = new pg.Client({ connectionString: t.database.url });
    await admin.connect();
    try {
      const { rows } = await admin.query(
        "select pg_terminate_backend(pid) as done from pg_stat_activity where application_name = 'shop-events-listener' and datname = current_database()",
      );
      expect(rows).toEqual([{ done: true }]);
      const order = await placeOrder(buyer, [variant.variantId]); // committed while the listener is down
      await events.waitFor(1, 5_000);
      expect(events.events()).toEqual([expect.objectContaining({ order_id: order.id })]);
      const again = await admin.query(
        "select 1 from pg_stat_activity where application_name = 'shop-events-listener' and datname = current_database()",
      );
      expect(again.rowCount).toBe(1);
      const next = await placeOrder(buyer, [variant.variantId]);
      await events.waitFor(2, 2_000);
      expect(events.events()[1]).toMatchObject({ order_id: next.id });
    } finally {
      await admin.end();
    }
  });
});

/** A session and access token for the seller behind a test variant. */
async function sellerOf(sellerId: number): Promise<Shopper> {
  const user = await t.db.user.findUniqueOrThrow({ where: { id: sellerId }, select: { id: true, email: true } });
  return { ...user, ...(await sessionOf(t, { id: sellerId, role: "seller" })) };
}
