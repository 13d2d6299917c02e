import { sqlPool } from "@shop/db";
import { bumpProducts } from "../catalog/cache-names.ts";
import { inTransaction, type AuthedContext, type Context } from "../context.ts";
import { conflict, invalid, notFound, type FieldErrors } from "../errors.ts";
import { enqueueJobs, type JobSpec } from "../jobs/enqueue.ts";
import { pageWindow, toPage, type Page, type PageRequest } from "../shared/pagination.ts";
import { transition } from "./state.ts";
import { returnStock } from "./stock.ts";
import { CHECKOUT_SQL, CHECKOUT_STATEMENT, checkoutParams, type CheckoutRow } from "./checkout-statement.ts";
import { placedOrderView } from "./placed-view.ts";
import { orderSelect, toOrderView, type OrderView } from "./view.ts";

export interface ShippingAddress {
  full_name: string;
  line1: string;
  line2: string;
  city: string;
  postal_code: string;
  country: string;
}

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
 * Turns the user's cart into a pending order in one statement (see checkout-statement.ts):
 * prices, names and SKUs are copied from the variants as they are now, stock is taken with a
 * conditional update, the cart is emptied and the confirmation email, payment deadline and search
 * re-indexing are enqueued. A line short of stock changes nothing (409 naming the variants).
 * Alone the statement is its own transaction; inside an open one it joins it.
 */
export async function checkout(ctx: AuthedContext, address: ShippingAddress): Promise<OrderView> {
  const timeoutMs = ctx.config.orderPaymentTimeoutMinutes * 60_000;
  const params = checkoutParams(ctx.user.id, address, timeoutMs);
  // Outside a transaction the statement runs on the client's pg pool: Prisma's raw path costs more than the query.
  const [row] = ctx.inTransaction
    ? await ctx.db.$queryRawUnsafe<CheckoutRow[]>(CHECKOUT_SQL, ...params)
    : (await sqlPool(ctx.client).query<CheckoutRow>({ name: CHECKOUT_STATEMENT, text: CHECKOUT_SQL, values: [...params] })).rows;
  if (!row || row.item_count === 0) throw invalid("Your cart is empty.", { code: "EMPTY_CART" });
  if (row.id === null) {
    const fields: FieldErrors = {};
    for (const line of row.short ?? []) {
      fields[`variants.${line.variant_id}`] = [`Only ${line.stock} in stock; ${line.quantity} requested.`];
    }
    throw conflict("Not enough stock for some items in your cart.", { code: "OUT_OF_STOCK", fields });
  }
  bumpProducts(ctx, row.product_ids ?? []);
  return placedOrderView(row);
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
