import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "@shop/testing";
import { stripeEvent } from "@shop/testing/stripe";
import { emailWithSubject } from "./orders-fixtures.ts";
import { startStripeTestApp, stripeHelpers, type StripeTestApp } from "./stripe-fixtures.ts";

let s: StripeTestApp;
beforeAll(async () => {
  s = await startStripeTestApp();
});
afterAll(() => s.close());

const { http, placeOrder, initiate, deliver, payAtStripe, chargeRefunded, snapshot, stockOf, createShopper } = stripeHelpers(
  () => s,
);
const refundRequests = (paymentId: string) =>
  s.stripe.requests.filter((r) => r.path === "/v1/refunds" && r.idempotencyKey === `refund-${paymentId}`);
const refundsOf = (paymentIntent: string) => s.stripe.refunds.filter((r) => r.payment_intent === paymentIntent);
/** Once the refund job went through (a dropped answer at Stripe means a retry with back-off). */
const refunded = (paymentId: string) =>
  eventually(async () => (await snapshot(paymentId)).payment.status, {
    until: (status) => status === "refunded",
    what: `payment ${paymentId} to be refunded`,
    timeoutMs: 15_000,
  });

async function paidOrder(options: { stock?: number; quantity?: number; sellerId?: number } = {}) {
  const user = await createShopper(s.t);
  const { order, variant } = await placeOrder(user, options);
  const payment = await initiate(user, order.id);
  const { session } = await payAtStripe(payment.payment_id);
  expect((await snapshot(payment.payment_id)).orderStatus).toBe("paid");
  return { user, order, variant, payment, paymentIntent: session.payment_intent! };
}

describe("POST /api/admin/orders/{id}/refund/", () => {
  it("staff refund a paid order: refunded, stock back, one refund at Stripe even when the job is retried", async () => {
    const admin = await createShopper(s.t, "admin");
    const { user, order, variant, payment, paymentIntent } = await paidOrder({ stock: 5, quantity: 2 });
    expect(await stockOf(variant.variantId)).toBe(3);

    // Stripe processes the first refund request but its answer is lost: the job fails and runs again.
    s.stripe.dropNextResponse();
    const res = await http().post(`/api/admin/orders/${order.id}/refund/`, undefined, admin.token);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: order.id,
      status: "refunded",
      payments: [{ id: payment.payment_id, status: "succeeded", refund_required: true }],
    });
    expect(await stockOf(variant.variantId)).toBe(5);

    await refunded(payment.payment_id);
    const requests = refundRequests(payment.payment_id);
    expect(requests.length).toBeGreaterThanOrEqual(2); // the lost answer, then the retry…
    expect(requests.every((r) => r.params.payment_intent === paymentIntent)).toBe(true);
    expect(refundsOf(paymentIntent)).toHaveLength(1); // …one refund
    const { payment: stored, orderStatus } = await snapshot(payment.payment_id);
    expect(stored).toMatchObject({ status: "refunded", refundRequired: false, refundRef: refundsOf(paymentIntent)[0]!.id });
    expect(orderStatus).toBe("refunded");
    const email = await emailWithSubject(s.smtp, user.email, `Refund for order #${order.id}`);
    expect(email.text).toContain("99.80");

    // Stripe's own charge.refunded for that refund arrives afterwards: nothing changes.
    const before = await snapshot(payment.payment_id);
    expect((await deliver(chargeRefunded(paymentIntent, 9980))).statusCode).toBe(200);
    expect(await snapshot(payment.payment_id)).toEqual(before);
    expect(await stockOf(variant.variantId)).toBe(5);

    // Refunding twice is an illegal move.
    const again = await http().post(`/api/admin/orders/${order.id}/refund/`, {}, admin.token);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "INVALID_ORDER_STATE" });
  });

  it("a shipped order cannot be refunded (409); nor a pending one; unknown → 404", async () => {
    const admin = await createShopper(s.t, "admin");
    const seller = await createShopper(s.t, "seller");
    const { order, payment } = await paidOrder({ quantity: 1, sellerId: seller.id });
    const shipping = await http().post(`/api/seller/order-items/${order.items[0]!.id}/ship/`, undefined, seller.token);
    expect(shipping.statusCode, shipping.body).toBe(200);
    expect((await snapshot(payment.payment_id)).orderStatus).toBe("shipped");
    const shipped = await http().post(`/api/admin/orders/${order.id}/refund/`, undefined, admin.token);
    expect(shipped.statusCode).toBe(409);
    expect(shipped.json()).toMatchObject({ code: "INVALID_ORDER_STATE" });
    expect((await snapshot(payment.payment_id)).payment).toMatchObject({ status: "succeeded", refundRequired: false });

    const user = await createShopper(s.t);
    const { order: pending } = await placeOrder(user);
    expect((await http().post(`/api/admin/orders/${pending.id}/refund/`, undefined, admin.token)).statusCode).toBe(409);
    expect((await http().post(`/api/admin/orders/999999/refund/`, undefined, admin.token)).statusCode).toBe(404);
  });

  it("a customer (even the buyer) or a seller cannot refund (403); anonymous → 401", async () => {
    const { user, order, payment } = await paidOrder({ quantity: 1 });
    const seller = await createShopper(s.t, "seller");
    for (const token of [user.token, seller.token]) {
      const res = await http().post(`/api/admin/orders/${order.id}/refund/`, undefined, token);
      expect(res.statusCode).toBe(403);
    }
    expect((await http().post(`/api/admin/orders/${order.id}/refund/`, undefined)).statusCode).toBe(401);
    expect(await snapshot(payment.payment_id)).toMatchObject({ payment: { status: "succeeded" }, orderStatus: "paid" });
    expect(refundRequests(payment.payment_id)).toHaveLength(0);
  });
});

