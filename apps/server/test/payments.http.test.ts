import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signCallback } from "@shop/api";
import { eventually, queuedJobs, runJobsNow } from "@shop/testing";
import type { TestSmtpServer } from "@shop/testing/smtp";
import { address, createShopper, createVariant, emailWithSubject, type Shopper } from "./orders-fixtures.ts";
import { httpClient, startTestAppWithMail, type TestApp } from "./support.ts";

let smtp: TestSmtpServer;
let t: TestApp;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ t, smtp, close } = await startTestAppWithMail());
});
afterAll(() => close());

const http = () => httpClient(t.app);
const secret = () => t.deps.config.paymentWebhookSecret;
const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

async function placeOrder(user: Shopper, options: { price?: number; quantity?: number; stock?: number } = {}) {
  const v = await createVariant(t, { price: options.price ?? 4990, stock: options.stock ?? 10 });
  await http().post("/api/cart/add/", { variant_id: v.variantId, quantity: options.quantity ?? 2 }, user.token);
  const res = await http().post("/api/orders/create/", { shipping_address: address }, user.token);
  expect(res.statusCode, res.body).toBe(201);
  return { order: res.json() as { id: number; total: string }, variant: v };
}

async function initiate(user: Shopper, orderId: number) {
  const res = await http().post("/api/payments/initiate/", { order_id: orderId }, user.token);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { payment_id: string; amount: string; payment_url: string };
}

const callback = (paymentId: string, status: string, signature: string) =>
  http().get(`/api/payments/callback/?${new URLSearchParams({ payment_id: paymentId, status, signature })}`);
const snapshot = async (paymentId: string) => {
  const payment = await t.db.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { order: true } });
  return { payment, orderStatus: payment.order.status, orderUpdatedAt: payment.order.updatedAt };
};

