import type { Context } from "../context.ts";
import type { MailMessage } from "../mail/mailer.ts";
import { escapeHtml } from "../shared/html.ts";
import { formatMoney } from "../shared/money.ts";

/** A payment's email to its buyer: the greeting, what happened, the payment's reference. */
function paymentEmail(to: string, username: string, subject: string, body: string, paymentId: string): MailMessage {
  return {
    to,
    subject,
    text: `Hello ${username},\n\n${body}\n\nPayment reference: ${paymentId}\n`,
    html: `<p>Hello ${escapeHtml(username)},</p><p>${escapeHtml(body)}</p><p>Payment reference: <code>${paymentId}</code></p>`,
  };
}

/** The payment with its buyer, if it is (still) in `status`. */
function paymentInStatus(ctx: Context, paymentId: string, status: "succeeded" | "refunded") {
  return ctx.db.payment.findFirst({
    where: { id: paymentId, status },
    select: {
      id: true,
      amount: true,
      orderId: true,
      refundRequired: true,
      order: { select: { user: { select: { email: true, username: true } } } },
    },
  });
}

export function paymentReceiptEmail(
  to: string,
  username: string,
  payment: { id: string; amount: number; orderId: number; refundRequired: boolean },
): MailMessage {
  const amount = formatMoney(payment.amount);
  const body = payment.refundRequired
    ? `We received ${amount} for order #${payment.orderId}, but the order could no longer be paid (it was cancelled or already paid). The amount will be refunded.`
    : `We received your payment of ${amount} for order #${payment.orderId}. Thank you!`;
  return paymentEmail(to, username, `Payment receipt for order #${payment.orderId}`, body, payment.id);
}

/** Job: the receipt of a succeeded payment. */
export async function sendPaymentReceipt(ctx: Context, paymentId: string): Promise<void> {
  const payment = await paymentInStatus(ctx, paymentId, "succeeded");
  if (payment) await ctx.mailer.send(paymentReceiptEmail(payment.order.user.email, payment.order.user.username, payment));
}

export function refundEmail(to: string, username: string, payment: { id: string; amount: number; orderId: number }): MailMessage {
  const body = `We have refunded ${formatMoney(payment.amount)} for order #${payment.orderId} to your original payment method. Depending on your bank it can take a few days to appear.`;
  return paymentEmail(to, username, `Refund for order #${payment.orderId}`, body, payment.id);
}

/** Job: tells the buyer their money is on its way back. */
export async function sendRefundEmail(ctx: Context, paymentId: string): Promise<void> {
  const payment = await paymentInStatus(ctx, paymentId, "refunded");
  if (payment) await ctx.mailer.send(refundEmail(payment.order.user.email, payment.order.user.username, payment));
}
