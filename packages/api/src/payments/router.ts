import { z } from "zod";
import { moneyOutput } from "../shared/money.ts";
import { authedProcedure, publicProcedure, router } from "../trpc.ts";
import { ORDER_STATUSES } from "../orders/state.ts";
import { PAYMENT_STATUSES } from "./port.ts";
import * as payments from "./service.ts";
import { handleStripeWebhook } from "./stripe-webhook.ts";

/** What the payment pages show of a payment (the HTML is rendered by the host). */
const paymentSummary = z.object({
  paymentId: z.string(),
  orderId: z.number().int(),
  amount: moneyOutput(),
  status: z.enum(PAYMENT_STATUSES),
});

export const paymentsRouter = router({
  initiate: authedProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/payments/initiate/",
        tags: ["payments"],
        summary: "Start paying a pending order",
        description:
          "`payment_url` opens the provider's checkout: the simulated gateway's page, or a Stripe Checkout Session " +
          "(PAYMENT_PROVIDER=stripe). An attempt still open for the order is resumed, not duplicated. Order not own → 404; " +
          "not `pending` → 409; the provider unreachable → 503.",
      },
      successStatus: 201,
      errors: [404, 409],
    })
    .input(z.object({ order_id: z.number().int().positive().max(2_147_483_647) }))
    .output(
      z.object({
        payment_id: z.string(),
        order_id: z.number().int(),
        amount: moneyOutput(),
        status: z.literal("initiated"),
        provider: z.enum(["simulated", "stripe"]),
        payment_url: z.string(),
      }),
    )
    .mutation(({ ctx, input }) => payments.initiatePayment(ctx, input.order_id)),

  callback: publicProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/payments/callback/",
        tags: ["payments"],
        summary: "The gateway's signed result (applied once)",
        description:
          "`signature` is the lowercase hex HMAC-SHA256 with PAYMENT_WEBHOOK_SECRET over `payment_id:status:amount` " +
          '(amount as in JSON, e.g. "99.80"). Unknown payment or bad signature → 400 and nothing changes; a replay ' +
          "answers the same and changes nothing.",
        protect: false,
      },
    })
    .input(
      z.object({
        payment_id: z.uuid(),
        status: z.enum(["success", "failed"]),
        signature: z.string().min(1).max(128),
      }),
    )
    .output(
      z.object({
        payment_id: z.string(),
        status: z.enum(PAYMENT_STATUSES),
        order_status: z.enum(ORDER_STATUSES),
      }),
    )
    .query(({ ctx, input }) =>
      payments.handleCallback(ctx, { paymentId: input.payment_id, status: input.status, signature: input.signature }),
    ),

  // The simulated gateway's page (GET /api/payments/{id}/pay/, HTML rendered by the host).
  page: publicProcedure
    .input(z.object({ id: z.string().max(64) }))
    .output(paymentSummary.extend({ payUrl: z.string(), failUrl: z.string() }))
    .query(({ ctx, input }) => payments.paymentPage(ctx, input.id)),

  // Where the buyer lands back from Stripe Checkout (GET /api/payments/{id}/return/ and …/cancelled/, HTML).
  outcome: publicProcedure
    .input(z.object({ id: z.string().max(64) }))
    .output(paymentSummary.extend({ reviewRequired: z.boolean(), orderStatus: z.enum(ORDER_STATUSES) }))
    .query(({ ctx, input }) => payments.paymentOutcome(ctx, input.id)),

  // POST /api/payments/stripe/webhook/: the host hands over the raw body and the Stripe-Signature header.
  stripeWebhook: publicProcedure
    .input(
      z.object({
        rawBody: z.custom<Buffer>((value) => Buffer.isBuffer(value), "The raw request body."),
        signature: z.string().max(4096).optional(),
      }),
    )
    .output(z.object({ received: z.literal(true) }))
    .mutation(({ ctx, input }) => handleStripeWebhook(ctx, input.rawBody, input.signature)),
});
