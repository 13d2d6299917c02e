import { Prisma } from "@shop/db";
import { readThrough } from "../cache/cache.ts";
import type { Context } from "../context.ts";
import { notFound } from "../errors.ts";
import { pageWindow, toPage, type Page, type PageRequest } from "../shared/pagination.ts";
import { categoryWithDescendants } from "./categories.ts";
import { countedProductViews, productViewById } from "./product-sql.ts";
import type { ProductView } from "./product-view.ts";

export const PRODUCT_ORDERINGS = ["price", "-price", "created_at", "-created_at", "rating", "-rating", "name", "-name"] as const;
export type ProductOrdering = (typeof PRODUCT_ORDERINGS)[number];

export interface ProductFilters {
  category?: number;
  seller?: number;
  min_price?: number;
  max_price?: number;
  in_stock?: boolean;
  ordering?: ProductOrdering;
}

const orderColumn: Record<string, string> = {
  price: "p.price_from",
  created_at: "p.created_at",
  rating: "p.rating_average",
  name: "p.name",
};

function orderByOf(ordering: ProductOrdering = "-created_at"): Prisma.Sql {
  const direction = ordering.startsWith("-") ? "desc" : "asc";
  // The id breaks ties, so pages never repeat or skip a product.
  return Prisma.raw(`${orderColumn[ordering.replace(/^-/, "")]} ${direction}, p.id ${direction}`);
}

const inStock = Prisma.sql`exists (select 1 from product_variants v where v.product_id = p.id and v.stock > 0)`;

/** The filters, with the category already resolved to its subtree's ids. */
type ResolvedFilters = Omit<ProductFilters, "category"> & { categories?: number[] };

function whereOf(filters: ResolvedFilters): Prisma.Sql {
  const conditions = [Prisma.sql`true`];
  if (filters.categories !== undefined) conditions.push(Prisma.sql`p.category_id = any(${filters.categories}::int[])`);
  if (filters.seller !== undefined) conditions.push(Prisma.sql`p.seller_id = ${filters.seller}`);
  if (filters.min_price !== undefined) conditions.push(Prisma.sql`p.price_from >= ${filters.min_price}`);
  if (filters.max_price !== undefined) conditions.push(Prisma.sql`p.price_from <= ${filters.max_price}`);
  if (filters.in_stock !== undefined) conditions.push(filters.in_stock ? inStock : Prisma.sql`not ${inStock}`);
  return Prisma.join(conditions, " and ");
}

/**
 * A list's count without counting its rows when nothing but the category narrows it: the sum
 * of the per-category counters the catalog_counts triggers keep (a few rows, whatever the size
 * of the catalog). Any other filter counts the matching rows.
 */
function countOf(filters: ResolvedFilters): Prisma.Sql | undefined {
  const { categories, ordering: _ordering, ...others } = filters;
  if (Object.values(others).some((value) => value !== undefined)) return undefined;
  const where = categories === undefined ? Prisma.sql`true` : Prisma.sql`category_id = any(${categories}::int[])`;
  return Prisma.sql`select coalesce(sum(products), 0) from category_product_counts where ${where}`;
}

/** One statement whatever the page size: the count and the page, its JSON built by SQL. */
async function loadPage(ctx: Context, filters: ProductFilters, page: PageRequest): Promise<Page<ProductView>> {
  const { category, ...rest } = filters;
  const resolved: ResolvedFilters =
    category === undefined ? rest : { ...rest, categories: await categoryWithDescendants(ctx, category) };
  const { count, results } = await countedProductViews(
    ctx,
    whereOf(resolved),
    orderByOf(filters.ordering),
    pageWindow(page),
    countOf(resolved),
  );
  return toPage(results, count, page, `${ctx.config.publicUrl}/api/products/`, { ...filters });
}

/** A page of products; cached per filter set until any product or category changes. */
export async function listProducts(ctx: Context, filters: ProductFilters, page: PageRequest): Promise<Page<ProductView>> {
  const key = `products:list:${JSON.stringify([filters, page])}`;
  return readThrough(ctx.cache, "products", key, () => loadPage(ctx, filters, page));
}

export async function loadProductView(ctx: Context, id: number): Promise<ProductView | null> {
  return productViewById(ctx, id);
}

/** The product's cached JSON, exactly the body of its detail response, if cached. */
export async function cachedProductJson(ctx: Context, id: number): Promise<string | undefined> {
  const { value } = await ctx.cache.lookup(`product:${id}`, `product:${id}`);
  return value === "null" ? undefined : value;
}

/** One product; cached until it (or its variants, images or reviews) changes. */
export async function getProduct(ctx: Context, id: number): Promise<ProductView> {
  const product = await readThrough(ctx.cache, `product:${id}`, `product:${id}`, () => loadProductView(ctx, id));
  if (!product) throw notFound("Product not found.");
  return product;
}
