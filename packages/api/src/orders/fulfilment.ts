import { z } from "zod";
import type { Prisma } from "@shop/db";
import { inTransaction, type AuthedContext, type Context } from "../context.ts";
import { conflict, notFound } from "../errors.ts";
import { pageWindow, toPage, type Page, type PageRequest } from "../shared/pagination.ts";
import { getOrder } from "./service.ts";
import { moveOrder, ORDER_STATUSES, transition, type OrderStatus } from "./state.ts";
import { orderItemFields, shippingAddressOutput, toOrderItemFields, type OrderView } from "./view.ts";

const sellerItemSelect = {
  id: true,
  orderId: true,
  productId: true,
  variantId: true,
  productName: true,
  variantName: true,
  sku: true,
  unitPrice: true,
  quantity: true,
  shippedAt: true,
  order: { select: { status: true, shippingAddress: true, createdAt: true } },
} satisfies Prisma.OrderItemSelect;

export const sellerItemOutput = z.object({
  ...orderItemFields(),
  order_id: z.number().int(),
  order_status: z.enum(ORDER_STATUSES),
  product_id: z.number().int().nullable(),
  shipped_at: z.string().nullable(),
  shipping_address: shippingAddressOutput,
  ordered_at: z.string(),
});
export type SellerItemView = z.infer<typeof sellerItemOutput>;

function toSellerItem(item: Prisma.OrderItemGetPayload<{ select: typeof sellerItemSelect }>): SellerItemView {
  return {
    ...toOrderItemFields(item),
    order_id: item.orderId,
    order_status: item.order.status,
    product_id: item.productId,
    shipped_at: item.shippedAt?.toISOString() ?? null,
    shipping_address: item.order.shippingAddress as SellerItemView["shipping_address"],
    ordered_at: item.order.createdAt.toISOString(),
  };
}

/** The order lines of the seller's own products, newest first, optionally by order status. */
export async function listSellerItems(
  ctx: AuthedContext,
  page: PageRequest,
  status?: OrderStatus,
): Promise<Page<SellerItemView>> {
  const where: Prisma.OrderItemWhereInput = { sellerId: ctx.user.id, ...(status && { order: { status } }) };
  const [count, items] = await Promise.all([
    ctx.db.orderItem.count({ where }),
    ctx.db.orderItem.findMany({ where, select: sellerItemSelect, orderBy: { id: "desc" }, ...pageWindow(page) }),
  ]);
  return toPage(items.map(toSellerItem), count, page, `${ctx.config.publicUrl}/api/seller/order-items/`, { status });
}

/**
 * A seller ships one line of a paid order; when no line of the order is left unshipped, the
 * order becomes `shipped`. Lines of other sellers are 404.
 */
export async function shipItem(ctx: AuthedContext, itemId: number): Promise<SellerItemView> {
  await inTransaction(ctx, async ({ db: tx }) => {
    const item = await tx.orderItem.findFirst({
      where: { id: itemId, sellerId: ctx.user.id },
      select: { orderId: true, shippedAt: true },
    });
    if (!item) throw notFound("No such order item.");
    // Locks the order: two sellers shipping the last two lines at once both see the other's.
    const [order] = await tx.$queryRaw<
      { status: OrderStatus }[]
    >`select status::text as status from orders where id = ${item.orderId} for update`;
    if (order!.status !== "paid") {
      throw conflict(`Only lines of paid orders can be shipped; this order is ${order!.status}.`, {
        code: "INVALID_ORDER_STATE",
      });
    }
    if (item.shippedAt) throw conflict("This line is already shipped.", { code: "ALREADY_SHIPPED" });
    await tx.orderItem.update({ where: { id: itemId }, data: { shippedAt: new Date() } });
    const unshipped = await tx.orderItem.count({ where: { orderId: item.orderId, shippedAt: null } });
    if (unshipped === 0) await moveOrder(tx, item.orderId, "paid", "shipped");
  });
  const item = await ctx.db.orderItem.findUniqueOrThrow({ where: { id: itemId }, select: sellerItemSelect });
  return toSellerItem(item);
}

/** Staff confirm delivery (the carrier's word reaches the shop through an admin). */
export async function markDelivered(ctx: Context, orderId: number): Promise<OrderView> {
  await inTransaction(ctx, async ({ db: tx }) => {
    const order = await tx.order.findUnique({ where: { id: orderId }, select: { id: true } });
    if (!order) throw notFound("No such order.");
    await transition(tx, orderId, "delivered");
  });
  return getOrder(ctx, null, orderId);
}
