import { createHmac, timingSafeEqual } from "node:crypto";
import type { ApiConfig } from "../context.ts";
import { formatMoney } from "../shared/money.ts";

export type CallbackStatus = "success" | "failed";

export interface GatewayPayment {
  id: string;
  /** Minor units. */
  amount: number;
}

/**
 * The port to a payment provider: where the customer goes to pay, and whether a callback
 * really comes from the provider for this payment and amount.
 */
export interface PaymentGateway {
  readonly provider: string;
  paymentUrl(payment: GatewayPayment): string;
  verifyCallback(payment: GatewayPayment, status: CallbackStatus, signature: string): boolean;
}

/** The callback's signature: lowercase hex HMAC-SHA256 over `payment_id:status:amount` ("99.80"). */
export function signCallback(secret: string, paymentId: string, status: CallbackStatus, amount: number): string {
  return createHmac("sha256", secret)
    .update(`${paymentId}:${status}:${formatMoney(amount)}`)
    .digest("hex");
}

/** Constant-time comparison; a signature of the wrong length still costs one comparison. */
export function signaturesMatch(expected: string, given: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(given, "utf8");
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}

/**
 * The seed's simulated gateway: a page on this server (`/api/payments/{id}/pay/`) with
 * "Pay" and "Fail" buttons whose links carry the signed callback.
 */
export function simulatedGateway(config: Pick<ApiConfig, "paymentWebhookSecret" | "publicUrl">): PaymentGateway & {
  callbackUrl(payment: GatewayPayment, status: CallbackStatus): string;
} {
  return {
    provider: "simulated",
    paymentUrl: (payment) => `${config.publicUrl}/api/payments/${payment.id}/pay/`,
    callbackUrl(payment, status) {
      const query = new URLSearchParams({
        payment_id: payment.id,
        status,
        signature: signCallback(config.paymentWebhookSecret, payment.id, status, payment.amount),
      });
      return `${config.publicUrl}/api/payments/callback/?${query}`;
    },
    verifyCallback: (payment, status, signature) =>
      signaturesMatch(signCallback(config.paymentWebhookSecret, payment.id, status, payment.amount), signature.toLowerCase()),
  };
}
