import type { Tx } from "@shop/db";

/**
 * Adds a published review's rating to its product (`count` 1) or takes it away (`count` -1),
 * with an atomic update in the caller's transaction, so the sum, count and average stay exact
 * under concurrent reviews and moderation.
 */
export async function adjustRating(db: Tx, productId: number, rating: number, count: 1 | -1): Promise<void> {
  const sum = rating * count;
  await db.$executeRaw`
    update products
    set rating_sum = rating_sum + ${sum}, review_count = review_count + ${count},
        rating_average = case when review_count + ${count} = 0 then 0
                              else (rating_sum + ${sum})::float8 / (review_count + ${count}) end
    where id = ${productId}`;
}
