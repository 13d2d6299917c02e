import type { Context } from "../context.ts";
import { CategoryTree, productDocuments, productIdsInCategories } from "./documents.ts";

const BATCH = 500;

// Index jobs enqueued by every catalog write (in the writer's transaction, with a job key so
// a burst of edits collapses into one run). Each run reads the current state, so a late or
// repeated run is harmless; a failure throws and graphile-worker retries with backoff.

/** Re-indexes the product, or removes it from the index when it no longer exists. */
export async function syncProductIndex(ctx: Context, productId: number): Promise<void> {
  const [document] = await productDocuments(ctx.db, [productId]);
  if (document) await ctx.search.upsert("product", [document]);
  else await ctx.search.remove("product", [productId]);
}

/**
 * Re-indexes the category, its descendants (their paths name it) and every product under it
 * (their documents carry the category path), or removes the category when it is gone.
 */
export async function syncCategoryIndex(ctx: Context, categoryId: number): Promise<void> {
  const tree = await CategoryTree.load(ctx.db);
  const subtree = tree.subtree(categoryId);
  if (subtree.length === 0) {
    await ctx.search.remove("category", [categoryId]);
    return;
  }
  await ctx.search.upsert(
    "category",
    subtree.map((id) => tree.categoryDocument(id)!),
  );
  for await (const ids of productIdsInCategories(ctx.db, subtree, BATCH)) {
    await ctx.search.upsert("product", await productDocuments(ctx.db, ids, tree));
  }
}
