import { randomBytes } from "node:crypto";
import type { Role } from "@shop/db";
import { signAccessToken } from "@shop/api";
import type { TestSmtpServer } from "@shop/testing/smtp";
import type { TestApp } from "./support.ts";

let serial = 0;
const unique = () => `${++serial}-${randomBytes(3).toString("hex")}`;

export interface Shopper {
  id: number;
  email: string;
  token: string;
}

/**
 * An active user with a session and an access token, written straight to the database: the
 * commerce tests need many accounts and login has its own tests (argon2 would dominate here).
 */
export async function createShopper(t: TestApp, role: Role = "customer"): Promise<Shopper> {
  const name = `shopper_${unique()}`;
  const email = `${name}@example.com`;
  const user = await t.db.user.create({
    data: { username: name, email, role, isActive: true, passwordHash: "unused" },
    select: { id: true },
  });
  const sessionId = randomBytes(20).toString("hex");
  await t.db.session.create({ data: { id: sessionId, userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) } });
  const token = await signAccessToken(t.deps.config.authSecret, { userId: user.id, role, sessionId });
  return { id: user.id, email, token };
}

export interface TestVariant {
  productId: number;
  variantId: number;
  sellerId: number;
  sku: string;
}

/** A product with one variant (price in minor units), owned by `sellerId` or a new seller. */
export async function createVariant(
  t: TestApp,
  options: { price?: number; stock?: number; sellerId?: number; name?: string } = {},
) {
  const key = unique();
  const sellerId = options.sellerId ?? (await createShopper(t, "seller")).id;
  const category = await t.db.category.create({ data: { name: `Cat ${key}`, slug: `cat-${key}` }, select: { id: true } });
  const price = options.price ?? 1999;
  const sku = `SKU-${key}`;
  const product = await t.db.product.create({
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
  return { productId: product.id, variantId: product.variants[0]!.id, sellerId, sku } satisfies TestVariant;
}

export const address = {
  full_name: "Ada Lovelace",
  line1: "12 St James's Square",
  city: "London",
  postal_code: "SW1Y 4JH",
  country: "GB",
};

/** The next email to `to` with this subject (earlier ones to `to` are passed over). */
export async function emailWithSubject(smtp: TestSmtpServer, to: string, subject: string) {
  for (;;) {
    const mail = await smtp.nextMessageTo(to);
    if (mail.subject === subject) return mail;
  }
}
