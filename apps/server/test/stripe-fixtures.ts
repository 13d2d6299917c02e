import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { stripeGateway } from "@shop/api";
import { signStripePayload, startStripeStandIn, stripeEvent, type StripeStandIn } from "@shop/testing/stripe";
import { startSmtpServer, type TestSmtpServer } from "@shop/testing/smtp";
import { address, createShopper, createVariant, type Shopper } from "./orders-fixtures.ts";
import { httpClient, startTestApp, type TestApp } from "./support.ts";

export interface StripeTestApp {
  t: TestApp;
  smtp: TestSmtpServer;
  stripe: StripeStandIn;
  close(): Promise<void>;
}

/** The real server and worker with PAYMENT_PROVIDER=stripe, the SDK pointed at the local stand-in. */
export async function startStripeTestApp(): Promise<StripeTestApp> {
  const stripe = await startStripeStandIn();
  const smtp = await startSmtpServer();
  const t = await startTestApp({
    smtpUrl: smtp.url,
    worker: true,
    payments: (config) =>
      stripeGateway({
        secretKey: stripe.secretKey,
        webhookSecret: stripe.webhookSecret,
        currency: "eur",
        publicUrl: config.publicUrl,
        apiUrl: stripe.apiUrl,
        // The job, not the SDK, retries here: that is the retry these tests watch.
        maxNetworkRetries: 0,
      }),
  });
  return {
    t,
    smtp,
    stripe,
    async close() {
      await t.close();
      await smtp.close();
      await stripe.close();
    },
  };
}

export function stripeHelpers(s: () => StripeTestApp) {
  const http = () => httpClient(s().t.app);

  async function placeOrder(
    user: Shopper,
    options: { price?: number; quantity?: number; stock?: number; sellerId?: number } = {},
  ) {
    const v = await createVariant(s().t, {
      price: options.price ?? 4990,
      stock: options.stock ?? 10,
      ...(options.sellerId && { sellerId: options.sellerId }),
    });
    await http().post("/api/cart/add/", { variant_id: v.variantId, quantity: options.quantity ?? 2 }, user.token);
    const res = await http().post("/api/orders/create/", { shipping_address: address }, user.token);
    expect(res.statusCode, res.body).toBe(201);
    return { order: res.json() as { id: number; total: string; items: { id: number }[] }, variant: v };
  }

  async function initiate(user: Shopper, orderId: number) {
    const res = await http().post("/api/payments/initiate/", { order_id: orderId }, user.token);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { payment_id: string; amount: string; provider: string; payment_url: string };
  }

  /** The stand-in's session of a payment (the one the adapter created). */
  function sessionOf(paymentId: string) {
    const sessions = [...s().stripe.sessions.values()].filter((session) => session.metadata.payment_id === paymentId);
    expect(sessions).toHaveLength(1);
    return sessions[0]!;
  }

  /** POSTs a raw event body to the webhook, signed as Stripe signs it unless a header is given. */
  const deliver = (payload: string, signature: string | null = signStripePayload(payload, s().stripe.webhookSecret)) =>
    s().t.app.inject({
      method: "POST",
      url: "/api/payments/stripe/webhook/",
      headers: {
        "content-type": "application/json; charset=utf-8",
        ...(signature !== null && { "stripe-signature": signature }),
      },
      payload,
    });

  /** A buyer pays at Stripe: the session completes and Stripe sends `checkout.session.completed`. */
  async function payAtStripe(paymentId: string, overrides: object = {}) {
    const session = { ...s().stripe.pay(sessionOf(paymentId).id), ...overrides };
    const payload = stripeEvent("checkout.session.completed", session);
    const res = await deliver(payload);
    expect(res.statusCode, res.body).toBe(200);
    return { session, payload };
  }

  const chargeRefunded = (paymentIntent: string, amount: number, refunded = amount) =>
    stripeEvent("charge.refunded", {
      id: `ch_test_${randomBytes(8).toString("hex")}`,
      object: "charge",
      amount,
      amount_refunded: refunded,
      refunded: refunded === amount,
      currency: "eur",
      payment_intent: paymentIntent,
      metadata: {},
    });

  const snapshot = async (paymentId: string) => {
    const payment = await s().t.db.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { order: true } });
    return { payment, orderStatus: payment.order.status, orderUpdatedAt: payment.order.updatedAt };
  };

  const stockOf = async (variantId: number) =>
    (await s().t.db.productVariant.findUniqueOrThrow({ where: { id: variantId } })).stock;

  return { http, placeOrder, initiate, sessionOf, deliver, payAtStripe, chargeRefunded, snapshot, stockOf, createShopper };
}
