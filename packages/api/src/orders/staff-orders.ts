import type { Prisma } from "@shop/db";
import type { Context } from "../context.ts";
import { pageWindow, type PageRequest } from "../shared/pagination.ts";
import type { OrderStatus } from "./state.ts";
import { orderSelect, toOrderView, type OrderView } from "./view.ts";

export interface StaffOrderFilter {
  id?: number;
  status?: OrderStatus;
}

/** Every customer's orders for staff, newest first: one by id, or by status. */
export async function listOrdersForStaff(
  ctx: Context,
  filter: StaffOrderFilter,
  page: PageRequest,
): Promise<{ count: number; results: OrderView[] }> {
  const where: Prisma.OrderWhereInput = { ...(filter.id && { id: filter.id }), ...(filter.status && { status: filter.status }) };
  const [count, orders] = await Promise.all([
    ctx.db.order.count({ where }),
    ctx.db.order.findMany({ where, select: orderSelect, orderBy: { id: "desc" }, ...pageWindow(page) }),
  ]);
  return { count, results: orders.map(toOrderView) };
}
