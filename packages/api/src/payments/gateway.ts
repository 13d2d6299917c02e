import { createHmac, timingSafeEqual } from "node:crypto";
import { formatMoney } from "../shared/money.ts";
import type { PaymentGateway } from "./port.ts";

export type CallbackStatus = "success" | "failed";

interface SignedPayment {
  id: string;
  /** Minor units. */
  amount: number;
}

interface SimulatedConfig {
  paymentWebhookSecret: string;
  publicUrl: string;
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

/** The simulated gateway's own links: the signed callback and its check. */
export function simulatedCallbacks(config: SimulatedConfig) {
  return {
    callbackUrl(payment: SignedPayment, status: CallbackStatus) {
      const query = new URLSearchParams({
        payment_id: payment.id,
        status,
        signature: signCallback(config.paymentWebhookSecret, payment.id, status, payment.amount),
      });
      return `${config.publicUrl}/api/payments/callback/?${query}`;
    },
    verifyCallback: (payment: SignedPayment, status: CallbackStatus, signature: string) =>
      signaturesMatch(signCallback(config.paymentWebhookSecret, payment.id, status, payment.amount), signature.toLowerCase()),
  };
}

/**
 * The seed's simulated gateway: a page on this server (`/api/payments/{id}/pay/`) with "Pay"
 * and "Fail" buttons whose links carry the signed callback. Its refunds move no money.
 */
export function simulatedGateway(config: SimulatedConfig): PaymentGateway {
  return {
    provider: "simulated",
    currency: "eur",
    initiate: async (payment) => ({ url: `${config.publicUrl}/api/payments/${payment.id}/pay/` }),
    refund: async (payment) => `simulated-refund-${payment.id}`,
  };
}
