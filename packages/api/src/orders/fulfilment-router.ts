import { z } from "zod";
import { pageOutput, paginationInput } from "../shared/pagination.ts";
import { adminProcedure, router, sellerProcedure } from "../trpc.ts";
import * as fulfilment from "./fulfilment.ts";
import { ORDER_STATUSES } from "./state.ts";
import { orderOutput } from "./view.ts";

const id = () => z.coerce.number().int().positive().max(2_147_483_647);

export const fulfilmentRouter = router({
  sellerItems: sellerProcedure
    .meta({
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
});
