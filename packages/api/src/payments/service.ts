import { inTransaction, type AuthedContext, type Context } from "../context.ts";
import { conflict, DomainError, invalid, notFound } from "../errors.ts";
import type { OrderStatus } from "../orders/state.ts";
import { formatMoney } from "../shared/money.ts";
import { simulatedCallbacks, type CallbackStatus } from "./gateway.ts";
import type { PaymentProvider, PaymentStatus } from "./port.ts";
import { lockPayment, recordFailed, recordMoneyReceived } from "./settle.ts";

export type { PaymentStatus } from "./port.ts";

export interface InitiatedPayment {
  payment_id: string;
  order_id: number;
  amount: string;
  status: "initiated";
  provider: PaymentProvider;
  payment_url: string;
}

const providerUnavailable = () =>
  new DomainError("SERVICE_UNAVAILABLE", "The payment provider could not be reached. Please try again shortly.", {
    code: "PAYMENT_PROVIDER_UNAVAILABLE",
    retryAfter: 5,
  });

/**
 * A payment of the whole total of a pending order of the user's own, through `ctx.payments`.
 * An attempt still open for the order (same provider, nothing flagged) is resumed rather than
 * a new one opened: the provider call is idempotent per payment, so a retried initiate lands
 * on the same checkout session.
 */
export async function initiatePayment(ctx: AuthedContext, orderId: number): Promise<InitiatedPayment> {
  const gateway = ctx.payments;
  const payment = await inTransaction(ctx, async ({ db: tx }) => {
    const [order] = await tx.$queryRaw<{ status: OrderStatus; total: number }[]>`
      select status::text as status, total from orders where id = ${orderId} and user_id = ${ctx.user.id} for update`;
    if (!order) throw notFound("No such order.");
    if (order.status !== "pending") {
      throw conflict(`Only pending orders can be paid; this order is ${order.status}.`, { code: "INVALID_ORDER_STATE" });
    }
    const open = await tx.payment.findFirst({
      where: { orderId, status: "initiated", provider: gateway.provider, amount: order.total, reviewRequired: false },
      select: { id: true, amount: true },
      orderBy: { createdAt: "desc" },
    });
    return (
      open ??
      tx.payment.create({
        data: { orderId, amount: order.total, provider: gateway.provider },
        select: { id: true, amount: true },
      })
    );
  });
  // Outside the transaction: no row lock is held across a call to the provider.
  const started = await gateway.initiate({ id: payment.id, orderId, amount: payment.amount }).catch((error: unknown) => {
    ctx.logger.error({ err: error, paymentId: payment.id }, "payment provider refused or unreachable");
    throw providerUnavailable();
  });
  if (started.reference) {
    await ctx.db.payment.updateMany({ where: { id: payment.id, providerRef: null }, data: { providerRef: started.reference } });
  }
  return {
    payment_id: payment.id,
    order_id: orderId,
    amount: formatMoney(payment.amount),
    status: "initiated",
    provider: gateway.provider,
    payment_url: started.url,
  };
}

export interface CallbackResult {
  payment_id: string;
  status: PaymentStatus;
  order_status: OrderStatus;
}

const badCallback = () => invalid("Invalid payment callback: unknown payment or bad signature.", { code: "INVALID_SIGNATURE" });

/**
 * Applies a signed callback of the simulated gateway once. The payment row is locked, so a
 * replay (or a concurrent duplicate) finds it already final and answers with the state it
 * left. Money for an order that can no longer take it is recorded and refunded by a job.
 */
export async function handleCallback(
  ctx: Context,
  input: { paymentId: string; status: CallbackStatus; signature: string },
): Promise<CallbackResult> {
  const known = await ctx.db.payment.findUnique({
    where: { id: input.paymentId },
    select: { id: true, amount: true, provider: true },
  });
  const callbacks = simulatedCallbacks(ctx.config);
  if (!known || known.provider !== "simulated" || !callbacks.verifyCallback(known, input.status, input.signature)) {
    throw badCallback();
  }

  return inTransaction(ctx, async (ctx) => {
    const payment = (await lockPayment(ctx.db, { id: known.id }))!;
    let status = payment.status;
    if (status === "initiated") {
      if (input.status === "success") {
        await recordMoneyReceived(ctx, payment);
        status = "succeeded";
      } else {
        await recordFailed(ctx, payment);
        status = "failed";
      }
    }
    const order = await ctx.db.order.findUniqueOrThrow({ where: { id: payment.orderId }, select: { status: true } });
    return { payment_id: known.id, status, order_status: order.status };
  });
}

export interface PaymentPage {
  paymentId: string;
  orderId: number;
  amount: string;
  status: PaymentStatus;
  payUrl: string;
  failUrl: string;
}

const findPayment = (ctx: Context, paymentId: string) =>
  /^[0-9a-f-]{36}$/i.test(paymentId)
    ? ctx.db.payment.findUnique({
        where: { id: paymentId },
        select: { id: true, amount: true, orderId: true, status: true, provider: true, reviewRequired: true },
      })
    : Promise.resolve(null);

/** What the simulated gateway's page shows; 404 for an unknown payment or another provider's. */
export async function paymentPage(ctx: Context, paymentId: string): Promise<PaymentPage> {
  const payment = await findPayment(ctx, paymentId);
  if (!payment || payment.provider !== "simulated") throw notFound("No such payment.");
  const callbacks = simulatedCallbacks(ctx.config);
  return {
    paymentId: payment.id,
    orderId: payment.orderId,
    amount: formatMoney(payment.amount),
    status: payment.status,
    payUrl: callbacks.callbackUrl(payment, "success"),
    failUrl: callbacks.callbackUrl(payment, "failed"),
  };
}

export interface PaymentOutcome {
  paymentId: string;
  orderId: number;
  amount: string;
  status: PaymentStatus;
  reviewRequired: boolean;
  orderStatus: OrderStatus;
}

/** Where a buyer lands back from the provider's checkout: the payment and order as they stand. */
export async function paymentOutcome(ctx: Context, paymentId: string): Promise<PaymentOutcome> {
  const payment = await findPayment(ctx, paymentId);
  if (!payment) throw notFound("No such payment.");
  const order = await ctx.db.order.findUniqueOrThrow({ where: { id: payment.orderId }, select: { status: true } });
  return {
    paymentId: payment.id,
    orderId: payment.orderId,
    amount: formatMoney(payment.amount),
    status: payment.status,
    reviewRequired: payment.reviewRequired,
    orderStatus: order.status,
  };
}
