import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { stripeGateway } from "../src/index.ts";

/**
 * The Stripe adapter against Stripe's own test mode. Runs only with a test-mode key:
 *   STRIPE_SECRET_KEY=sk_test_… pnpm exec vitest run packages/api/test/stripe-contract.test.ts
 * (never with a live key). The local stand-in tests cover everything else.
 */
const secretKey = process.env.STRIPE_SECRET_KEY ?? "";
const enabled = secretKey.startsWith("sk_test_");

describe.skipIf(!enabled)("the Stripe adapter against Stripe's test mode", () => {
  // Built lazily: describe bodies run while collecting, skipped or not.
  const gateway = () =>
    stripeGateway({
      secretKey,
      webhookSecret: "whsec_unused_here",
      currency: "eur",
      publicUrl: "https://shop.example",
    });
  const stripe = () => new Stripe(secretKey);

  it("creates one Checkout Session per payment, with its metadata, amount and return URLs", async () => {
    const payment = { id: randomUUID(), orderId: 4242, amount: 1234 };
    const first = await gateway().initiate(payment);
    const again = await gateway().initiate(payment); // the same idempotency key: the same session
    expect(again).toEqual(first);
    expect(first.reference).toMatch(/^cs_test_/);
    expect(first.url).toMatch(/^https:\/\/checkout\.stripe\.com\//);
    const session = await stripe().checkout.sessions.retrieve(first.reference!);
    expect(session).toMatchObject({
      mode: "payment",
      amount_total: 1234,
      currency: "eur",
      client_reference_id: payment.id,
      metadata: { payment_id: payment.id, order_id: "4242" },
      success_url: `https://shop.example/api/payments/${payment.id}/return/`,
      cancel_url: `https://shop.example/api/payments/${payment.id}/cancelled/`,
      payment_status: "unpaid",
    });
  });

  it("refunds a paid PaymentIntent once, even when asked twice", async () => {
    const intent = await stripe().paymentIntents.create({
      amount: 1500,
      currency: "eur",
      payment_method: "pm_card_visa",
      automatic_payment_methods: { enabled: true, allow_redirects: "never" },
      confirm: true,
    });
    expect(intent.status).toBe("succeeded");
    const payment = { id: randomUUID(), amount: 1500, paymentIntentId: intent.id };
    const refundId = await gateway().refund(payment);
    expect(await gateway().refund(payment)).toBe(refundId);
    const refunds = await stripe().refunds.list({ payment_intent: intent.id });
    expect(refunds.data.map((r) => r.id)).toEqual([refundId]);
  });

  it("a refund of an unknown PaymentIntent is refused", async () => {
    await expect(gateway().refund({ id: randomUUID(), amount: 100, paymentIntentId: "pi_does_not_exist" })).rejects.toThrow();
  });
});
