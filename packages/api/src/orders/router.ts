import { z } from "zod";
import { pageOutput, paginationInput } from "../shared/pagination.ts";
import { authedProcedure, router } from "../trpc.ts";
import * as orders from "./service.ts";
import { orderOutput } from "./view.ts";

const text = (max: number) => z.string().trim().min(1).max(max);
const orderId = () => z.coerce.number().int().positive().max(2_147_483_647);

export const ordersRouter = router({
  create: authedProcedure
    .meta({
      errors: [409],
      openapi: {
        method: "POST",
        path: "/orders/create/",
        tags: ["orders"],
        summary: "Check out: the cart becomes a pending order",
        description:
          "Prices are copied from the variants now and stock is taken atomically. Empty cart → 400; " +
          'a line short of stock → 409 `OUT_OF_STOCK` with `fields["variants.<id>"]` for each such variant, and nothing changes.',
      },
      successStatus: 201,
    })
    .input(
      z.object({
        shipping_address: z.object({
          full_name: text(200),
          line1: text(255),
          line2: z.string().trim().max(255).default(""),
          city: text(120),
          postal_code: text(20),
          country: text(100),
        }),
      }),
    )
    .output(orderOutput)
    .mutation(({ ctx, input }) => orders.checkout(ctx, input.shipping_address)),

  list: authedProcedure
    .meta({ errors: [404], openapi: { method: "GET", path: "/orders/", tags: ["orders"], summary: "Your orders, newest first" } })
    .input(z.object(paginationInput))
    .output(pageOutput(orderOutput))
    .query(({ ctx, input }) => orders.listOrders(ctx, input)),

  detail: authedProcedure
    .meta({ errors: [404], openapi: { method: "GET", path: "/orders/{id}/", tags: ["orders"], summary: "One of your orders" } })
    .input(z.object({ id: orderId() }))
    .output(orderOutput)
    .query(({ ctx, input }) => orders.getOrder(ctx, ctx.user.id, input.id)),

  cancel: authedProcedure
    .meta({
      errors: [404, 409],
      openapi: {
        method: "POST",
        path: "/orders/{id}/cancel/",
        tags: ["orders"],
        summary: "Cancel your pending order (its stock returns)",
        description: "Only `pending` orders can be cancelled; any other status → 409 `INVALID_ORDER_STATE`.",
      },
    })
    .input(z.object({ id: orderId() }))
    .output(orderOutput)
    .mutation(({ ctx, input }) => orders.cancelOrder(ctx, input.id)),
});
