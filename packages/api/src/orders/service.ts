import type { Prisma } from "@shop/db";
import { lockCart } from "../cart/service.ts";
import { bumpProducts } from "../catalog/cache-names.ts";
import { inTransaction, type AuthedContext, type Context } from "../context.ts";
import { conflict, invalid, notFound, type FieldErrors } from "../errors.ts";
import { enqueueJobs, type JobSpec } from "../jobs/enqueue.ts";
import { pageWindow, toPage, type Page, type PageRequest } from "../shared/pagination.ts";
import { transition } from "./state.ts";
import { returnStock, takeStock } from "./stock.ts";
import { orderSelect, toOrderView, type OrderView } from "./view.ts";

export interface ShippingAddress {
  full_name: string;
  line1: string;
  line2: string;
  city: string;
  postal_code: string;
  country: string;
}

const checkoutItemSelect = {
  id: true,
  quantity: true,
  variant: {
    select: { id: true, name: true, sku: true, price: true, product: { select: { id: true, name: true, sellerId: true } } },
  },
} satisfies Prisma.CartItemSelect;

/** Search indexes follow stock: one index job per product, collapsed by key with other writes. */
export function indexJobs(productIds: number[]): JobSpec[] {
  return [...new Set(productIds)]
    .sort((a, b) => a - b)
    .map((productId) => ({ task: "index_product", payload: { productId }, options: { jobKey: `index_product:${productId}` } }));
}

/** Stock changed: search documents are re-indexed by jobs, cached views retired after commit. */
export async function afterStockChange(ctx: Context, productIds: number[]): Promise<void> {
  await enqueueJobs(ctx.db, indexJobs(productIds));
  bumpProducts(ctx, productIds);
}

/**
 * Under a burst, checkouts queue for a pooled connection longer than Prisma's 2 s default
 * allows; waiting there is the intended back-pressure, the work inside stays short.
 */
export const CHECKOUT_TRANSACTION = { maxWait: 30_000, timeout: 10_000 };

/**
 * Turns the user's cart into a pending order in one transaction: prices, names and SKUs are
 * copied from the variants as they are now, stock is taken with a conditional update, the
 * cart is emptied and the confirmation email and payment deadline are enqueued. A line short
 * of stock rolls everything back (409 naming the variants).
 */
export async function checkout(ctx: AuthedContext, address: ShippingAddress): Promise<OrderView> {
  const userId = ctx.user.id;
  const timeoutMs = ctx.config.orderPaymentTimeoutMinutes * 60_000;
  const orderId = await inTransaction(
    ctx,
    async (ctx) => {
      const tx = ctx.db;
      const cartId = await lockCart(ctx);
      const items = await tx.cartItem.findMany({
        relationLoadStrategy: "join",
        where: { cartId },
        select: checkoutItemSelect,
        orderBy: { id: "asc" },
      });
      if (items.length === 0) throw invalid("Your cart is empty.", { code: "EMPTY_CART" });
      const total = items.reduce((sum, item) => sum + item.variant.price * item.quantity, 0);
      const order = await tx.order.create({
        data: {
          userId,
          total,
          shippingAddress: address as unknown as Prisma.InputJsonObject,
          items: {
            createMany: {
              data: items.map(({ quantity, variant }) => ({
                variantId: variant.id,
                productId: variant.product.id,
                sellerId: variant.product.sellerId,
                productName: variant.product.name,
                variantName: variant.name,
                sku: variant.sku,
                unitPrice: variant.price,
                quantity,
              })),
            },
          },
        },
        select: { id: true },
      });
      await tx.cartItem.deleteMany({ where: { id: { in: items.map((item) => item.id) } } });

      // Last, so the hot variant rows stay locked for as short a time as possible.
      const lines = items.map((item) => ({ variantId: item.variant.id, quantity: item.quantity }));
      const taken = await takeStock(tx, lines);
      const short = lines.filter((line) => !taken.has(line.variantId));
      if (short.length > 0) {
        const stock = await tx.productVariant.findMany({
          where: { id: { in: short.map((l) => l.variantId) } },
          select: { id: true, stock: true },
        });
        const fields: FieldErrors = {};
        for (const line of short) {
          const available = stock.find((v) => v.id === line.variantId)?.stock ?? 0;
          fields[`variants.${line.variantId}`] = [`Only ${available} in stock; ${line.quantity} requested.`];
        }
        throw conflict("Not enough stock for some items in your cart.", { code: "OUT_OF_STOCK", fields });
      }
      const productIds = items.map((item) => item.variant.product.id);
      await enqueueJobs(tx, [
        { task: "send_order_confirmation", payload: { orderId: order.id } },
        { task: "expire_order", payload: { orderId: order.id }, options: { runAt: new Date(Date.now() + timeoutMs) } },
        ...indexJobs(productIds),
      ]);
      bumpProducts(ctx, productIds);
      return order.id;
    },
    CHECKOUT_TRANSACTION,
  );
  return getOrder(ctx, userId, orderId);
}

export async function listOrders(ctx: AuthedContext, page: PageRequest): Promise<Page<OrderView>> {
  const where = { userId: ctx.user.id };
  const [count, orders] = await Promise.all([
    ctx.db.order.count({ where }),
    ctx.db.order.findMany({
      relationLoadStrategy: "join",
      where,
      select: orderSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      ...pageWindow(page),
    }),
  ]);
  return toPage(orders.map(toOrderView), count, page, `${ctx.config.publicUrl}/api/orders/`);
}

/** The user's own order; anyone else's is 404, exactly like one that does not exist. */
export async function getOrder(ctx: Context, userId: number | null, orderId: number): Promise<OrderView> {
  const order = await ctx.db.order.findFirst({
    relationLoadStrategy: "join",
    where: { id: orderId, ...(userId !== null && { userId }) },
    select: orderSelect,
  });
  if (!order) throw notFound("No such order.");
  return toOrderView(order);
}

/** A pending order cancelled by its customer: its stock goes back on sale. */
export async function cancelOrder(ctx: AuthedContext, orderId: number): Promise<OrderView> {
  const userId = ctx.user.id;
  await inTransaction(ctx, async (ctx) => {
    const order = await ctx.db.order.findFirst({ where: { id: orderId, userId }, select: { id: true } });
    if (!order) throw notFound("No such order.");
    await transition(ctx.db, orderId, "cancelled");
    await afterStockChange(ctx, await returnStock(ctx.db, orderId));
  });
  return getOrder(ctx, userId, orderId);
}
