import type { Context } from "../context.ts";
import { allProductDocuments, CategoryTree } from "./documents.ts";
import { syncProductIndex } from "./sync.ts";

export interface ReindexOptions {
  batchSize?: number;
  log?: (message: string) => void;
}

export interface ReindexSummary {
  products: number;
  categories: number;
  /** Products changed or deleted while the rebuild ran, synced again afterwards. */
  caughtUp: number;
}

/**
 * Rebuilds the search index from PostgreSQL in batches, while the API keeps answering from
 * the live index (Meilisearch: a fresh index swapped in at the end). Index jobs that ran
 * meanwhile wrote to the old index, so products changed or deleted since the start are
 * synced once more after the swap.
 */
export async function reindexAll(ctx: Context, options: ReindexOptions = {}): Promise<ReindexSummary> {
  const batchSize = options.batchSize ?? 500;
  const log = options.log ?? (() => {});
  const startedAt = new Date();
  await ctx.search.setup();

  const tree = await CategoryTree.load(ctx.db);
  const categoryIds = tree.ids();
  await ctx.search.rebuild("category", async (write) => {
    await write(categoryIds.map((id) => tree.categoryDocument(id)!));
  });
  log(`categories: ${categoryIds.length}/${categoryIds.length}`);

  const total = await ctx.db.product.count();
  const written: number[] = [];
  await ctx.search.rebuild("product", async (write) => {
    for await (const documents of allProductDocuments(ctx.db, batchSize)) {
      await write(documents);
      written.push(...documents.map((d) => d.id));
      log(`products: ${written.length}/${total}`);
    }
  });

  const stillThere = new Set((await ctx.db.product.findMany({ select: { id: true } })).map((p) => p.id));
  const changed = await ctx.db.product.findMany({ where: { updatedAt: { gte: startedAt } }, select: { id: true } });
  const toSync = [...new Set([...written.filter((id) => !stillThere.has(id)), ...changed.map((p) => p.id)])];
  for (const id of toSync) await syncProductIndex(ctx, id);
  if (toSync.length > 0) log(`caught up with ${toSync.length} products changed during the rebuild`);
  return { products: written.length, categories: categoryIds.length, caughtUp: toSync.length };
}

/**
 * A first start, or the first start after the search migration: products exist but no
 * search document does. Rebuilds then; otherwise the index jobs keep it current.
 */
export async function reindexIfEmpty(ctx: Context, options: ReindexOptions = {}): Promise<ReindexSummary | null> {
  const [documents, products] = await Promise.all([ctx.db.productSearch.count(), ctx.db.product.count()]);
  if (documents > 0 || products === 0) return null;
  return reindexAll(ctx, options);
}