describe("money that arrives for an order that cannot take it", () => {
  it("a late payment on a cancelled order is flagged and refunded by the job; the order stays cancelled", async () => {
    const user = await createShopper(s.t);
    const { order, variant } = await placeOrder(user, { stock: 4, quantity: 1 });
    const payment = await initiate(user, order.id);
    expect((await http().post(`/api/orders/${order.id}/cancel/`, {}, user.token)).statusCode).toBe(200);
    const { session } = await payAtStripe(payment.payment_id);
    await refunded(payment.payment_id);
    expect(refundsOf(session.payment_intent!)).toHaveLength(1);
    expect(refundRequests(payment.payment_id)[0]!.params).toMatchObject({
      payment_intent: session.payment_intent,
      metadata: { payment_id: payment.payment_id },
    });
    expect((await snapshot(payment.payment_id)).orderStatus).toBe("cancelled");
    expect(await stockOf(variant.variantId)).toBe(4);
    await emailWithSubject(s.smtp, user.email, `Refund for order #${order.id}`);
  });

  it("a second payment for an already paid order is refunded; the order stays paid", async () => {
    const user = await createShopper(s.t);
    const { order } = await placeOrder(user, { quantity: 1 });
    const first = await initiate(user, order.id);
    // The buyer starts a second checkout for the same order (the first one flagged, so a new one opens).
    await s.t.db.payment.update({ where: { id: first.payment_id }, data: { reviewRequired: true } });
    const second = await initiate(user, order.id);
    expect(second.payment_id).not.toBe(first.payment_id);
    await s.t.db.payment.update({ where: { id: first.payment_id }, data: { reviewRequired: false } });
    await payAtStripe(first.payment_id);
    const { session } = await payAtStripe(second.payment_id);
    await refunded(second.payment_id);
    expect(refundsOf(session.payment_intent!)).toHaveLength(1);
    expect(await snapshot(first.payment_id)).toMatchObject({ payment: { status: "succeeded" }, orderStatus: "paid" });
  });

  it("an async success after the order expired is refunded too", async () => {
    const user = await createShopper(s.t);
    const { order } = await placeOrder(user, { quantity: 1 });
    const payment = await initiate(user, order.id);
    const session = s.stripe.pay([...s.stripe.sessions.values()].find((x) => x.client_reference_id === payment.payment_id)!.id);
    await deliver(stripeEvent("checkout.session.completed", { ...session, payment_status: "unpaid" }));
    await s.t.db.order.update({ where: { id: order.id }, data: { status: "cancelled" } });
    await deliver(stripeEvent("checkout.session.async_payment_succeeded", session));
    await refunded(payment.payment_id);
    expect(refundsOf(session.payment_intent!)).toHaveLength(1);
  });
});
