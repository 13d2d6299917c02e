/**
 * Cache version names of the catalog (see cache/cache.ts). Any write that changes what a
 * product shows — product, variant (price, stock), image, review — bumps these after commit.
 */
export const productVersionNames = (productIds: number[]): string[] =>
  [...new Set(productIds)].map((id) => `product:${id}`).concat("products");
