import { z } from "zod";
import { moneyOutput } from "../shared/money.ts";
import { authedProcedure, publicProcedure, router } from "../trpc.ts";
import { ORDER_STATUSES } from "../orders/state.ts";
import * as payments from "./service.ts";

export const paymentsRouter = router({
  initiate: authedProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/payments/initiate/",
        tags: ["payments"],
        summary: "Start paying a pending order",
        description: "`payment_url` opens the simulated gateway. Order not own → 404; not `pending` → 409.",
      },
      successStatus: 201,
    })
    .input(z.object({ order_id: z.number().int().positive().max(2_147_483_647) }))
    .output(
      z.object({
        payment_id: z.string(),
        order_id: z.number().int(),
        amount: moneyOutput(),
        status: z.literal("initiated"),
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
        status: z.enum(["initiated", "succeeded", "failed"]),
        order_status: z.enum(ORDER_STATUSES),
      }),
    )
    .query(({ ctx, input }) =>
      payments.handleCallback(ctx, { paymentId: input.payment_id, status: input.status, signature: input.signature }),
    ),

  // The simulated gateway's page (GET /api/payments/{id}/pay/, HTML rendered by the host).
  page: publicProcedure
    .input(z.object({ id: z.string().max(64) }))
    .output(
      z.object({
        paymentId: z.string(),
        orderId: z.number().int(),
        amount: moneyOutput(),
        status: z.enum(["initiated", "succeeded", "failed"]),
        payUrl: z.string(),
        failUrl: z.string(),
      }),
    )
    .query(({ ctx, input }) => payments.paymentPage(ctx, input.id)),
});
