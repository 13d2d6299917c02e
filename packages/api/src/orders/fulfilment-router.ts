import { z } from "zod";
import { pageOutput, paginationInput } from "../shared/pagination.ts";
import { adminProcedure, router, sellerProcedure } from "../trpc.ts";
import { refundOrder } from "../payments/refunds.ts";
import * as fulfilment from "./fulfilment.ts";
import { ORDER_STATUSES } from "./state.ts";
import { orderOutput } from "./view.ts";

const id = () => z.coerce.number().int().positive().max(2_147_483_647);

export const fulfilmentRouter = router({
  sellerItems: sellerProcedure
    .meta({
      errors: [404],
      openapi: {
        method: "GET",
        path: "/seller/order-items/",
        tags: ["fulfilment"],
        summary: "Order lines of your products (sellers)",
        description: "Newest first; `status` filters by the order's status (ship the lines of `paid` orders).",
      },
    })
    .input(z.object({ ...paginationInput, status: z.enum(ORDER_STATUSES).optional() }))
    .output(pageOutput(fulfilment.sellerItemOutput))
    .query(({ ctx, input }) => fulfilment.listSellerItems(ctx, input, input.status)),

  shipItem: sellerProcedure
    .meta({
      errors: [404, 409],
      openapi: {
        method: "POST",
        path: "/seller/order-items/{id}/ship/",
        tags: ["fulfilment"],
        summary: "Mark an order line of your product shipped (sellers)",
        description:
          "Only lines of `paid` orders, once each (otherwise 409). When every line of the order is shipped the order " +
          "becomes `shipped`. Another seller's line → 404.",
      },
    })
    .input(z.object({ id: id() }))
    .output(fulfilment.sellerItemOutput)
    .mutation(({ ctx, input }) => fulfilment.shipItem(ctx, input.id)),

  markDelivered: adminProcedure
    .meta({
      errors: [404, 409],
      openapi: {
        method: "POST",
        path: "/admin/orders/{id}/deliver/",
        tags: ["fulfilment"],
        summary: "Mark a shipped order delivered (staff)",
        description: "Only `shipped` orders; any other status → 409 `INVALID_ORDER_STATE`.",
      },
    })
    .input(z.object({ id: id() }))
    .output(orderOutput)
    .mutation(({ ctx, input }) => fulfilment.markDelivered(ctx, input.id)),

  refund: adminProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/admin/orders/{id}/refund/",
        tags: ["fulfilment"],
        summary: "Refund a paid order before it ships (staff)",
        description:
          "Only `paid` orders (shipped, pending, cancelled… → 409 `INVALID_ORDER_STATE`). The order becomes `refunded` and " +
          "its stock returns at once; the payment is refunded through its gateway by a job (retried until the gateway " +
          "confirms; the payment shows `refund_required` until then), and the buyer gets a refund email.",
      },
      errors: [403, 404, 409],
    })
    .input(z.object({ id: id() }))
    .output(orderOutput)
    .mutation(({ ctx, input }) => refundOrder(ctx, input.id)),
});
