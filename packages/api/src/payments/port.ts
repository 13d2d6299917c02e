/**
 * The port to a payment provider (a leaf module: adapters and services import it, it imports
 * nothing). The composition root picks the adapter from PAYMENT_PROVIDER; services reach it as
 * `ctx.payments`.
 */

export type PaymentProvider = "simulated" | "stripe";

export const PAYMENT_STATUSES = ["initiated", "succeeded", "failed", "refunded"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export interface GatewayPayment {
  id: string;
  orderId: number;
  /** Minor units. */
  amount: number;
}

export interface StartedPayment {
  /** Where the buyer goes to pay. */
  url: string;
  /** The provider's id of this attempt (Stripe: the Checkout Session id), if it has one. */
  reference?: string;
}

export interface RefundablePayment {
  id: string;
  amount: number;
  /** Stripe: the PaymentIntent that took the money. */
  paymentIntentId: string | null;
}

/**
 * A provider's event, already verified and read into the shop's terms by the adapter:
 * - `paid`: money arrived for the payment (`amount` and `currency` as the provider saw them);
 * - `pending`: the buyer finished checkout but the money is still on its way (async methods);
 * - `failed`: the attempt ended without money (expired, declined);
 * - `refunded`: the provider returned money (`full` when all of it);
 * - `ignored`: a type the shop does not act on.
 */
export type PaymentEvent =
  | {
      id: string;
      type: string;
      kind: "paid";
      paymentId: string | null;
      amount: number | null;
      currency: string | null;
      reference: string | null;
      paymentIntentId: string | null;
    }
  | {
      id: string;
      type: string;
      kind: "pending";
      paymentId: string | null;
      reference: string | null;
      paymentIntentId: string | null;
    }
  | { id: string; type: string; kind: "failed"; paymentId: string | null; reference: string | null }
  | {
      id: string;
      type: string;
      kind: "refunded";
      paymentId: string | null;
      paymentIntentId: string | null;
      full: boolean;
      amountRefunded: number;
    }
  | { id: string; type: string; kind: "ignored" };

export class WebhookSignatureError extends Error {}

export interface PaymentGateway {
  readonly provider: PaymentProvider;
  /** The currency the provider charges in (lowercase ISO 4217). */
  readonly currency: string;
  /** Starts (or, for the same payment, resumes: idempotent) a payment at the provider. */
  initiate(payment: GatewayPayment): Promise<StartedPayment>;
  /** Returns the whole payment; the same payment twice is one refund. Returns the refund's id. */
  refund(payment: RefundablePayment): Promise<string>;
  /**
   * Verifies a webhook's raw body against its signature header and reads the event; throws
   * WebhookSignatureError when it is not the provider's. Absent: the provider sends no webhooks.
   */
  readWebhook?(rawBody: Buffer, signatureHeader: string | undefined): PaymentEvent;
}
