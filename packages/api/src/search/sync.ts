import type { Deps } from "../context.ts";
import { CategoryTree, productDocuments, productIdsInCategories } from "./documents.ts";

const BATCH = 500;

// Index jobs enqueued by every catalog write (in the writer's transaction, with a job key so
// a burst of edits collapses into one run). Each run reads the current state, so a late or
// repeated run is harmless; a failure throws and graphile-worker retries with backoff.

/** Re-indexes the product, or removes it from the index when it no longer exists. */
export async function syncProductIndex(deps: Deps, productId: number): Promise<void> {
  const [document] = await productDocuments(deps.db, [productId]);
  if (document) await deps.search.upsert("product", [document]);
  else await deps.search.remove("product", [productId]);
}

/**
 * Re-indexes the category, its descendants (their paths name it) and every product under it
 * (their documents carry the category path), or removes the category when it is gone.
 */
export async function syncCategoryIndex(deps: Deps, categoryId: number): Promise<void> {
  const tree = await CategoryTree.load(deps.db);
  const subtree = tree.subtree(categoryId);
  if (subtree.length === 0) {
    await deps.search.remove("category", [categoryId]);
    return;
  }
  await deps.search.upsert(
    "category",
    subtree.map((id) => tree.categoryDocument(id)!),
  );
  for await (const ids of productIdsInCategories(deps.db, subtree, BATCH)) {
    await deps.search.upsert("product", await productDocuments(deps.db, ids, tree));
  }
}
