import type { Context } from "../context.ts";

/**
 * Cache version names of the catalog (see cache/cache.ts). Any write that changes what a
 * product shows — product, variant (price, stock), image, review — bumps these after commit.
 */
export const productVersionNames = (productIds: number[]): string[] =>
  [...new Set(productIds)].map((id) => `product:${id}`).concat("products");

/** After commit, readers stop using the cached views of these products and every list page. */
export function bumpProducts(ctx: Context, productIds: number[]): void {
  if (productIds.length > 0) ctx.afterCommit(() => ctx.cache.bump(productVersionNames(productIds)));
}
