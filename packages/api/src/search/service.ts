import { Prisma } from "@shop/db";
import type { Context } from "../context.ts";
import { productViewsRankedBy, sqlRows } from "../catalog/product-sql.ts";
import type { ProductView } from "../catalog/product-view.ts";
import type { SearchKind, SearchWindow } from "./engine.ts";

/** A category in search results: the tree's node without its children. */
export interface CategorySummary {
  id: number;
  name: string;
  slug: string;
  description: string;
  parent: number | null;
}

export interface SearchInput {
  q: string;
  type?: SearchKind;
  page: number;
  limit: number;
}

export interface SearchResults {
  query: string;
  products?: ProductView[];
  categories?: CategorySummary[];
}

/** Summaries of the categories a subquery yields (one `id` column), in its order. */
async function categoriesRankedBy(ctx: Context, ids: Prisma.Sql): Promise<CategorySummary[]> {
  const [row] = await sqlRows<{ results: CategorySummary[] }>(
    ctx,
    Prisma.sql`select coalesce(json_agg(json_build_object('id', c.id, 'name', c.name, 'slug', c.slug,
                                                          'description', c.description, 'parent', c.parent_id)
                                        order by r.position), '[]') as results
               from unnest(array(${ids})) with ordinality as r(id, position) join categories c on c.id = r.id`,
  );
  return row!.results;
}

/**
 * One kind's best matches as an SQL subquery of ids, so their rows are read in one statement:
 * an engine in the catalog's database hands over its ranking itself; from any other the ids
 * are inlined (ids the index still has but the database no longer does drop out in the join).
 */
async function ranking(ctx: Context, kind: SearchKind, q: string, window: SearchWindow): Promise<Prisma.Sql | null> {
  if (ctx.search.rankingSql) return ctx.search.rankingSql(kind, q, window);
  const ids = await ctx.search.search(kind, q, window);
  return ids.length === 0 ? null : Prisma.sql`select unnest(${ids}::int[])`;
}

/** API.md §3: the best matches of each type searched; a key only for the types searched. */
export async function search(ctx: Context, input: SearchInput): Promise<SearchResults> {
  const window = { offset: (input.page - 1) * input.limit, limit: input.limit };
  const wanted = (kind: SearchKind) => input.type === undefined || input.type === kind;
  const [products, categories] = await Promise.all([
    wanted("product")
      ? ranking(ctx, "product", input.q, window).then((ids) => (ids ? productViewsRankedBy(ctx, ids) : []))
      : undefined,
    wanted("category")
      ? ranking(ctx, "category", input.q, window).then((ids) => (ids ? categoriesRankedBy(ctx, ids) : []))
      : undefined,
  ]);
  return { query: input.q, ...(products && { products }), ...(categories && { categories }) };
}
