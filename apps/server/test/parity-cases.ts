import { randomBytes, randomUUID } from "node:crypto";
import { signCallback } from "@shop/api";
import { variant } from "./catalog-fixtures.ts";
import { address, createShopper, createVariant, type Shopper, type TestVariant } from "./orders-fixtures.ts";
import { httpClient, type TestApp } from "./support.ts";
import { createVerifiedUser } from "./users.ts";

/** One representative call of an operation: who calls, with what input, and the REST status it must get. */
export interface Call {
  token?: string;
  /** The procedure's input; path parameters are taken from it for the REST call. */
  input?: Record<string, unknown>;
  /** Default: the operation's success status. */
  status?: number;
}

/** Shared state the read-only calls look at; mutations make their own, once per transport. */
export interface Fixtures {
  t: TestApp;
  customer: Shopper;
  seller: Shopper;
  admin: Shopper;
  product: TestVariant;
  categoryId: number;
}

/** Builds a call; run twice (REST, then tRPC), so a mutation must set up fresh, equivalent state each time. */
export type Case = (f: Fixtures) => Promise<Call>;

export async function createFixtures(t: TestApp): Promise<Fixtures> {
  const seller = await createShopper(t, "seller");
  const product = await createVariant(t, { sellerId: seller.id, name: "Parity lamp", stock: 1_000_000 });
  const { categoryId } = await t.db.product.findUniqueOrThrow({ where: { id: product.productId }, select: { categoryId: true } });
  return { t, customer: await createShopper(t), seller, admin: await createShopper(t, "admin"), product, categoryId };
}

const unique = () => randomBytes(4).toString("hex");

