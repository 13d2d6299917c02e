import { randomBytes } from "node:crypto";
import type { Prisma, Tx } from "@shop/db";
import { inTransaction, type AuthedContext, type Context } from "../context.ts";
import { conflict, forbidden, invalid, notFound } from "../errors.ts";
import { enqueueJob } from "../jobs/enqueue.ts";
import { bumpProducts } from "./cache-names.ts";
import { loadProductView } from "./products.ts";
import type { ProductView } from "./product-view.ts";
import { isUniqueViolation } from "../shared/db-errors.ts";
import { deleteFilesAfterCommit } from "../files/image-uploads.ts";

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

async function assertCategoryExists(ctx: Context, categoryId: number): Promise<void> {
  const category = await ctx.db.category.findUnique({ where: { id: categoryId }, select: { id: true } });
  if (!category) throw invalid("No such category.", { fields: { category: [`No category with id ${categoryId}.`] } });
}

/** 409 naming the SKUs that already exist (SKUs are unique across the shop). */
async function assertSkusFree(ctx: Context, skus: string[], exceptVariantId?: number): Promise<void> {
  const clashes = await ctx.db.productVariant.findMany({
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
 * Runs a catalog write in a transaction that also enqueues the product's index job and, after
 * commit, retires the product's cached views. A unique violation (a race the pre-checks could
 * not see) becomes the domain error `onUniqueViolation` names.
 */
export async function writeProduct<C extends Context, T extends { productId: number }>(
  ctx: C,
  work: (ctx: C) => Promise<T>,
  onUniqueViolation: () => Error = skuTaken,
): Promise<T> {
  try {
    return await inTransaction(ctx, async (ctx) => {
      const done = await work(ctx);
      await enqueueJob(ctx.db, "index_product", { productId: done.productId }, { jobKey: `index_product:${done.productId}` });
      bumpProducts(ctx, [done.productId]);
      return done;
    });
  } catch (error) {
    throw isUniqueViolation(error) ? onUniqueViolation() : error;
  }
}

/** The product, if the caller is its seller: 404 when it does not exist, 403 when not theirs. */
export async function ownProduct(ctx: AuthedContext, productId: number): Promise<void> {
  const product = await ctx.db.product.findUnique({ where: { id: productId }, select: { sellerId: true } });
  if (!product) throw notFound("Product not found.");
  if (product.sellerId !== ctx.user.id) throw forbidden("Only the seller who owns this product can change it.");
}

async function viewOf(ctx: Context, productId: number): Promise<ProductView> {
  const view = await loadProductView(ctx, productId);
  if (!view) throw notFound("Product not found.");
  return view;
}

export async function createProduct(ctx: AuthedContext, input: ProductInput): Promise<ProductView> {
  const skus = input.variants.map((v) => v.sku);
  const repeated = skus.filter((sku, i) => skus.indexOf(sku) !== i);
  if (repeated.length > 0)
    throw invalid("Each variant needs its own SKU.", {
      fields: { variants: [`Repeated SKU: ${[...new Set(repeated)].join(", ")}.`] },
    });
  await assertCategoryExists(ctx, input.category);
  await assertSkusFree(ctx, skus);
  const { productId } = await writeProduct(ctx, async ({ db }) => {
    const product = await db.product.create({
      data: {
        name: input.name,
        slug: await uniqueSlug(db, input.name),
        description: input.description,
        categoryId: input.category,
        sellerId: ctx.user.id,
        priceFrom: Math.min(...input.variants.map((v) => v.price)),
        variants: { create: input.variants.map((v) => ({ ...v, attributes: (v.attributes ?? {}) as Prisma.InputJsonObject })) },
      },
      select: { id: true },
    });
    return { productId: product.id };
  });
  return viewOf(ctx, productId);
}

export interface ProductChanges {
  name?: string;
  description?: string;
  category?: number;
}

export async function updateProduct(ctx: AuthedContext, productId: number, changes: ProductChanges): Promise<ProductView> {
  await ownProduct(ctx, productId);
  if (changes.category !== undefined) await assertCategoryExists(ctx, changes.category);
  await writeProduct(ctx, async ({ db }) => {
    await db.product.update({
      where: { id: productId },
      data: { name: changes.name, description: changes.description, categoryId: changes.category },
    });
    return { productId };
  });
  return viewOf(ctx, productId);
}

/** Orders keep their copied names and prices; carts lose the product's variants. */
export async function deleteProduct(ctx: AuthedContext, productId: number): Promise<void> {
  await ownProduct(ctx, productId);
  await writeProduct(ctx, async (ctx) => {
    const images = await ctx.db.productImage.findMany({ where: { productId }, select: { key: true } });
    await ctx.db.product.delete({ where: { id: productId } });
    deleteFilesAfterCommit(
      ctx,
      images.map((image) => image.key),
    );
    return { productId };
  });
}

export async function addVariant(ctx: AuthedContext, productId: number, variant: VariantInput): Promise<ProductView> {
  await ownProduct(ctx, productId);
  await assertSkusFree(ctx, [variant.sku]);
  await writeProduct(ctx, async ({ db }) => {
    await db.productVariant.create({
      data: { ...variant, productId, attributes: (variant.attributes ?? {}) as Prisma.InputJsonObject },
    });
    await refreshPriceFrom(db, productId);
    return { productId };
  });
  return viewOf(ctx, productId);
}

async function ownVariant(ctx: AuthedContext, productId: number, variantId: number): Promise<void> {
  await ownProduct(ctx, productId);
  const variant = await ctx.db.productVariant.findFirst({ where: { id: variantId, productId }, select: { id: true } });
  if (!variant) throw notFound("Variant not found.");
}

export async function updateVariant(
  ctx: AuthedContext,
  productId: number,
  variantId: number,
  changes: Partial<VariantInput>,
): Promise<ProductView> {
  await ownVariant(ctx, productId, variantId);
  if (changes.sku !== undefined) await assertSkusFree(ctx, [changes.sku], variantId);
  await writeProduct(ctx, async ({ db }) => {
    await db.productVariant.update({
      where: { id: variantId },
      data: { ...changes, attributes: changes.attributes as Prisma.InputJsonObject | undefined },
    });
    await refreshPriceFrom(db, productId);
    return { productId };
  });
  return viewOf(ctx, productId);
}

/** A product keeps at least one variant: deleting the last one → 409. */
export async function deleteVariant(ctx: AuthedContext, productId: number, variantId: number): Promise<ProductView> {
  await ownVariant(ctx, productId, variantId);
  await writeProduct(ctx, async ({ db }) => {
    // Counted inside the transaction, with the product row locked, so two deletes cannot race.
    await db.$queryRaw`select id from products where id = ${productId} for update`;
    if ((await db.productVariant.count({ where: { productId } })) <= 1) {
      throw conflict("A product needs at least one variant; delete the product instead.", { code: "LAST_VARIANT" });
    }
    await db.productVariant.delete({ where: { id: variantId } });
    await refreshPriceFrom(db, productId);
    return { productId };
  });
  return viewOf(ctx, productId);
}
