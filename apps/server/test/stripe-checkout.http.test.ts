import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signStripePayload, stripeEvent } from "@shop/testing/stripe";
import { emailWithSubject } from "./orders-fixtures.ts";
import { startStripeTestApp, stripeHelpers, type StripeTestApp } from "./stripe-fixtures.ts";

let s: StripeTestApp;
beforeAll(async () => {
  s = await startStripeTestApp();
});
afterAll(() => s.close());

const { http, placeOrder, initiate, sessionOf, deliver, payAtStripe, chargeRefunded, snapshot, stockOf, createShopper } =
  stripeHelpers(() => s);
const eventCount = () => s.t.db.stripeEvent.count();

describe("PAYMENT_PROVIDER=stripe: initiate creates a Checkout Session", () => {
  it("one session with the payment's metadata, idempotency key and return URLs; a retried initiate resumes it", async () => {
    const user = await createShopper(s.t);
    const { order } = await placeOrder(user);
    const payment = await initiate(user, order.id);
    const session = sessionOf(payment.payment_id);
    expect(payment).toEqual({
      payment_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      order_id: order.id,
      amount: "99.80",
      status: "initiated",
      provider: "stripe",
      payment_url: session.url,
    });
    expect(session).toMatchObject({
      mode: "payment",
      amount_total: 9980,
      currency: "eur",
      client_reference_id: payment.payment_id,
      metadata: { payment_id: payment.payment_id, order_id: String(order.id) },
      success_url: `http://shop.test/api/payments/${payment.payment_id}/return/`,
      cancel_url: `http://shop.test/api/payments/${payment.payment_id}/cancelled/`,
    });
    const created = () =>
      s.stripe.requests.filter((r) => r.path === "/v1/checkout/sessions" && r.params.client_reference_id === payment.payment_id);
    expect(created().map((r) => r.idempotencyKey)).toEqual([`checkout-session-${payment.payment_id}`]);
    expect((await snapshot(payment.payment_id)).payment.providerRef).toBe(session.id);

    const again = await initiate(user, order.id);
    expect(again).toEqual(payment);
    expect(created()).toHaveLength(2); // the same key twice…
    sessionOf(payment.payment_id); // …and still one session
    expect(await s.t.db.payment.count({ where: { orderId: order.id } })).toBe(1);

    const landing = await http().get(`/api/payments/${payment.payment_id}/return/`);
    expect(landing.statusCode).toBe(200);
    expect(landing.headers["content-type"]).toContain("text/html");
    expect(landing.body).toContain("Confirming your payment");
    const cancelled = await http().get(`/api/payments/${payment.payment_id}/cancelled/`);
    expect(cancelled.body).toContain("nothing was charged");
  });
});

