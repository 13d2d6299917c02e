import type { Context } from "../context.ts";
import { productViewsByIds } from "../catalog/product-sql.ts";
import type { ProductView } from "../catalog/product-view.ts";
import type { SearchKind } from "./engine.ts";

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

/** Rows for ids, in the engine's order; ids the index still has but the database no longer does are dropped. */
const inOrder = <T extends { id: number }>(ids: number[], rows: T[]): T[] => {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
};

async function categoryResults(ctx: Context, ids: number[]): Promise<CategorySummary[]> {
  if (ids.length === 0) return [];
  const rows = await ctx.db.category.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, slug: true, description: true, parentId: true },
  });
  return inOrder(ids, rows).map(({ parentId, ...row }) => ({ ...row, parent: parentId }));
}

/** API.md §3: the best matches of each type searched; a key only for the types searched. */
export async function search(ctx: Context, input: SearchInput): Promise<SearchResults> {
  const window = { offset: (input.page - 1) * input.limit, limit: input.limit };
  const wanted = (kind: SearchKind) => input.type === undefined || input.type === kind;
  const [products, categories] = await Promise.all([
    wanted("product") ? ctx.search.search("product", input.q, window).then((ids) => productViewsByIds(ctx, ids)) : undefined,
    wanted("category") ? ctx.search.search("category", input.q, window).then((ids) => categoryResults(ctx, ids)) : undefined,
  ]);
  return { query: input.q, ...(products && { products }), ...(categories && { categories }) };
}
