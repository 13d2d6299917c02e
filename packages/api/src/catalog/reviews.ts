import type { Prisma } from "@shop/db";
import type { AuthedContext, Context } from "../context.ts";
import { conflict, forbidden, notFound } from "../errors.ts";
import { pageWindow, toPage, type Page, type PageRequest } from "../shared/pagination.ts";
import { writeProduct } from "./product-writes.ts";

export interface ReviewView {
  id: number;
  user: { id: number; username: string };
  rating: number;
  comment: string;
  created_at: string;
}

const reviewSelect = {
  id: true,
  rating: true,
  comment: true,
  createdAt: true,
  user: { select: { id: true, username: true } },
} satisfies Prisma.ReviewSelect;

const toReviewView = (row: Prisma.ReviewGetPayload<{ select: typeof reviewSelect }>): ReviewView => ({
  id: row.id,
  user: row.user,
  rating: row.rating,
  comment: row.comment,
  created_at: row.createdAt.toISOString(),
});

async function assertProductExists(ctx: Context, productId: number) {
  const product = await ctx.db.product.findUnique({ where: { id: productId }, select: { sellerId: true } });
  if (!product) throw notFound("Product not found.");
  return product;
}

export async function listReviews(ctx: Context, productId: number, page: PageRequest): Promise<Page<ReviewView>> {
  await assertProductExists(ctx, productId);
  const where = { productId };
  const [count, rows] = await Promise.all([
    ctx.db.review.count({ where }),
    ctx.db.review.findMany({
      where,
      select: reviewSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      ...pageWindow(page),
    }),
  ]);
  return toPage(rows.map(toReviewView), count, page, `${ctx.config.publicUrl}/api/products/${productId}/reviews/`);
}

/**
 * One review per user and product (409 for a second). The product's rating sum and count
 * change in the same transaction, with an atomic increment, so the average stays exact.
 */
export async function addReview(
  ctx: AuthedContext,
  productId: number,
  input: { rating: number; comment: string },
): Promise<ReviewView> {
  const product = await assertProductExists(ctx, productId);
  if (product.sellerId === ctx.user.id) throw forbidden("Sellers cannot review their own products.");
  const { review } = await writeProduct(
    ctx,
    async ({ db }) => {
      const review = await db.review.create({ data: { productId, userId: ctx.user.id, ...input }, select: reviewSelect });
      await db.$executeRaw`
        update products
        set rating_sum = rating_sum + ${input.rating}, review_count = review_count + 1,
            rating_average = (rating_sum + ${input.rating})::float8 / (review_count + 1)
        where id = ${productId}`;
      return { productId, review };
    },
    () => conflict("You have already reviewed this product.", { code: "DUPLICATE_REVIEW" }),
  );
  return toReviewView(review);
}
