import { createHash } from "node:crypto";
import { Prisma, sqlPool, type PrismaClient } from "@shop/db";
import type { Context } from "../context.ts";
import { MAX_PAGE_SIZE } from "../shared/pagination.ts";
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

const statementNames = new Map<string, string>();
/**
 * Rows of a query built with Prisma.sql, run on the client's pg pool (see sqlPool) as a named
 * prepared statement: each connection parses and plans a text once, then only binds values,
 * instead of receiving, parsing and planning the whole text (product JSON included) on every
 * call. Only for statements whose text takes a few shapes (values always as parameters).
 */
export async function poolRows<T>(client: PrismaClient, query: Prisma.Sql): Promise<T[]> {
  let name = statementNames.get(query.text);
  if (!name) statementNames.set(query.text, (name = `shop_${createHash("sha1").update(query.text).digest("hex").slice(0, 24)}`));
  return (await sqlPool(client).query({ name, text: query.text, values: query.values })).rows as T[];
}

/** Rows of a query built with Prisma.sql: in the open transaction, or on the client's pool (poolRows). */
export async function sqlRows<T>(ctx: SqlContext, query: Prisma.Sql): Promise<T[]> {
  if (ctx.inTransaction) return ctx.db.$queryRaw<T[]>(query);
  return poolRows<T>(ctx.client, query);
}

/**
 * The ids of one window of matching products, as SQL: a page's JSON is then built for its
 * own rows only, never for the rows an offset skips. The page size is written into the text
 * (a whole number up to 100: a few shapes) and a first page has no offset, so the statement
 * of a first page has no window parameter: PostgreSQL keeps one generic plan for it instead
 * of planning it again on every call, as it does when LIMIT or OFFSET is a parameter.
 */
function windowIds(where: Prisma.Sql, orderBy: Prisma.Sql, { skip, take }: { skip: number; take: number }): Prisma.Sql {
  if (!Number.isSafeInteger(take) || take < 1 || take > MAX_PAGE_SIZE) throw new Error(`page size out of range: ${take}`);
  const offset = skip === 0 ? Prisma.empty : Prisma.sql` offset ${skip}`;
  return Prisma.sql`select p.id from products p where ${where} order by ${orderBy} limit ${Prisma.raw(String(take))}${offset}`;
}

/** Views of the products a subquery yields (one `id` column), as a JSON array in its order. */
const viewsOf = (ids: Prisma.Sql) =>
  Prisma.sql`coalesce((select json_agg(${productJson} order by r.position)
                       from unnest(array(${ids})) with ordinality as r(id, position)
                       join products p on p.id = r.id join users u on u.id = p.seller_id), '[]')`;

/** The views of the products a subquery yields (one `id` column), in its order: one statement. */
export async function productViewsRankedBy(ctx: SqlContext, ids: Prisma.Sql): Promise<ProductView[]> {
  const [row] = await sqlRows<{ results: ProductView[] }>(ctx, Prisma.sql`select ${viewsOf(ids)} as results`);
  return row!.results;
}

/**
 * One window of matching product views and the count of all matches, in one statement.
 * `count` is SQL for the count when something cheaper than counting the rows knows it
 * (products.ts: the per-category counters); otherwise the matching rows are counted.
 */
export async function countedProductViews(
  ctx: SqlContext,
  where: Prisma.Sql,
  orderBy: Prisma.Sql,
  window: { skip: number; take: number },
  count: Prisma.Sql = Prisma.sql`select count(*) from products p where ${where}`,
): Promise<{ count: number; results: ProductView[] }> {
  const [row] = await sqlRows<{ count: number; results: ProductView[] }>(
    ctx,
    Prisma.sql`select (${count})::int as count, ${viewsOf(windowIds(where, orderBy, window))} as results`,
  );
  return row!;
}

/** The views of these products, in the order of `ids` (missing ones left out). */
export async function productViewsByIds(ctx: SqlContext, ids: number[]): Promise<ProductView[]> {
  if (ids.length === 0) return [];
  return productViewsRankedBy(ctx, Prisma.sql`select unnest(${ids}::int[])`);
}

/** One product's view, or null: the statement the bare detail route of the bench also runs. */
export async function productViewById(ctx: SqlContext, id: number): Promise<ProductView | null> {
  const [row] = await sqlRows<{ product: ProductView }>(
    ctx,
    Prisma.sql`select ${productJson} as product from products p join users u on u.id = p.seller_id where p.id = ${id}`,
  );
  return row?.product ?? null;
}
