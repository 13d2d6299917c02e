import { Prisma, sqlPool } from "@shop/db";
import type { Context } from "../context.ts";
import type { ProductView } from "./product-view.ts";

type SqlContext = Pick<Context, "db" | "client" | "inTransaction">;

const money = (column: string) => `to_char(${column} / 100.0, 'FM999999990.00')`;
const isoTime = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * A product's API JSON built by PostgreSQL in the same statement that finds it: one round
 * trip per page or product, no per-row work in Node. `p` is products, `u` its seller.
 */
export const PRODUCT_JSON = `
  json_build_object(
    'id', p.id, 'name', p.name, 'slug', p.slug, 'description', p.description, 'category', p.category_id,
    'seller', json_build_object('id', u.id, 'username', u.username),
    'price_from', ${money("p.price_from")},
    'images', coalesce((select json_agg(json_build_object('id', i.id, 'url', i.url, 'alt_text', i.alt_text) order by i.position, i.id)
                        from product_images i where i.product_id = p.id), '[]'),
    'variants', coalesce((select json_agg(json_build_object('id', v.id, 'sku', v.sku, 'name', v.name, 'price', ${money("v.price")},
                                                            'stock', v.stock, 'attributes', v.attributes) order by v.id)
                          from product_variants v where v.product_id = p.id), '[]'),
    'average_rating', case when p.review_count = 0 then null else round(p.rating_sum::numeric / p.review_count, 2) end,
    'review_count', p.review_count,
    'created_at', ${isoTime("p.created_at")},
    'updated_at', ${isoTime("p.updated_at")})`;

const productJson = Prisma.raw(PRODUCT_JSON);

/** Rows of a query built with Prisma.sql: on the client's pg pool (see sqlPool), or in the open transaction. */
export async function sqlRows<T>(ctx: SqlContext, query: Prisma.Sql): Promise<T[]> {
  if (ctx.inTransaction) return ctx.db.$queryRaw<T[]>(query);
  return (await sqlPool(ctx.client).query(query.text, query.values)).rows as T[];
}

/** Product views matching `where` (SQL over `p`), in `orderBy` order, one window of them. */
export async function queryProductViews(
  ctx: SqlContext,
  where: Prisma.Sql,
  orderBy: Prisma.Sql = Prisma.sql`p.id`,
  window: { skip: number; take: number } = { skip: 0, take: 1000 },
): Promise<ProductView[]> {
  const rows = await sqlRows<{ product: ProductView }>(
    ctx,
    Prisma.sql`select ${productJson} as product from products p join users u on u.id = p.seller_id
               where ${where} order by ${orderBy} limit ${window.take} offset ${window.skip}`,
  );
  return rows.map((row) => row.product);
}

/** One window of matching product views and the count of all matches, in one statement. */
export async function countedProductViews(
  ctx: SqlContext,
  where: Prisma.Sql,
  orderBy: Prisma.Sql,
  window: { skip: number; take: number },
): Promise<{ count: number; results: ProductView[] }> {
  const [row] = await sqlRows<{ count: number; results: ProductView[] }>(
    ctx,
    Prisma.sql`select (select count(*)::int from products p where ${where}) as count,
                      coalesce((select json_agg(page.product) from (
                        select ${productJson} as product from products p join users u on u.id = p.seller_id
                        where ${where} order by ${orderBy} limit ${window.take} offset ${window.skip}) page), '[]') as results`,
  );
  return row!;
}

/** The views of these products, in the order of `ids` (missing ones left out). */
export async function productViewsByIds(ctx: SqlContext, ids: number[]): Promise<ProductView[]> {
  if (ids.length === 0) return [];
  const views = await queryProductViews(ctx, Prisma.sql`p.id = any(${ids}::int[])`, undefined, { skip: 0, take: ids.length });
  const byId = new Map(views.map((view) => [view.id, view]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
