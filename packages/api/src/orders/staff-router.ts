import { z } from "zod";
import { paginationInput } from "../shared/pagination.ts";
import { adminProcedure, router } from "../trpc.ts";
import { listOrdersForStaff } from "./staff-orders.ts";
import { ORDER_STATUSES } from "./state.ts";
import { orderOutput } from "./view.ts";

// For the staff dashboard (typed client only): not part of API.md's REST contract, so no OpenAPI meta.
export const staffOrdersRouter = router({
  list: adminProcedure
    .input(
      z.object({
        id: z.number().int().positive().max(2_147_483_647).optional(),
        status: z.enum(ORDER_STATUSES).optional(),
        ...paginationInput,
      }),
    )
    .output(z.object({ count: z.number().int(), results: z.array(orderOutput) }))
    .query(({ ctx, input: { id, status, page, page_size } }) => listOrdersForStaff(ctx, { id, status }, { page, page_size })),
});
