import type { Prisma, Tx } from "@shop/db";
import { inTransaction, type AuthedContext } from "../context.ts";
import { conflict, invalid, notFound } from "../errors.ts";
import { formatMoney } from "../shared/money.ts";

const cartItemSelect = {
  id: true,
  quantity: true,
  variant: {
    select: { id: true, sku: true, name: true, price: true, product: { select: { id: true, name: true } } },
  },
} satisfies Prisma.CartItemSelect;

export interface CartView {
  id: number;
  items: {
    id: number;
    variant: { id: number; sku: string; name: string; price: string; product: { id: number; name: string } };
    quantity: number;
    subtotal: string;
  }[];
  item_count: number;
  total: string;
}

/**
 * The user's cart id, the cart created on first use and its row locked until the caller's
 * transaction ends: a user's cart writes and checkouts take turns.
 */
export async function lockCart(ctx: AuthedContext): Promise<number> {
  const rows = await ctx.db.$queryRaw<{ id: number }[]>`
    insert into carts (user_id, updated_at) values (${ctx.user.id}, now())
    on conflict (user_id) do update set updated_at = now()
    returning id`;
  return rows[0]!.id;
}

async function cartIdOf(db: Tx, userId: number): Promise<number> {
  const cart = await db.cart.findUnique({ where: { userId }, select: { id: true } });
  if (cart) return cart.id;
  await db.$executeRaw`insert into carts (user_id, updated_at) values (${userId}, now()) on conflict (user_id) do nothing`;
  return (await db.cart.findUniqueOrThrow({ where: { userId }, select: { id: true } })).id;
}

/** Prices are the variants' current ones: a cart holds quantities, never prices. */
async function readCart(db: Tx, cartId: number): Promise<CartView> {
  const items = await db.cartItem.findMany({
    relationLoadStrategy: "join",
    where: { cartId },
    select: cartItemSelect,
    orderBy: { id: "asc" },
  });
  let total = 0;
  let itemCount = 0;
  const views = items.map((item) => {
    const subtotal = item.variant.price * item.quantity;
    total += subtotal;
    itemCount += item.quantity;
    return {
      id: item.id,
      variant: { ...item.variant, price: formatMoney(item.variant.price) },
      quantity: item.quantity,
      subtotal: formatMoney(subtotal),
    };
  });
  return { id: cartId, items: views, item_count: itemCount, total: formatMoney(total) };
}

const outOfStock = (stock: number, wanted: number) =>
  conflict(`Not enough stock: ${stock} available, ${wanted} requested.`, {
    code: "OUT_OF_STOCK",
    fields: { quantity: [`At most ${stock} available.`] },
  });

export async function getCart(ctx: AuthedContext): Promise<CartView> {
  return readCart(ctx.db, await cartIdOf(ctx.db, ctx.user.id));
}

/** Adds `quantity` of a variant; a variant already in the cart gets the sum. */
export async function addItem(ctx: AuthedContext, variantId: number, quantity: number): Promise<CartView> {
  const cartId = await inTransaction(ctx, async (ctx) => {
    const tx = ctx.db;
    const variant = await tx.productVariant.findUnique({ where: { id: variantId }, select: { stock: true } });
    if (!variant) {
      throw invalid("No such product variant.", {
        fields: { variant_id: [`Invalid pk "${variantId}" - object does not exist.`] },
      });
    }
    const cartId = await lockCart(ctx);
    const [row] = await tx.$queryRaw<{ quantity: number }[]>`
      insert into cart_items (cart_id, variant_id, quantity) values (${cartId}, ${variantId}, ${quantity})
      on conflict (cart_id, variant_id) do update set quantity = cart_items.quantity + excluded.quantity
      returning quantity`;
    if (row!.quantity > variant.stock) throw outOfStock(variant.stock, row!.quantity);
    return cartId;
  });
  return readCart(ctx.db, cartId);
}

export async function updateItem(ctx: AuthedContext, itemId: number, quantity: number): Promise<CartView> {
  const cartId = await inTransaction(ctx, async (ctx) => {
    const tx = ctx.db;
    const cartId = await lockCart(ctx);
    const item = await tx.cartItem.findFirst({ where: { id: itemId, cartId }, select: { variant: { select: { stock: true } } } });
    if (!item) throw notFound("No such item in your cart.");
    if (quantity > item.variant.stock) throw outOfStock(item.variant.stock, quantity);
    await tx.cartItem.update({ where: { id: itemId }, data: { quantity } });
    return cartId;
  });
  return readCart(ctx.db, cartId);
}

export async function removeItem(ctx: AuthedContext, itemId: number): Promise<void> {
  const { count } = await ctx.db.cartItem.deleteMany({ where: { id: itemId, cart: { userId: ctx.user.id } } });
  if (count === 0) throw notFound("No such item in your cart.");
}

export async function clearCart(ctx: AuthedContext): Promise<void> {
  await ctx.db.cartItem.deleteMany({ where: { cart: { userId: ctx.user.id } } });
}
