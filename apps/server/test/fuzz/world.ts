import { randomUUID } from "node:crypto";
import { signAccessToken } from "@shop/api";
import { address, createShopper, createVariant, type Shopper } from "../orders-fixtures.ts";
import { httpClient, type TestApp } from "../support.ts";
import { createVerifiedUser } from "../users.ts";

/** The kinds of `Authorization` header the fuzzer sends. */
export const TOKEN_KINDS = [
  "none",
  "garbage",
  "not-bearer",
  "wrong-secret",
  "expired",
  "revoked",
  "customer",
  "other-customer",
  "seller",
  "other-seller",
  "admin",
] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

/** What the fuzzer knows about the database it fuzzes: ids that exist, and headers of every kind. */
export interface FuzzWorld {
  authorization: Record<TokenKind, string | undefined>;
  /** Ids of rows that exist (products, variants, orders, items, categories, users…). */
  ids: number[];
  /** Payment ids that exist. */
  uuids: string[];
  /** Real values for body keys of that name: credentials, tokens, ids of the right kind. */
  known: Record<string, unknown[]>;
}

async function orderOf(t: TestApp, shopper: Shopper, variantId: number) {
  const client = httpClient(t.app);
  const added = await client.post("/api/cart/add/", { variant_id: variantId, quantity: 1 }, shopper.token);
  if (added.statusCode !== 200 && added.statusCode !== 201) throw new Error(`cart add failed: ${added.body}`);
  const order = await client.post("/api/orders/create/", { shipping_address: address }, shopper.token);
  if (order.statusCode !== 201) throw new Error(`checkout failed: ${order.body}`);
  const payment = await client.post("/api/payments/initiate/", { order_id: order.json().id }, shopper.token);
  const { id, items } = order.json() as { id: number; items: { id: number }[] };
  return { id, itemIds: items.map((item) => item.id), paymentId: payment.json().payment_id as string | undefined };
}

/**
 * Users of every role with tokens, two sellers' products, two customers' orders (one paid for,
 * both with carts left behind), a review: enough that valid ids reach real rows and foreign
 * tokens meet real owners.
 */
export async function seedFuzzWorld(t: TestApp): Promise<FuzzWorld> {
  // One at a time, so ids come out the same in every run: a seed replays the same requests.
  const [customer, otherCustomer, seller, otherSeller, admin, revoked] = [
    await createShopper(t),
    await createShopper(t),
    await createShopper(t, "seller"),
    await createShopper(t, "seller"),
    await createShopper(t, "admin"),
    await createShopper(t),
  ];
  const variants = [];
  for (const sellerId of [seller.id, seller.id, otherSeller.id]) variants.push(await createVariant(t, { sellerId, stock: 50 }));
  const orders = [await orderOf(t, customer, variants[0]!.variantId), await orderOf(t, otherCustomer, variants[2]!.variantId)];
  await httpClient(t.app).post("/api/cart/add/", { variant_id: variants[1]!.variantId }, customer.token);
  await httpClient(t.app).post(
    `/api/products/${variants[0]!.productId}/reviews/add/`,
    { rating: 4, comment: "ok" },
    customer.token,
  );
  await t.db.session.deleteMany({ where: { userId: revoked.id } });
  // One account with a real password, so logins, refreshes and logouts can succeed.
  const member = await createVerifiedUser(t);
  const memberTokens = await member.login();

  const { authSecret } = t.deps.config;
  const claims = { userId: customer.id, role: "customer" as const, sessionId: randomUUID() };
  const categories = await t.db.category.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  const cartItems = await t.db.cartItem.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  const bearer = (token: string) => `Bearer ${token}`;
  return {
    authorization: {
      none: undefined,
      garbage: "Bearer not.a.jwt",
      "not-bearer": `Basic ${Buffer.from("admin:admin").toString("base64")}`,
      "wrong-secret": bearer(await signAccessToken("another-secret-that-is-at-least-32-chars", claims)),
      expired: bearer(await signAccessToken(authSecret, claims, new Date(Date.now() - 24 * 3600_000))),
      revoked: bearer(revoked.token),
      customer: bearer(customer.token),
      "other-customer": bearer(otherCustomer.token),
      seller: bearer(seller.token),
      "other-seller": bearer(otherSeller.token),
      admin: bearer(admin.token),
    },
    ids: [
      ...new Set([
        ...[customer, otherCustomer, seller, otherSeller, admin].map((user) => user.id),
        ...variants.flatMap((v) => [v.productId, v.variantId]),
        ...orders.flatMap((order) => [order.id, ...order.itemIds]),
        ...categories.map((c) => c.id),
        ...cartItems.map((c) => c.id),
      ]),
    ],
    uuids: orders.flatMap((order) => order.paymentId ?? []),
    known: {
      username: [member.username, member.email],
      email: [member.email, customer.email],
      password: [member.password],
      refresh: [memberTokens.refresh],
      token: [memberTokens.access, memberTokens.refresh],
      order_id: orders.map((order) => order.id),
      variant_id: variants.map((v) => v.variantId),
      category: categories.map((c) => c.id),
      sku: variants.map((v) => v.sku),
      price: ["19.99", "0.50", 12, "1000.00"],
      quantity: [1, 2],
    },
  };
}
