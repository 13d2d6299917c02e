import { randomBytes } from "node:crypto";
import type { Prisma} from "@shop/db";
import { type Tx } from "@shop/db";
import type { AuthUser, Deps } from "../context.ts";
import { conflict, forbidden, invalid, notFound } from "../errors.ts";
import { enqueueJob } from "../jobs/enqueue.ts";
import { productVersionNames } from "./cache-names.ts";
import { loadProductView } from "./products.ts";
import type { ProductView } from "./product-view.ts";
import { isUniqueViolation } from "../shared/db-errors.ts";

export interface VariantInput {
  sku: string;
  name: string;
  price: number;
  stock: number;
  attributes?: Record<string, unknown>;
}

export interface ProductInput {
  name: string;
  description: string;
  category: number;
  variants: VariantInput[];
}

const slugify = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 200) || "product";

async function uniqueSlug(tx: Tx, name: string): Promise<string> {
  const base = slugify(name);
  const taken = await tx.product.findUnique({ where: { slug: base }, select: { id: true } });
  return taken ? `${base}-${randomBytes(3).toString("hex")}` : base;
}

async function assertCategoryExists(deps: Deps, categoryId: number): Promise<void> {
  const category = await deps.db.category.findUnique({ where: { id: categoryId }, select: { id: true } });
  if (!category) throw invalid("No such category.", { fields: { category: [`No category with id ${categoryId}.`] } });
}

/** 409 naming the SKUs that already exist (SKUs are unique across the shop). */
async function assertSkusFree(deps: Deps, skus: string[], exceptVariantId?: number): Promise<void> {
  const clashes = await deps.db.productVariant.findMany({
    where: { sku: { in: skus }, ...(exceptVariantId && { id: { not: exceptVariantId } }) },
    select: { sku: true },
  });
  if (clashes.length > 0) {
    throw conflict(`SKU already in use: ${clashes.map((c) => c.sku).join(", ")}.`, {
      fields: { sku: clashes.map((c) => c.sku) },
      code: "DUPLICATE_SKU",
    });
  }
}

async function refreshPriceFrom(tx: Tx, productId: number): Promise<void> {
  await tx.$executeRaw`
    update products set price_from = (select min(price) from product_variants where product_id = ${productId}), updated_at = now()
    where id = ${productId}`;
}

const skuTaken = () => conflict("SKU already in use.", { code: "DUPLICATE_SKU" });

/**
 * Runs a catalog write in a transaction that also enqueues the product's index job, then
 * retires the product's cached views. A unique violation (a race the pre-checks could not
 * see) becomes the domain error `onUniqueViolation` names.
 */
export async function writeProduct<T extends { productId: number }>(
  deps: Deps,
  work: (tx: Tx) => Promise<T>,
  onUniqueViolation: () => Error = skuTaken,
): Promise<T> {
  let result: T;
  try {
    result = await deps.db.$transaction(async (tx) => {
      const done = await work(tx);
      await enqueueJob(tx, "index_product", { productId: done.productId }, { jobKey: `index_product:${done.productId}` });
      return done;
    });
  } catch (error) {
    throw isUniqueViolation(error) ? onUniqueViolation() : error;
  }
  await deps.cache.bump(productVersionNames([result.productId]));
  return result;
}

/** The product, if the caller is its seller: 404 when it does not exist, 403 when not theirs. */
export async function ownProduct(deps: Deps, user: AuthUser, productId: number): Promise<void> {
  const product = await deps.db.product.findUnique({ where: { id: productId }, select: { sellerId: true } });
  if (!product) throw notFound("Product not found.");
  if (product.sellerId !== user.id) throw forbidden("Only the seller who owns this product can change it.");
}

async function viewOf(deps: Deps, productId: number): Promise<ProductView> {
  const view = await loadProductView(deps, productId);
  if (!view) throw notFound("Product not found.");
  return view;
}

