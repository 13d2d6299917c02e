import { inTransaction, type Context } from "../context.ts";
import { notFound } from "../errors.ts";
import { afterStockChange, getOrder } from "../orders/service.ts";
import { transition } from "../orders/state.ts";
import { returnStock } from "../orders/stock.ts";
import type { OrderView } from "../orders/view.ts";
import { enqueueRefund, lockPayment, recordRefunded } from "./settle.ts";

/**
 * Staff refund a paid order before it ships: the order becomes refunded and its stock returns
 * at once; the money goes back through the gateway in a job (retried until the gateway
 * confirms), enqueued in the same transaction.
 */
export async function refundOrder(ctx: Context, orderId: number): Promise<OrderView> {
  await inTransaction(ctx, async (ctx) => {
    const order = await ctx.db.order.findUnique({ where: { id: orderId }, select: { id: true } });
    if (!order) throw notFound("No such order.");
    // Payments before the order, the order in which webhooks and callbacks lock them: no deadlock.
    const paid = await ctx.db.$queryRaw<{ id: string }[]>`
      select id::text as id from payments
      where order_id = ${orderId} and status = 'succeeded' and not refund_required
      order by id for update`;
    await transition(ctx.db, orderId, "refunded");
    await afterStockChange(ctx, await returnStock(ctx.db, orderId));
    await ctx.db.payment.updateMany({ where: { id: { in: paid.map((p) => p.id) } }, data: { refundRequired: true } });
    for (const payment of paid) await enqueueRefund(ctx.db, payment.id);
  });
  return getOrder(ctx, null, orderId);
}

/**
 * Job: gives a payment flagged `refund_required` back through its gateway. The gateway call is
 * idempotent per payment, so a retry after a lost answer refunds nothing twice; a failure throws
 * and graphile-worker retries with backoff.
 */
export async function refundPayment(ctx: Context, paymentId: string): Promise<void> {
  const payment = await ctx.db.payment.findUnique({
    where: { id: paymentId },
    select: { id: true, amount: true, status: true, provider: true, refundRequired: true, paymentIntentId: true },
  });
  if (!payment || payment.status !== "succeeded" || !payment.refundRequired) return;
  if (payment.provider !== ctx.payments.provider) {
    throw new Error(
      `payment ${paymentId} was made with ${payment.provider}; the ${ctx.payments.provider} gateway cannot refund it`,
    );
  }
  const refundRef = await ctx.payments.refund(payment);
  await inTransaction(ctx, async (ctx) => {
    const locked = await lockPayment(ctx.db, { id: paymentId });
    // The provider's own refund event may have recorded it first.
    if (locked?.status === "succeeded") await recordRefunded(ctx, locked, refundRef);
  });
  ctx.logger.info({ paymentId, refundRef }, "payment refunded");
}
