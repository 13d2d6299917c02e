import { createCaller, SYSTEM_USER } from "@shop/api";
import type { TestApp } from "./support.ts";

/** Categories through the admin procedures (what `pnpm admin category create` calls). */
export async function createCategory(t: TestApp, name: string, slug: string, parentSlug?: string) {
  const admin = createCaller(await t.context(SYSTEM_USER));
  return admin.categories.create({ name, slug, parent_slug: parentSlug ?? null });
}

export const variant = (sku: string, price: string | number = "19.99", stock = 5, attributes?: Record<string, string>) => ({
  sku,
  name: `Variant ${sku}`,
  price,
  stock,
  ...(attributes && { attributes }),
});

let skuSerial = 0;
export const nextSku = (prefix = "SKU") => `${prefix}-${++skuSerial}-${Math.random().toString(36).slice(2, 7)}`;