export async function createProduct(deps: Deps, seller: AuthUser, input: ProductInput): Promise<ProductView> {
  const skus = input.variants.map((v) => v.sku);
  const repeated = skus.filter((sku, i) => skus.indexOf(sku) !== i);
  if (repeated.length > 0)
    throw invalid("Each variant needs its own SKU.", {
      fields: { variants: [`Repeated SKU: ${[...new Set(repeated)].join(", ")}.`] },
    });
  await assertCategoryExists(deps, input.category);
  await assertSkusFree(deps, skus);
  const { productId } = await writeProduct(deps, async (tx) => {
    const product = await tx.product.create({
      data: {
        name: input.name,
        slug: await uniqueSlug(tx, input.name),
        description: input.description,
        categoryId: input.category,
        sellerId: seller.id,
        priceFrom: Math.min(...input.variants.map((v) => v.price)),
        variants: { create: input.variants.map((v) => ({ ...v, attributes: (v.attributes ?? {}) as Prisma.InputJsonObject })) },
      },
      select: { id: true },
    });
    return { productId: product.id };
  });
  return viewOf(deps, productId);
}

export interface ProductChanges {
  name?: string;
  description?: string;
  category?: number;
}

export async function updateProduct(
  deps: Deps,
  user: AuthUser,
  productId: number,
  changes: ProductChanges,
): Promise<ProductView> {
  await ownProduct(deps, user, productId);
  if (changes.category !== undefined) await assertCategoryExists(deps, changes.category);
  await writeProduct(deps, async (tx) => {
    await tx.product.update({
      where: { id: productId },
      data: { name: changes.name, description: changes.description, categoryId: changes.category },
    });
    return { productId };
  });
  return viewOf(deps, productId);
}

/** Orders keep their copied names and prices; carts lose the product's variants. */
export async function deleteProduct(deps: Deps, user: AuthUser, productId: number): Promise<void> {
  await ownProduct(deps, user, productId);
  const images = await deps.db.productImage.findMany({ where: { productId }, select: { key: true } });
  await writeProduct(deps, async (tx) => {
    await tx.product.delete({ where: { id: productId } });
    return { productId };
  });
  // The rows are gone for good; a file that fails to delete is only an orphan, so log it.
  for (const { key } of images) {
    await deps.files
      .delete(key)
      .catch((error: unknown) => deps.logger.warn({ err: error, key }, "could not delete a product image file"));
  }
}

export async function addVariant(deps: Deps, user: AuthUser, productId: number, variant: VariantInput): Promise<ProductView> {
  await ownProduct(deps, user, productId);
  await assertSkusFree(deps, [variant.sku]);
  await writeProduct(deps, async (tx) => {
    await tx.productVariant.create({
      data: { ...variant, productId, attributes: (variant.attributes ?? {}) as Prisma.InputJsonObject },
    });
    await refreshPriceFrom(tx, productId);
    return { productId };
  });
  return viewOf(deps, productId);
}

async function ownVariant(deps: Deps, user: AuthUser, productId: number, variantId: number): Promise<void> {
  await ownProduct(deps, user, productId);
  const variant = await deps.db.productVariant.findFirst({ where: { id: variantId, productId }, select: { id: true } });
  if (!variant) throw notFound("Variant not found.");
}

export async function updateVariant(
  deps: Deps,
  user: AuthUser,
  productId: number,
  variantId: number,
  changes: Partial<VariantInput>,
): Promise<ProductView> {
  await ownVariant(deps, user, productId, variantId);
  if (changes.sku !== undefined) await assertSkusFree(deps, [changes.sku], variantId);
  await writeProduct(deps, async (tx) => {
    await tx.productVariant.update({
      where: { id: variantId },
      data: { ...changes, attributes: changes.attributes as Prisma.InputJsonObject | undefined },
    });
    await refreshPriceFrom(tx, productId);
    return { productId };
  });
  return viewOf(deps, productId);
}

/** A product keeps at least one variant: deleting the last one → 409. */
export async function deleteVariant(deps: Deps, user: AuthUser, productId: number, variantId: number): Promise<ProductView> {
  await ownVariant(deps, user, productId, variantId);
  await writeProduct(deps, async (tx) => {
    // Counted inside the transaction, with the product row locked, so two deletes cannot race.
    await tx.$queryRaw`select id from products where id = ${productId} for update`;
    if ((await tx.productVariant.count({ where: { productId } })) <= 1) {
      throw conflict("A product needs at least one variant; delete the product instead.", { code: "LAST_VARIANT" });
    }
    await tx.productVariant.delete({ where: { id: variantId } });
    await refreshPriceFrom(tx, productId);
    return { productId };
  });
  return viewOf(deps, productId);
}
