import type { Prisma, Tx } from "@shop/db";
import { conflict } from "../errors.ts";

export type OrderStatus = "pending" | "paid" | "shipped" | "delivered" | "cancelled" | "refunded";
export const ORDER_STATUSES = ["pending", "paid", "shipped", "delivered", "cancelled", "refunded"] as const;

/** Every legal move of an order; anything else is a 409. */
const nextStatuses: Record<OrderStatus, readonly OrderStatus[]> = {
  pending: ["paid", "cancelled"],
  paid: ["shipped", "refunded"],
  shipped: ["delivered"],
  delivered: [],
  cancelled: [],
  refunded: [],
};

export const canMove = (from: OrderStatus, to: OrderStatus) => nextStatuses[from].includes(to);

export const illegalTransition = (from: OrderStatus, to: OrderStatus) =>
  conflict(`An order that is ${from} cannot become ${to}.`, { code: "INVALID_ORDER_STATE" });

/**
 * Moves an order from `from` to `to` if it is still `from` (a conditional update, so two
 * racing moves cannot both win). Returns false when the order had already moved on.
 */
export async function moveOrder(tx: Tx, orderId: number, from: OrderStatus, to: OrderStatus): Promise<boolean> {
  if (!canMove(from, to)) throw illegalTransition(from, to);
  const where: Prisma.OrderWhereInput = { id: orderId, status: from };
  const { count } = await tx.order.updateMany({ where, data: { status: to } });
  return count === 1;
}

/** Reads the order's status under a row lock and moves it, or throws 409 for an illegal move. */
export async function transition(tx: Tx, orderId: number, to: OrderStatus): Promise<void> {
  const [row] = await tx.$queryRaw<
    { status: OrderStatus }[]
  >`select status::text as status from orders where id = ${orderId} for update`;
  if (!row) throw new Error(`order ${orderId} vanished`);
  if (!canMove(row.status, to)) throw illegalTransition(row.status, to);
  await moveOrder(tx, orderId, row.status, to);
}
