import type { Context } from "../context.ts";
import type { MailMessage } from "../mail/mailer.ts";
import { formatMoney } from "../shared/money.ts";
import { escapeHtml } from "../shared/html.ts";

interface Line {
  productName: string;
  variantName: string;
  sku: string;
  unitPrice: number;
  quantity: number;
}

export function orderConfirmationEmail(
  to: string,
  username: string,
  order: { id: number; total: number; items: Line[] },
  paymentMinutes: number,
): MailMessage {
  const lines = order.items.map(
    (i) =>
      `${i.quantity} × ${i.productName} (${i.variantName}, ${i.sku}) at ${formatMoney(i.unitPrice)} = ${formatMoney(i.unitPrice * i.quantity)}`,
  );
  return {
    to,
    subject: `Your Shop Luxe order #${order.id}`,
    text: `Hello ${username},\n\nThank you for your order #${order.id}.\n\n${lines.join("\n")}\n\nTotal: ${formatMoney(order.total)}\n\nPlease pay within ${paymentMinutes} minutes (POST /api/payments/initiate/ with order_id ${order.id}); unpaid orders are cancelled after that.\n`,
    html: `<p>Hello ${escapeHtml(username)},</p><p>Thank you for your order #${order.id}.</p><ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ul><p>Total: <strong>${formatMoney(order.total)}</strong></p><p>Please pay within ${paymentMinutes} minutes; unpaid orders are cancelled after that.</p>`,
  };
}

/** Job: the confirmation of a placed order. */
export async function sendOrderConfirmation(ctx: Context, orderId: number): Promise<void> {
  const order = await ctx.db.order.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      total: true,
      user: { select: { email: true, username: true } },
      items: {
        select: { productName: true, variantName: true, sku: true, unitPrice: true, quantity: true },
        orderBy: { id: "asc" },
      },
    },
  });
  if (!order) return;
  await ctx.mailer.send(
    orderConfirmationEmail(order.user.email, order.user.username, order, ctx.config.orderPaymentTimeoutMinutes),
  );
}