async function rest<T>(t: TestApp, method: "post" | "get", url: string, token: string, body?: unknown): Promise<T> {
  const client = httpClient(t.app);
  const res = method === "post" ? await client.post(url, body ?? {}, token) : await client.get(url, token);
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A fresh shopper with one item of the fixture product in their cart. */
async function shopperWithCart(f: Fixtures) {
  const shopper = await createShopper(f.t);
  const cart = await rest<{ items: { id: number }[] }>(f.t, "post", "/api/cart/add/", shopper.token, {
    variant_id: f.product.variantId,
    quantity: 2,
  });
  return { shopper, itemId: cart.items[0]!.id };
}

/** A fresh shopper with a pending (unpaid) order of the fixture product. */
async function pendingOrder(f: Fixtures) {
  const { shopper } = await shopperWithCart(f);
  const order = await rest<{ id: number }>(f.t, "post", "/api/orders/create/", shopper.token, { shipping_address: address });
  return { shopper, orderId: order.id };
}

/** A fresh shopper's order paid through the simulated gateway, with the ids of its items. */
async function paidOrder(f: Fixtures) {
  const { shopper, orderId } = await pendingOrder(f);
  const payment = await rest<{ payment_id: string }>(f.t, "post", "/api/payments/initiate/", shopper.token, {
    order_id: orderId,
  });
  const order = await rest<{ total: string; items: { id: number }[] }>(f.t, "get", `/api/orders/${orderId}/`, shopper.token);
  const amount = Math.round(Number(order.total) * 100);
  const signature = signCallback(f.t.deps.config.paymentWebhookSecret, payment.payment_id, "success", amount);
  const query = new URLSearchParams({ payment_id: payment.payment_id, status: "success", signature });
  await rest(f.t, "get", `/api/payments/callback/?${query}`, "");
  return { orderId, itemIds: order.items.map((item) => item.id) };
}

/** A fresh order, paid and shipped by the fixture seller. */
async function shippedOrder(f: Fixtures) {
  const { orderId, itemIds } = await paidOrder(f);
  for (const id of itemIds) await rest(f.t, "post", `/api/seller/order-items/${id}/ship/`, f.seller.token);
  return orderId;
}

/** A fresh product of the fixture seller with two variants. */
async function sellersProduct(f: Fixtures) {
  const product = await rest<{ id: number; variants: { id: number }[] }>(f.t, "post", "/api/products/create/", f.seller.token, {
    name: `Parity chair ${unique()}`,
    category: f.categoryId,
    variants: [variant(`PAR-${unique()}`), variant(`PAR-${unique()}`)],
  });
  return { productId: product.id, variantId: product.variants[0]!.id };
}

async function loggedIn(f: Fixtures) {
  const user = await createVerifiedUser(f.t);
  return { user, tokens: await user.login() };
}

/** One representative call per operationId of the OpenAPI document that a procedure serves. */
/** A review of the fixture product by a fresh customer (published at once: post moderation). */
async function freshReview(f: Fixtures): Promise<number> {
  const author = await createShopper(f.t);
  const review = await rest<{ id: number }>(f.t, "post", `/api/products/${f.product.productId}/reviews/add/`, author.token, {
    rating: 4,
    comment: "Bright and steady.",
  });
  return review.id;
}

/** A webhook endpoint of its own, made by staff. */
async function freshWebhook(f: Fixtures): Promise<number> {
  const hook = await rest<{ id: number }>(f.t, "post", "/api/admin/webhooks/", f.admin.token, {
    url: "http://127.0.0.1:9/hooks",
    events: ["order.paid"],
  });
  return hook.id;
}

export const cases: Record<string, Case> = {
  "auth-register": async () => {
    const name = `parity_${unique()}`;
    return { input: { username: name, email: `${name}@example.com`, password: `tidy-Lantern-${unique()}` } };
  },
  "auth-verifyEmail": async () => ({ input: { uidb64: "MQ", token: "not-a-token" }, status: 400 }),
  "auth-confirmEmail": async () => ({ input: { uidb64: "MQ", token: "not-a-token" }, status: 400 }),
  "auth-login": async (f) => {
    const user = await createVerifiedUser(f.t);
    return { input: { username: user.username, password: user.password } };
  },
  "auth-logout": async (f) => {
    const { tokens } = await loggedIn(f);
    return { token: tokens.access, input: { refresh: tokens.refresh } };
  },
  "auth-requestPasswordReset": async () => ({ input: { email: `nobody_${unique()}@example.com` } }),
  "auth-confirmPasswordReset": async () => ({
    input: { uid: "MQ", token: "not-a-token", new_password: `tidy-Lantern-${unique()}` },
    status: 400,
  }),
  "auth-refreshToken": async (f) => ({ input: { refresh: (await loggedIn(f)).tokens.refresh } }),
  "auth-verifyToken": async (f) => ({ input: { token: f.customer.token } }),
  "cart-get": async (f) => ({ token: (await shopperWithCart(f)).shopper.token }),
  "cart-clear": async (f) => ({ token: (await shopperWithCart(f)).shopper.token }),
  "cart-add": async (f) => ({
    token: (await createShopper(f.t)).token,
    input: { variant_id: f.product.variantId, quantity: 3 },
  }),
  "cart-update": async (f) => {
    const { shopper, itemId } = await shopperWithCart(f);
    return { token: shopper.token, input: { id: itemId, quantity: 4 } };
  },
  "cart-remove": async (f) => {
    const { shopper, itemId } = await shopperWithCart(f);
    return { token: shopper.token, input: { id: itemId } };
  },
  "categories-list": async () => ({}),
  "categories-get": async (f) => ({ input: { id: f.categoryId } }),
  "fulfilment-sellerItems": async (f) => ({ token: f.seller.token, input: { page_size: 5 } }),
  "fulfilment-shipItem": async (f) => ({ token: f.seller.token, input: { id: (await paidOrder(f)).itemIds[0] } }),
  "fulfilment-markDelivered": async (f) => ({ token: f.admin.token, input: { id: await shippedOrder(f) } }),
  "fulfilment-refund": async (f) => ({ token: f.admin.token, input: { id: (await paidOrder(f)).orderId } }),
  "orders-create": async (f) => ({ token: (await shopperWithCart(f)).shopper.token, input: { shipping_address: address } }),
  "orders-list": async (f) => ({ token: (await pendingOrder(f)).shopper.token, input: { page_size: 5 } }),
  "orders-detail": async (f) => {
    const { shopper, orderId } = await pendingOrder(f);
    return { token: shopper.token, input: { id: orderId } };
  },
  "orders-cancel": async (f) => {
    const { shopper, orderId } = await pendingOrder(f);
    return { token: shopper.token, input: { id: orderId } };
  },
  "payments-initiate": async (f) => {
    const { shopper, orderId } = await pendingOrder(f);
    return { token: shopper.token, input: { order_id: orderId } };
  },
  "payments-callback": async () => ({ input: { payment_id: randomUUID(), status: "success", signature: "00" }, status: 400 }),
  "products-list": async (f) => ({ input: { category: f.categoryId, ordering: "price", page_size: 5 } }),
  "products-get": async (f) => ({ input: { id: f.product.productId } }),
  "products-update": async (f) => ({
    token: f.seller.token,
    input: { id: (await sellersProduct(f)).productId, description: "Renamed in both transports" },
  }),
  "products-delete": async (f) => ({ token: f.seller.token, input: { id: (await sellersProduct(f)).productId } }),
  "products-create": async (f) => ({
    token: f.seller.token,
    input: { name: `Parity desk ${unique()}`, category: f.categoryId, variants: [variant(`PAR-${unique()}`, "12.50", 3)] },
  }),
  "products-addVariant": async (f) => ({
    token: f.seller.token,
    input: { id: (await sellersProduct(f)).productId, ...variant(`PAR-${unique()}`, "7.25", 2) },
  }),
  "products-updateVariant": async (f) => {
    const { productId, variantId } = await sellersProduct(f);
    return { token: f.seller.token, input: { id: productId, variant_id: variantId, stock: 42 } };
  },
  "products-deleteVariant": async (f) => {
    const { productId, variantId } = await sellersProduct(f);
    return { token: f.seller.token, input: { id: productId, variant_id: variantId } };
  },
  "products-deleteImage": async (f) => ({
    token: f.seller.token,
    input: { id: f.product.productId, image_id: 2_000_000_000 },
    status: 404,
  }),
  "products-reviews": async (f) => ({ input: { product_id: f.product.productId, page_size: 5 } }),
  "products-addReview": async (f) => ({
    token: (await createShopper(f.t)).token,
    input: { product_id: f.product.productId, rating: 5, comment: "Lovely light" },
  }),
  "profile-me": async (f) => ({ token: f.customer.token }),
  "profile-update": async (f) => ({
    token: (await createShopper(f.t)).token,
    input: { first_name: "Ada", last_name: "Lovelace" },
  }),
  "search-search": async () => ({ input: { q: "Parity lamp", type: "product" } }),
  "health-ready": async () => ({}),
  "reviews-moderationQueue": async (f) => ({ token: f.admin.token, input: { status: "published", page_size: 5 } }),
  "reviews-publish": async (f) => ({ token: f.admin.token, input: { id: await freshReview(f) } }),
  "reviews-hide": async (f) => ({ token: f.admin.token, input: { id: await freshReview(f), reason: "Off topic" } }),
  "seller-stats": async (f) => ({ token: f.seller.token, input: { days: 7 } }),
  "webhooks-create": async (f) => ({
    token: f.admin.token,
    input: { url: "http://127.0.0.1:9/hooks", events: ["order.paid"], description: "Parity" },
  }),
  "webhooks-list": async (f) => ({ token: f.admin.token }),
  "webhooks-remove": async (f) => ({ token: f.admin.token, input: { id: await freshWebhook(f) } }),
  "webhooks-deliveries": async (f) => ({ token: f.admin.token, input: { id: await freshWebhook(f), page_size: 5 } }),
};