describe("POST /api/payments/initiate/ → gateway page → GET /api/payments/callback/", () => {
  it("pays an order through the simulated gateway; the confirmation and receipt emails arrive", async () => {
    const user = await createShopper(t);
    const { order } = await placeOrder(user);
    const confirmation = await smtp.nextMessageTo(user.email);
    expect(confirmation.subject).toBe(`Your Shop Luxe order #${order.id}`);
    expect(confirmation.text).toContain("99.80");

    const payment = await initiate(user, order.id);
    expect(payment).toEqual({
      payment_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      order_id: order.id,
      amount: "99.80",
      status: "initiated",
      provider: "simulated",
      payment_url: `http://shop.test/api/payments/${payment.payment_id}/pay/`,
    });

    const page = await http().get(pathOf(payment.payment_url));
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain("99.80");
    const links = [...page.body.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
    expect(links).toHaveLength(2);
    const payLink = links.find((l) => l.includes("status=success"))!;
    expect(new URL(payLink).searchParams.get("signature")).toBe(signCallback(secret(), payment.payment_id, "success", 9980));

    const paid = await http().get(pathOf(payLink));
    expect(paid.statusCode).toBe(200);
    expect(paid.json()).toEqual({ payment_id: payment.payment_id, status: "succeeded", order_status: "paid" });
    const receipt = await smtp.nextMessageTo(user.email);
    expect(receipt.subject).toBe(`Payment receipt for order #${order.id}`);
    expect(receipt.text).toContain("99.80");

    const detail = (await http().get(`/api/orders/${order.id}/`, user.token)).json();
    expect(detail).toMatchObject({
      status: "paid",
      payments: [
        {
          id: payment.payment_id,
          amount: "99.80",
          status: "succeeded",
          refund_required: false,
          completed_at: expect.any(String),
        },
      ],
    });
  });

  it("the same valid callback twice → one state change, the same answer", async () => {
    const user = await createShopper(t);
    const { order } = await placeOrder(user);
    const payment = await initiate(user, order.id);
    const signature = signCallback(secret(), payment.payment_id, "success", 9980);
    const first = await callback(payment.payment_id, "success", signature);
    const after = await snapshot(payment.payment_id);
    const second = await callback(payment.payment_id, "success", signature);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual(first.json());
    expect(await snapshot(payment.payment_id)).toEqual(after);
    // A late "failed" for the same payment changes nothing either.
    const late = await callback(payment.payment_id, "failed", signCallback(secret(), payment.payment_id, "failed", 9980));
    expect(late.json()).toEqual({ payment_id: payment.payment_id, status: "succeeded", order_status: "paid" });
    expect(await snapshot(payment.payment_id)).toEqual(after);
    await smtp.nextMessageTo(user.email); // confirmation
    await smtp.nextMessageTo(user.email); // the one receipt
    // A second receipt would have been queued with the second callback: once the queue is done, none came.
    await eventually(async () => (await queuedJobs(t.db, "send_payment_receipt")) === 0, { what: "the receipt jobs to run" });
    expect(
      smtp.received.filter((m) => m.subject?.startsWith("Payment receipt") && m.text?.includes(`#${order.id}`)),
    ).toHaveLength(1);
  });

  it("forged signature, wrong amount, unknown payment → 400 and nothing changes", async () => {
    const user = await createShopper(t);
    const { order } = await placeOrder(user);
    const payment = await initiate(user, order.id);
    const before = await snapshot(payment.payment_id);
    const cases = [
      [payment.payment_id, "success", "0".repeat(64)],
      [payment.payment_id, "success", signCallback("another-secret-of-at-least-32-chars!!", payment.payment_id, "success", 9980)],
      [payment.payment_id, "success", signCallback(secret(), payment.payment_id, "success", 1)], // wrong amount
      [payment.payment_id, "success", signCallback(secret(), payment.payment_id, "failed", 9980)], // signed for another status
      [payment.payment_id, "success", "short"],
      [
        "00000000-0000-4000-8000-000000000000",
        "success",
        signCallback(secret(), "00000000-0000-4000-8000-000000000000", "success", 9980),
      ],
    ] as const;
    for (const [id, status, signature] of cases) {
      const res = await callback(id, status, signature);
      expect(res.statusCode, signature).toBe(400);
      expect(res.json()).toMatchObject({ code: "INVALID_SIGNATURE" });
    }
    expect((await callback(payment.payment_id, "paid", "x")).statusCode).toBe(400);
    expect((await callback("not-a-uuid", "success", "x")).statusCode).toBe(400);
    expect((await http().get("/api/payments/callback/")).statusCode).toBe(400);
    expect(await snapshot(payment.payment_id)).toEqual(before);
    expect(before.payment.status).toBe("initiated");
  });

  it("a failed payment leaves the order pending, and it can be paid again", async () => {
    const user = await createShopper(t);
    const { order } = await placeOrder(user, { price: 1000, quantity: 1 });
    const first = await initiate(user, order.id);
    const failed = await callback(first.payment_id, "failed", signCallback(secret(), first.payment_id, "failed", 1000));
    expect(failed.json()).toEqual({ payment_id: first.payment_id, status: "failed", order_status: "pending" });
    const retry = await initiate(user, order.id);
    const ok = await callback(retry.payment_id, "success", signCallback(secret(), retry.payment_id, "success", 1000));
    expect(ok.json()).toMatchObject({ status: "succeeded", order_status: "paid" });
  });

  it("initiate: another user's or unknown order → 404; not pending → 409; anonymous → 401; bad input → 400", async () => {
    const owner = await createShopper(t);
    const other = await createShopper(t);
    const { order } = await placeOrder(owner);
    const notOwn = await http().post("/api/payments/initiate/", { order_id: order.id }, other.token);
    expect(notOwn.statusCode).toBe(404);
    expect(await t.db.payment.count({ where: { orderId: order.id } })).toBe(0);
    expect((await http().post("/api/payments/initiate/", { order_id: 999_999 }, owner.token)).statusCode).toBe(404);
    expect((await http().post("/api/payments/initiate/", { order_id: order.id })).statusCode).toBe(401);
    expect((await http().post("/api/payments/initiate/", {}, owner.token)).statusCode).toBe(400);
    await http().post(`/api/orders/${order.id}/cancel/`, {}, owner.token);
    const cancelled = await http().post("/api/payments/initiate/", { order_id: order.id }, owner.token);
    expect(cancelled.statusCode).toBe(409);
    expect(cancelled.json()).toMatchObject({ code: "INVALID_ORDER_STATE" });
    expect((await http().get("/api/payments/00000000-0000-4000-8000-000000000000/pay/")).statusCode).toBe(404);
    expect((await http().get("/api/payments/nope/pay/")).statusCode).toBe(404);
  });

  it("money for a cancelled order is recorded and flagged for refund, the order stays cancelled", async () => {
    const user = await createShopper(t);
    const { order, variant } = await placeOrder(user, { stock: 5 });
    const payment = await initiate(user, order.id);
    await http().post(`/api/orders/${order.id}/cancel/`, {}, user.token);
    const res = await callback(payment.payment_id, "success", signCallback(secret(), payment.payment_id, "success", 9980));
    expect(res.json()).toEqual({ payment_id: payment.payment_id, status: "succeeded", order_status: "cancelled" });
    expect((await t.db.productVariant.findUniqueOrThrow({ where: { id: variant.variantId } })).stock).toBe(5);
    // The refund_payment job gives the money back through the gateway and tells the buyer.
    const refundEmail = await emailWithSubject(smtp, user.email, `Refund for order #${order.id}`);
    expect(refundEmail.text).toContain("99.80");
    const { payment: stored, orderStatus } = await snapshot(payment.payment_id);
    expect(stored).toMatchObject({
      status: "refunded",
      refundRequired: false,
      refundRef: `simulated-refund-${payment.payment_id}`,
    });
    expect(orderStatus).toBe("cancelled");
  });
});

describe("refunds through the simulated gateway", () => {
  it("staff refund a paid order: refunded, stock back, the payment refunded by the job, an email to the buyer", async () => {
    const admin = await createShopper(t, "admin");
    const user = await createShopper(t);
    const { order, variant } = await placeOrder(user, { stock: 5, quantity: 2 });
    const payment = await initiate(user, order.id);
    await callback(payment.payment_id, "success", signCallback(secret(), payment.payment_id, "success", 9980));
    const res = await http().post(`/api/admin/orders/${order.id}/refund/`, undefined, admin.token);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "refunded" });
    expect((await t.db.productVariant.findUniqueOrThrow({ where: { id: variant.variantId } })).stock).toBe(5);
    const email = await emailWithSubject(smtp, user.email, `Refund for order #${order.id}`);
    expect(email.text).toContain("99.80");
    expect((await snapshot(payment.payment_id)).payment).toMatchObject({ status: "refunded", refundRequired: false });
  });

  it("the Stripe webhook is not served while PAYMENT_PROVIDER is simulated (404)", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/payments/stripe/webhook/",
      headers: { "content-type": "application/json", "stripe-signature": "t=1,v1=00" },
      payload: "{}",
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("unpaid orders expire", () => {
  const statusOf = async (orderId: number) => (await t.db.order.findUniqueOrThrow({ where: { id: orderId } })).status;
  const cancelled = (orderId: number) =>
    eventually(() => statusOf(orderId), { until: (status) => status === "cancelled", what: `order ${orderId} cancelled` });

  it("the expire_order job cancels an unpaid order when its time comes and returns its stock; a paid order stays paid", async () => {
    const user = await createShopper(t);
    const paidUser = await createShopper(t);
    const { order, variant } = await placeOrder(user, { stock: 5, quantity: 3 });
    const { order: paidOrder, variant: paidVariant } = await placeOrder(paidUser, { stock: 5, quantity: 1 });
    const payment = await initiate(paidUser, paidOrder.id);
    await callback(payment.payment_id, "success", signCallback(secret(), payment.payment_id, "success", 4990));
    expect((await t.db.productVariant.findUniqueOrThrow({ where: { id: variant.variantId } })).stock).toBe(2);
    // Checkout scheduled the jobs 30 minutes ahead (orders.http.test.ts checks when): their time comes now.
    expect(await runJobsNow(t.db, "expire_order", { orderId: order.id })).toBe(1);
    expect(await runJobsNow(t.db, "expire_order", { orderId: paidOrder.id })).toBe(1);
    await cancelled(order.id);
    expect((await t.db.productVariant.findUniqueOrThrow({ where: { id: variant.variantId } })).stock).toBe(5);
    await eventually(async () => (await queuedJobs(t.db, "expire_order", { orderId: paidOrder.id })) === 0, {
      what: "the paid order's expire_order job to run",
    });
    expect(await statusOf(paidOrder.id)).toBe("paid");
    expect((await t.db.productVariant.findUniqueOrThrow({ where: { id: paidVariant.variantId } })).stock).toBe(4);
  });

  it("the cron sweep (expire_unpaid_orders) cancels overdue pending orders only", async () => {
    const user = await createShopper(t);
    const { order: overdue, variant } = await placeOrder(user, { stock: 4, quantity: 4 });
    const { order: recent } = await placeOrder(user);
    // The sweep compares with the database's now(): the order is made older instead.
    await t.db.order.update({ where: { id: overdue.id }, data: { createdAt: new Date(Date.now() - 31 * 60_000) } });
    await t.db.$executeRaw`select graphile_worker.add_job('expire_unpaid_orders', '{}'::json)`;
    await cancelled(overdue.id);
    expect((await t.db.productVariant.findUniqueOrThrow({ where: { id: variant.variantId } })).stock).toBe(4);
    expect(await statusOf(recent.id)).toBe("pending");
  });
});
