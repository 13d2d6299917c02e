import { randomBytes } from "node:crypto";
import type { PrismaClient, Role } from "@shop/db";

// Accounts, sessions and products written straight to the database: the tests need many of
// them and registration, login and product creation have their own tests. This package cannot
// import @shop/api (the API's own tests depend on it), so what only the API can do, signing an
// access token, is passed in.

let serial = 0;
/** A short value no other fixture of this process has. */
export const unique = () => `${++serial}-${randomBytes(3).toString("hex")}`;

/** The password of every `createVerifiedUser` account, and its argon2id hash (default cost), computed once. */
export const FIXTURE_PASSWORD = "tidy-Lantern-fixture-7f3a";
const FIXTURE_PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$K8KqGr66bqjHB7VeBbATbw$cJgdKkU1Jmh4KLMGVjvLmBVJE3oWiNjJPItAls6HtJs";

export interface VerifiedUser {
  id: number;
  username: string;
  email: string;
  password: string;
  role: Role;
}

/** An active account that can log in with `password`. */
export async function createVerifiedUser(db: PrismaClient, role: Role = "customer"): Promise<VerifiedUser> {
  const username = `user_${randomBytes(4).toString("hex")}`;
  const email = `${username}@example.com`;
  const { id } = await db.user.create({
    data: { username, email, role, isActive: true, passwordHash: FIXTURE_PASSWORD_HASH },
    select: { id: true },
  });
  return { id, username, email, password: FIXTURE_PASSWORD, role };
}

export interface AccessClaims {
  userId: number;
  role: Role;
  sessionId: string;
}

export interface FactoryDeps {
  db: PrismaClient;
  /** @shop/api's signAccessToken with the app's secret and clock. */
  signAccessToken(claims: AccessClaims): Promise<string>;
  /** The app's clock, so sessions made here expire when the app's others do. */
  now(): Date;
}

export interface Shopper {
  id: number;
  email: string;
  sessionId: string;
  token: string;
}

/** An active user (no usable password) with a session of an hour and an access token for it. */
export async function createShopper(deps: FactoryDeps, role: Role = "customer"): Promise<Shopper> {
  const name = `shopper_${unique()}`;
  const email = `${name}@example.com`;
  const user = await deps.db.user.create({
    data: { username: name, email, role, isActive: true, passwordHash: "unused" },
    select: { id: true },
  });
  return { id: user.id, email, ...(await createSession(deps, { id: user.id, role })) };
}

/** A new session of an hour for an existing user, and an access token for it. */
export async function createSession(deps: FactoryDeps, user: { id: number; role: Role }) {
  const sessionId = randomBytes(20).toString("hex");
  await deps.db.session.create({
    data: { id: sessionId, userId: user.id, expiresAt: new Date(deps.now().getTime() + 3_600_000) },
  });
  return { sessionId, token: await deps.signAccessToken({ userId: user.id, role: user.role, sessionId }) };
}

export interface TestVariant {
  productId: number;
  variantId: number;
  sellerId: number;
  sku: string;
}

/** A product with one variant (price in minor units) in a new category, owned by `sellerId` or a new seller. */
export async function createVariant(
  db: PrismaClient,
  options: { price?: number; stock?: number; sellerId?: number; name?: string } = {},
): Promise<TestVariant> {
  const key = unique();
  const sellerId = options.sellerId ?? (await createVerifiedUser(db, "seller")).id;
  const category = await db.category.create({ data: { name: `Cat ${key}`, slug: `cat-${key}` }, select: { id: true } });
  const price = options.price ?? 1999;
  const sku = `SKU-${key}`;
  const product = await db.product.create({
    data: {
      sellerId,
      categoryId: category.id,
      name: options.name ?? `Product ${key}`,
      slug: `product-${key}`,
      priceFrom: price,
      variants: { create: { sku, name: `Variant ${key}`, price, stock: options.stock ?? 10 } },
    },
    select: { id: true, variants: { select: { id: true } } },
  });
  return { productId: product.id, variantId: product.variants[0]!.id, sellerId, sku };
}

/** A shipping address checkout accepts. */
export const address = {
  full_name: "Ada Lovelace",
  line1: "12 St James's Square",
  city: "London",
  postal_code: "SW1Y 4JH",
  country: "GB",
};
