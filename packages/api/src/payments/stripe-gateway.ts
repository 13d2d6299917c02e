import Stripe from "stripe";
import type { GatewayPayment, PaymentEvent, PaymentGateway, RefundablePayment } from "./port.ts";
import { WebhookSignatureError } from "./port.ts";

export interface StripeGatewayOptions {
  secretKey: string;
  webhookSecret: string;
  /** Lowercase ISO 4217, e.g. "eur". */
  currency: string;
  /** Where the buyer lands after paying or giving up: pages of this server. */
  publicUrl: string;
  /** Another API host (stripe-mock, a test stand-in): `http://127.0.0.1:12111`. */
  apiUrl?: string;
  /** The SDK's own retries of a failed request (same idempotency key). Default 2. */
  maxNetworkRetries?: number;
}

/** Stripe's documented webhook tolerance: a signature older than this is refused. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

function hostOptions(apiUrl: string | undefined): Pick<Stripe.StripeConfig, "host" | "port" | "protocol"> {
  if (!apiUrl) return {};
  const url = new URL(apiUrl);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return { host: url.hostname, port: url.port || (protocol === "http" ? 80 : 443), protocol };
}

const idOf = (value: string | { id: string } | null | undefined) => (typeof value === "string" ? value : (value?.id ?? null));

/**
 * The Stripe adapter: a Checkout Session per payment (its id is the idempotency key, so a
 * retried initiate resumes the same session), refunds of the PaymentIntent, and signed
 * webhooks read into PaymentEvents. The only module that knows the Stripe SDK.
 */
export function stripeGateway(options: StripeGatewayOptions): PaymentGateway {
  const stripe = new Stripe(options.secretKey, {
    ...hostOptions(options.apiUrl),
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    telemetry: false,
    appInfo: { name: "shop-luxe" },
  });
  const currency = options.currency.toLowerCase();

  return {
    provider: "stripe",
    currency,

    async initiate(payment: GatewayPayment) {
      const metadata = { payment_id: payment.id, order_id: String(payment.orderId) };
      const returnUrl = (page: string) => `${options.publicUrl}/api/payments/${payment.id}/${page}/`;
      const session = await stripe.checkout.sessions.create(
        {
          mode: "payment",
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency,
                unit_amount: payment.amount,
                product_data: { name: `Shop Luxe order #${payment.orderId}` },
              },
            },
          ],
          client_reference_id: payment.id,
          metadata,
          // Copied onto the PaymentIntent, so its charge and refund events name the payment too.
          payment_intent_data: { metadata },
          success_url: returnUrl("return"),
          cancel_url: returnUrl("cancelled"),
        },
        { idempotencyKey: `checkout-session-${payment.id}` },
      );
      if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a url`);
      return { url: session.url, reference: session.id };
    },

    async refund(payment: RefundablePayment) {
      if (!payment.paymentIntentId) throw new Error(`payment ${payment.id} has no PaymentIntent to refund`);
      const refund = await stripe.refunds.create(
        { payment_intent: payment.paymentIntentId, metadata: { payment_id: payment.id } },
        { idempotencyKey: `refund-${payment.id}` },
      );
      if (refund.status === "failed" || refund.status === "canceled") {
        throw new Error(`Stripe refund ${refund.id} of payment ${payment.id} is ${refund.status}`);
      }
      return refund.id;
    },

    readWebhook(rawBody, signatureHeader) {
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(rawBody, signatureHeader ?? "", options.webhookSecret, WEBHOOK_TOLERANCE_SECONDS);
      } catch (error) {
        throw new WebhookSignatureError(error instanceof Error ? error.message : "invalid signature");
      }
      return toPaymentEvent(event);
    },
  };
}

/** The §7 events in the shop's terms; every other type is acknowledged and ignored. */
export function toPaymentEvent(event: Stripe.Event): PaymentEvent {
  const base = { id: event.id, type: event.type };
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded": {
      const session = event.data.object;
      const fields = {
        ...base,
        paymentId: session.metadata?.payment_id ?? session.client_reference_id ?? null,
        reference: session.id,
        paymentIntentId: idOf(session.payment_intent),
      };
      if (session.payment_status !== "paid") return { ...fields, kind: "pending" };
      return { ...fields, kind: "paid", amount: session.amount_total ?? null, currency: session.currency ?? null };
    }
    case "checkout.session.async_payment_failed":
    case "checkout.session.expired": {
      const session = event.data.object;
      return {
        ...base,
        kind: "failed",
        paymentId: session.metadata?.payment_id ?? session.client_reference_id ?? null,
        reference: session.id,
      };
    }
    case "charge.refunded": {
      const charge = event.data.object;
      return {
        ...base,
        kind: "refunded",
        paymentId: charge.metadata?.payment_id ?? null,
        paymentIntentId: idOf(charge.payment_intent),
        full: charge.refunded,
        amountRefunded: charge.amount_refunded,
      };
    }
    default:
      return { ...base, kind: "ignored" };
  }
}