describe("POST /api/payments/stripe/webhook/", () => {
  it("a signed checkout.session.completed → payment succeeded, order paid, receipt; the same event again → no change", async () => {
    const user = await createShopper(s.t);
    const { order } = await placeOrder(user);
    const payment = await initiate(user, order.id);
    const { session, payload } = await payAtStripe(payment.payment_id);
    const after = await snapshot(payment.payment_id);
    expect(after.orderStatus).toBe("paid");
    expect(after.payment).toMatchObject({ status: "succeeded", paymentIntentId: session.payment_intent, reviewRequired: false });
    const receipt = await emailWithSubject(s.smtp, user.email, `Payment receipt for order #${order.id}`);
    expect(receipt.text).toContain("99.80");

    const events = await eventCount();
    const replay = await deliver(payload);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual({ received: true });
    expect(await snapshot(payment.payment_id)).toEqual(after);
    expect(await eventCount()).toBe(events);
    // A late async_payment_failed for the same session changes nothing either.
    await deliver(stripeEvent("checkout.session.async_payment_failed", session));
    expect(await snapshot(payment.payment_id)).toEqual(after);

    const landing = await http().get(`/api/payments/${payment.payment_id}/return/`);
    expect(landing.body).toContain("Payment received");
    const detail = (await http().get(`/api/orders/${order.id}/`, user.token)).json();
    expect(detail.payments).toEqual([
      expect.objectContaining({ id: payment.payment_id, status: "succeeded", provider: "stripe", review_required: false }),
    ]);
  });

  it("concurrent deliveries (the same event thrice, and its async twin) apply once", async () => {
    const user = await createShopper(s.t);
    const { order, variant } = await placeOrder(user, { stock: 5, quantity: 2 });
    const payment = await initiate(user, order.id);
    const session = s.stripe.pay(sessionOf(payment.payment_id).id);
    const completed = stripeEvent("checkout.session.completed", session);
    const twin = stripeEvent("checkout.session.async_payment_succeeded", session);
    const answers = await Promise.all([completed, twin, completed, twin, completed].map((payload) => deliver(payload)));
    expect(answers.map((res) => res.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(await snapshot(payment.payment_id)).toMatchObject({ payment: { status: "succeeded" }, orderStatus: "paid" });
    const ids = [completed, twin].map((payload) => JSON.parse(payload).id as string);
    expect(await s.t.db.stripeEvent.count({ where: { id: { in: ids } } })).toBe(2);
    expect(await stockOf(variant.variantId)).toBe(3);
  });

  it("keeps the raw body: Stripe's pretty-printed JSON verifies byte for byte", async () => {
    const user = await createShopper(s.t);
    const { order } = await placeOrder(user, { quantity: 1 });
    const payment = await initiate(user, order.id);
    const session = s.stripe.pay(sessionOf(payment.payment_id).id);
    const pretty = JSON.stringify(JSON.parse(stripeEvent("checkout.session.completed", session)), null, 2);
    expect((await deliver(pretty)).statusCode).toBe(200);
    expect((await snapshot(payment.payment_id)).orderStatus).toBe("paid");
  });

  it("bad, missing or stale (> 300 s) signatures → 400 and nothing changes", async () => {
    const user = await createShopper(s.t);
    const { order } = await placeOrder(user);
    const payment = await initiate(user, order.id);
    const session = s.stripe.pay(sessionOf(payment.payment_id).id);
    const payload = stripeEvent("checkout.session.completed", session);
    const before = await snapshot(payment.payment_id);
    const events = await eventCount();
    const now = Math.floor(Date.now() / 1000);
    const cases: (string | null)[] = [
      signStripePayload(payload, "whsec_another_secret_of_someone_else"),
      signStripePayload(payload, s.stripe.webhookSecret, now - 301),
      `t=${now},v1=${"0".repeat(64)}`,
      "garbage",
      null,
      signStripePayload(payload.replace('"paid"', '"unpaid"'), s.stripe.webhookSecret), // signed for another body
    ];
    for (const signature of cases) {
      const res = await deliver(payload, signature);
      expect(res.statusCode, String(signature)).toBe(400);
      expect(res.json()).toMatchObject({ code: "INVALID_SIGNATURE", detail: expect.any(String) });
    }
    const notJson = await deliver("not json at all");
    expect(notJson.statusCode).toBe(400);
    expect(await snapshot(payment.payment_id)).toEqual(before);
    expect(await eventCount()).toBe(events);
    // Within the tolerance, the same event is accepted.
    expect((await deliver(payload, signStripePayload(payload, s.stripe.webhookSecret, now - 200))).statusCode).toBe(200);
    expect((await snapshot(payment.payment_id)).orderStatus).toBe("paid");
  });

  it("an amount_total that does not match → 200, not paid, flagged for review", async () => {
    const user = await createShopper(s.t);
    const { order } = await placeOrder(user);
    const payment = await initiate(user, order.id);
    await payAtStripe(payment.payment_id, { amount_total: 100 });
    const { payment: stored, orderStatus } = await snapshot(payment.payment_id);
    expect(stored).toMatchObject({ status: "initiated", reviewRequired: true });
    expect(orderStatus).toBe("pending");
    const landing = await http().get(`/api/payments/${payment.payment_id}/return/`);
    expect(landing.body).toContain("under review");
    // Another currency is no match either.
    const other = await placeOrder(user);
    const second = await initiate(user, other.order.id);
    await payAtStripe(second.payment_id, { currency: "usd" });
    expect((await snapshot(second.payment_id)).payment).toMatchObject({ status: "initiated", reviewRequired: true });
  });

  it("expired and async_payment_failed → payment failed, order still pending and payable again", async () => {
    const user = await createShopper(s.t);
    const { order } = await placeOrder(user);
    const first = await initiate(user, order.id);
    expect(
      (await deliver(stripeEvent("checkout.session.expired", { ...sessionOf(first.payment_id), status: "expired" }))).statusCode,
    ).toBe(200);
    expect(await snapshot(first.payment_id)).toMatchObject({ payment: { status: "failed" }, orderStatus: "pending" });

    const second = await initiate(user, order.id);
    expect(second.payment_id).not.toBe(first.payment_id);
    const session = s.stripe.pay(sessionOf(second.payment_id).id);
    // An async method (SEPA…): the session completes unpaid, then the payment fails.
    await deliver(stripeEvent("checkout.session.completed", { ...session, payment_status: "unpaid" }));
    expect((await snapshot(second.payment_id)).payment).toMatchObject({
      status: "initiated",
      paymentIntentId: session.payment_intent,
    });
    await deliver(stripeEvent("checkout.session.async_payment_failed", { ...session, payment_status: "unpaid" }));
    expect(await snapshot(second.payment_id)).toMatchObject({ payment: { status: "failed" }, orderStatus: "pending" });

    const third = await initiate(user, order.id);
    const paid = s.stripe.pay(sessionOf(third.payment_id).id);
    await deliver(stripeEvent("checkout.session.completed", { ...paid, payment_status: "unpaid" }));
    expect((await snapshot(third.payment_id)).orderStatus).toBe("pending");
    await deliver(stripeEvent("checkout.session.async_payment_succeeded", paid));
    expect(await snapshot(third.payment_id)).toMatchObject({ payment: { status: "succeeded" }, orderStatus: "paid" });
  });

  it("unknown event types → 200, stored and ignored", async () => {
    const payload = stripeEvent("customer.created", { id: "cus_test_1", object: "customer" });
    const res = await deliver(payload);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ received: true });
    const id = JSON.parse(payload).id as string;
    expect(await s.t.db.stripeEvent.findUnique({ where: { id } })).toMatchObject({ type: "customer.created" });
  });

  it("charge.refunded before checkout.session.completed: waits, then both apply in order", async () => {
    const user = await createShopper(s.t);
    const { order, variant } = await placeOrder(user, { stock: 6, quantity: 2 });
    const payment = await initiate(user, order.id);
    const session = s.stripe.pay(sessionOf(payment.payment_id).id);
    expect((await deliver(chargeRefunded(session.payment_intent!, 9980))).statusCode).toBe(200);
    expect(await snapshot(payment.payment_id)).toMatchObject({ payment: { status: "initiated" }, orderStatus: "pending" });

    await deliver(stripeEvent("checkout.session.completed", session));
    const { payment: stored, orderStatus } = await snapshot(payment.payment_id);
    expect(stored).toMatchObject({ status: "refunded", refundRequired: false });
    expect(orderStatus).toBe("refunded");
    expect(await stockOf(variant.variantId)).toBe(6);
    expect(await s.t.db.stripeEvent.count({ where: { paymentIntentId: session.payment_intent, appliedAt: null } })).toBe(0);
    await emailWithSubject(s.smtp, user.email, `Refund for order #${order.id}`);
  });

  it("charge.refunded from Stripe's dashboard refunds a paid order; a partial refund is flagged instead", async () => {
    const user = await createShopper(s.t);
    const { order, variant } = await placeOrder(user, { stock: 3, quantity: 1, price: 2500 });
    const payment = await initiate(user, order.id);
    const { session } = await payAtStripe(payment.payment_id);
    expect(await stockOf(variant.variantId)).toBe(2);
    await deliver(chargeRefunded(session.payment_intent!, 2500, 1000));
    expect(await snapshot(payment.payment_id)).toMatchObject({
      payment: { status: "succeeded", reviewRequired: true },
      orderStatus: "paid",
    });
    await deliver(chargeRefunded(session.payment_intent!, 2500));
    expect(await snapshot(payment.payment_id)).toMatchObject({ payment: { status: "refunded" }, orderStatus: "refunded" });
    expect(await stockOf(variant.variantId)).toBe(3);
  });

  it("the simulated callback does not accept Stripe payments", async () => {
    const user = await createShopper(s.t);
    const { order } = await placeOrder(user);
    const payment = await initiate(user, order.id);
    const res = await http().get(
      `/api/payments/callback/?payment_id=${payment.payment_id}&status=success&signature=${"0".repeat(64)}`,
    );
    expect(res.statusCode).toBe(400);
    expect((await http().get(`/api/payments/${payment.payment_id}/pay/`)).statusCode).toBe(404);
  });
});
