import { Prisma, type Tx } from "@shop/db";
import type { Context } from "../context.ts";
import { enqueueJob } from "../jobs/enqueue.ts";
import { afterStockChange } from "../orders/service.ts";
import { moveOrder, type OrderStatus } from "../orders/state.ts";
import { returnStock } from "../orders/stock.ts";
import type { PaymentStatus } from "./port.ts";

/** A payment row read under its lock (FOR UPDATE): what the moves below need. */
export interface LockedPayment {
  id: string;
  orderId: number;
  amount: number;
  status: PaymentStatus;
  provider: string;
  refundRequired: boolean;
  paymentIntentId: string | null;
  providerRef: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Locks a payment by its id or by its Stripe PaymentIntent; null when there is none. */
export async function lockPayment(
  tx: Tx,
  key: { id?: string | null; paymentIntentId?: string | null },
): Promise<LockedPayment | null> {
  const id = key.id && UUID.test(key.id) ? key.id : null;
  const byId = id ? Prisma.sql`id = ${id}::uuid` : Prisma.sql`false`;
  const byIntent = key.paymentIntentId ? Prisma.sql`payment_intent_id = ${key.paymentIntentId}` : Prisma.sql`false`;
  const [row] = await tx.$queryRaw<LockedPayment[]>`
    select id::text as id, order_id as "orderId", amount, status::text as status, provider,
           refund_required as "refundRequired", payment_intent_id as "paymentIntentId", provider_ref as "providerRef"
    from payments where ${byId} or ${byIntent}
    order by case when ${byId} then 0 else 1 end limit 1 for update`;
  return row ?? null;
}

/** The refund of a payment is a job, retried until the gateway confirms; one per payment. */
export const enqueueRefund = (tx: Tx, paymentId: string) =>
  enqueueJob(tx, "refund_payment", { paymentId }, { jobKey: `refund_payment:${paymentId}` });

/**
 * Money arrived for the payment: it succeeds and its order becomes paid, or, when the order can
 * no longer take it (cancelled, or paid by another payment), the money is flagged and a refund
 * job enqueued. The receipt email goes out either way. Runs inside the caller's transaction.
 */
export async function recordMoneyReceived(
  ctx: Context,
  payment: LockedPayment,
  refs: { paymentIntentId?: string | null; providerRef?: string | null } = {},
): Promise<void> {
  const refundRequired = !(await moveOrder(ctx.db, payment.orderId, "pending", "paid"));
  await ctx.db.payment.update({
    where: { id: payment.id },
    data: {
      status: "succeeded",
      refundRequired,
      completedAt: new Date(),
      ...(refs.paymentIntentId && { paymentIntentId: refs.paymentIntentId }),
      ...(refs.providerRef && { providerRef: refs.providerRef }),
    },
  });
  await enqueueJob(ctx.db, "send_payment_receipt", { paymentId: payment.id });
  if (refundRequired) {
    ctx.logger.warn({ paymentId: payment.id, orderId: payment.orderId }, "payment for an order that cannot take it: refunding");
    await enqueueRefund(ctx.db, payment.id);
  }
}

/** The provider declined the payment: it fails and its order stays as it was. Runs inside the caller's transaction. */
export async function recordFailed(ctx: Context, payment: LockedPayment): Promise<void> {
  await ctx.db.payment.update({ where: { id: payment.id }, data: { status: "failed", completedAt: new Date() } });
}

/**
 * The provider gave the money back. The payment becomes refunded; if it is the payment that
 * paid its order and the order is still paid (not shipped), the order is refunded too and its
 * stock returns. The buyer gets a refund email. Runs inside the caller's transaction.
 */
export async function recordRefunded(ctx: Context, payment: LockedPayment, refundRef: string | null): Promise<void> {
  await ctx.db.payment.update({
    where: { id: payment.id },
    data: { status: "refunded", refundRequired: false, refundedAt: new Date(), ...(refundRef && { refundRef }) },
  });
  if (!payment.refundRequired) {
    const [order] = await ctx.db.$queryRaw<{ status: OrderStatus }[]>`
      select status::text as status from orders where id = ${payment.orderId} for update`;
    if (order?.status === "paid" && (await moveOrder(ctx.db, payment.orderId, "paid", "refunded"))) {
      await afterStockChange(ctx, await returnStock(ctx.db, payment.orderId));
    }
  }
  await enqueueJob(ctx.db, "send_refund_email", { paymentId: payment.id });
}
