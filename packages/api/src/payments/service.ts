import { inTransaction, type AuthedContext, type Context } from "../context.ts";
import { conflict, invalid, notFound } from "../errors.ts";
import { enqueueJob } from "../jobs/enqueue.ts";
import { moveOrder, type OrderStatus } from "../orders/state.ts";
import { formatMoney } from "../shared/money.ts";
import { simulatedGateway, type CallbackStatus } from "./gateway.ts";

export type PaymentStatus = "initiated" | "succeeded" | "failed";

/** The gateway in use. Only the simulated one exists; a real provider would be chosen here from config. */
export const gatewayFor = (ctx: Context) => simulatedGateway(ctx.config);

export interface InitiatedPayment {
  payment_id: string;
  order_id: number;
  amount: string;
  status: "initiated";
  payment_url: string;
}

/** A payment of the whole total of a pending order of the user's own. */
export async function initiatePayment(ctx: AuthedContext, orderId: number): Promise<InitiatedPayment> {
  const gateway = gatewayFor(ctx);
  const payment = await inTransaction(ctx, async ({ db: tx }) => {
    const [order] = await tx.$queryRaw<{ status: OrderStatus; total: number }[]>`
      select status::text as status, total from orders where id = ${orderId} and user_id = ${ctx.user.id} for update`;
    if (!order) throw notFound("No such order.");
    if (order.status !== "pending") {
      throw conflict(`Only pending orders can be paid; this order is ${order.status}.`, { code: "INVALID_ORDER_STATE" });
    }
    return tx.payment.create({
      data: { orderId, amount: order.total, provider: gateway.provider },
      select: { id: true, amount: true },
    });
  });
  return {
    payment_id: payment.id,
    order_id: orderId,
    amount: formatMoney(payment.amount),
    status: "initiated",
    payment_url: gateway.paymentUrl(payment),
  };
}

export interface CallbackResult {
  payment_id: string;
  status: PaymentStatus;
  order_status: OrderStatus;
}

const badCallback = () => invalid("Invalid payment callback: unknown payment or bad signature.", { code: "INVALID_SIGNATURE" });

/**
 * Applies a signed gateway callback once. The payment row is locked, so a replay (or a
 * concurrent duplicate) finds it already final and answers with the state it left. Money for
 * an order that can no longer take it (cancelled, or paid by another payment) is recorded and
 * flagged for refund.
 */
export async function handleCallback(
  ctx: Context,
  input: { paymentId: string; status: CallbackStatus; signature: string },
): Promise<CallbackResult> {
  const known = await ctx.db.payment.findUnique({ where: { id: input.paymentId }, select: { id: true, amount: true } });
  if (!known || !gatewayFor(ctx).verifyCallback(known, input.status, input.signature)) throw badCallback();

  const result = await inTransaction(ctx, async ({ db: tx }) => {
    const [payment] = await tx.$queryRaw<{ status: PaymentStatus; order_id: number }[]>`
      select status::text as status, order_id from payments where id = ${known.id}::uuid for update`;
    let status = payment!.status;
    if (status === "initiated") {
      status = input.status === "success" ? "succeeded" : "failed";
      let refundRequired = false;
      if (status === "succeeded") {
        refundRequired = !(await moveOrder(tx, payment!.order_id, "pending", "paid"));
        await enqueueJob(tx, "send_payment_receipt", { paymentId: known.id });
      }
      await tx.payment.update({ where: { id: known.id }, data: { status, refundRequired, completedAt: new Date() } });
      if (refundRequired)
        ctx.logger.warn({ paymentId: known.id, orderId: payment!.order_id }, "payment for an order that cannot take it: refund");
    }
    const order = await tx.order.findUniqueOrThrow({ where: { id: payment!.order_id }, select: { status: true } });
    return { payment_id: known.id, status, order_status: order.status };
  });
  return result;
}

export interface PaymentPage {
  paymentId: string;
  orderId: number;
  amount: string;
  status: PaymentStatus;
  payUrl: string;
  failUrl: string;
}

/** What the simulated gateway's page shows; 404 for an unknown payment. */
export async function paymentPage(ctx: Context, paymentId: string): Promise<PaymentPage> {
  const payment = /^[0-9a-f-]{36}$/i.test(paymentId)
    ? await ctx.db.payment.findUnique({
        where: { id: paymentId },
        select: { id: true, amount: true, orderId: true, status: true },
      })
    : null;
  if (!payment) throw notFound("No such payment.");
  const gateway = gatewayFor(ctx);
  return {
    paymentId: payment.id,
    orderId: payment.orderId,
    amount: formatMoney(payment.amount),
    status: payment.status,
    payUrl: gateway.callbackUrl(payment, "success"),
    failUrl: gateway.callbackUrl(payment, "failed"),
  };
}
