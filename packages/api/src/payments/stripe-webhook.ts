import type { Prisma } from "@shop/db";
import { inTransaction, type Context } from "../context.ts";
import { invalid, notFound } from "../errors.ts";
import { WebhookSignatureError, type PaymentEvent } from "./port.ts";
import { lockPayment, recordFailed, recordMoneyReceived, recordRefunded } from "./settle.ts";

/**
 * A Stripe webhook delivery: verified by the adapter (signature, 300 s tolerance), stored by
 * event id and applied once, in the same transaction as the payment and order change it makes.
 * A replay finds its id stored and changes nothing; unknown types are stored and acknowledged.
 */
export async function handleStripeWebhook(
  ctx: Context,
  rawBody: Buffer,
  signatureHeader: string | undefined,
): Promise<{ received: true }> {
  const gateway = ctx.payments;
  if (!gateway.readWebhook) throw notFound("Stripe webhooks are not enabled: PAYMENT_PROVIDER is not stripe.");
  let event: PaymentEvent;
  try {
    event = gateway.readWebhook(rawBody, signatureHeader);
  } catch (error) {
    if (error instanceof WebhookSignatureError) {
      throw invalid("Invalid Stripe webhook: missing, bad or expired signature.", { code: "INVALID_SIGNATURE" });
    }
    throw error;
  }

  await inTransaction(ctx, async (ctx) => {
    const intent = "paymentIntentId" in event ? event.paymentIntentId : null;
    // A concurrent delivery of the same event waits here on the primary key, then finds it stored.
    const stored = await ctx.db.$executeRaw`
      insert into stripe_events (id, type, payment_intent_id, event)
      values (${event.id}, ${event.type}, ${intent}, ${JSON.stringify(event)}::jsonb)
      on conflict (id) do nothing`;
    if (stored === 0) return;
    if (await applyEvent(ctx, event)) await markApplied(ctx, event.id);
  });
  return { received: true };
}

const markApplied = (ctx: Context, eventId: string) =>
  ctx.db.stripeEvent.update({ where: { id: eventId }, data: { appliedAt: new Date() } });

/** Applies one event; false when it has to wait for another (a refund before its payment's completion). */
async function applyEvent(ctx: Context, event: PaymentEvent): Promise<boolean> {
  switch (event.kind) {
    case "ignored":
      return true;
    case "paid":
      return applyPaid(ctx, event);
    case "pending": {
      const payment = await lockPayment(ctx.db, { id: event.paymentId });
      if (payment && event.paymentIntentId && !payment.paymentIntentId) {
        await ctx.db.payment.update({ where: { id: payment.id }, data: { paymentIntentId: event.paymentIntentId } });
      }
      return true;
    }
    case "failed": {
      const payment = await lockPayment(ctx.db, { id: event.paymentId });
      if (payment?.status === "initiated") {
        await recordFailed(ctx, payment);
      }
      return true;
    }
    case "refunded": {
      const payment = await lockPayment(ctx.db, { id: event.paymentId, paymentIntentId: event.paymentIntentId });
      if (!payment || payment.status === "initiated" || payment.status === "failed") return false;
      if (payment.status === "refunded") return true;
      if (!event.full) {
        ctx.logger.warn({ paymentId: payment.id, eventId: event.id }, "partial refund at Stripe: flagged for review");
        await ctx.db.payment.update({ where: { id: payment.id }, data: { reviewRequired: true } });
        return true;
      }
      await recordRefunded(ctx, payment, null);
      return true;
    }
  }
}

async function applyPaid(ctx: Context, event: Extract<PaymentEvent, { kind: "paid" }>): Promise<boolean> {
  const payment = await lockPayment(ctx.db, { id: event.paymentId, paymentIntentId: event.paymentIntentId });
  if (!payment || payment.provider !== "stripe") {
    ctx.logger.warn({ eventId: event.id, paymentId: event.paymentId }, "Stripe payment for no payment of this shop: ignored");
    return true;
  }
  const refs = {
    ...(event.paymentIntentId && !payment.paymentIntentId && { paymentIntentId: event.paymentIntentId }),
    ...(event.reference && !payment.providerRef && { providerRef: event.reference }),
  };
  if (payment.status === "succeeded" || payment.status === "refunded") return true;
  if (event.amount !== payment.amount || event.currency?.toLowerCase() !== ctx.payments.currency) {
    ctx.logger.warn(
      { paymentId: payment.id, expected: payment.amount, received: event.amount, currency: event.currency },
      "Stripe reports another amount than the payment's: flagged for review, not marked paid",
    );
    await ctx.db.payment.update({ where: { id: payment.id }, data: { reviewRequired: true, ...refs } });
    return true;
  }
  await recordMoneyReceived(ctx, payment, refs);
  // A refund that arrived before this completion was kept waiting: apply it now, in order.
  const intent = event.paymentIntentId ?? payment.paymentIntentId;
  if (intent) {
    const waiting = await ctx.db.stripeEvent.findMany({
      where: { paymentIntentId: intent, appliedAt: null, id: { not: event.id } },
      orderBy: { receivedAt: "asc" },
      select: { id: true, event: true },
    });
    for (const row of waiting) {
      if (await applyEvent(ctx, row.event as Prisma.JsonObject as unknown as PaymentEvent)) await markApplied(ctx, row.id);
    }
  }
  return true;
}
