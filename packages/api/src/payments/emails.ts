import type { Context } from "../context.ts";
import type { MailMessage } from "../mail/mailer.ts";
import { escapeHtml } from "../orders/emails.ts";
import { formatMoney } from "../shared/money.ts";

export function paymentReceiptEmail(
  to: string,
  username: string,
  payment: { id: string; amount: number; orderId: number; refundRequired: boolean },
): MailMessage {
  const amount = formatMoney(payment.amount);
  const body = payment.refundRequired
    ? `We received ${amount} for order #${payment.orderId}, but the order could no longer be paid (it was cancelled or already paid). The amount will be refunded.`
    : `We received your payment of ${amount} for order #${payment.orderId}. Thank you!`;
  return {
    to,
    subject: `Payment receipt for order #${payment.orderId}`,
    text: `Hello ${username},\n\n${body}\n\nPayment reference: ${payment.id}\n`,
    html: `<p>Hello ${escapeHtml(username)},</p><p>${escapeHtml(body)}</p><p>Payment reference: <code>${payment.id}</code></p>`,
  };
}

/** Job: the receipt of a succeeded payment. */
export async function sendPaymentReceipt(ctx: Context, paymentId: string): Promise<void> {
  const payment = await ctx.db.payment.findUnique({
    where: { id: paymentId },
    select: {
      id: true,
      amount: true,
      orderId: true,
      status: true,
      refundRequired: true,
      order: { select: { user: { select: { email: true, username: true } } } },
    },
  });
  if (!payment || payment.status !== "succeeded") return;
  await ctx.mailer.send(paymentReceiptEmail(payment.order.user.email, payment.order.user.username, payment));
}

export function refundEmail(to: string, username: string, payment: { id: string; amount: number; orderId: number }): MailMessage {
  const body = `We have refunded ${formatMoney(payment.amount)} for order #${payment.orderId} to your original payment method. Depending on your bank it can take a few days to appear.`;
  return {
    to,
    subject: `Refund for order #${payment.orderId}`,
    text: `Hello ${username},\n\n${body}\n\nPayment reference: ${payment.id}\n`,
    html: `<p>Hello ${escapeHtml(username)},</p><p>${escapeHtml(body)}</p><p>Payment reference: <code>${payment.id}</code></p>`,
  };
}

/** Job: tells the buyer their money is on its way back. */
export async function sendRefundEmail(ctx: Context, paymentId: string): Promise<void> {
  const payment = await ctx.db.payment.findUnique({
    where: { id: paymentId },
    select: {
      id: true,
      amount: true,
      orderId: true,
      status: true,
      order: { select: { user: { select: { email: true, username: true } } } },
    },
  });
  if (!payment || payment.status !== "refunded") return;
  await ctx.mailer.send(refundEmail(payment.order.user.email, payment.order.user.username, payment));
}
