import type { Prisma, ReviewStatus } from "@shop/db";
import type { AuthedContext, Context } from "../context.ts";
import { conflict, forbidden, notFound } from "../errors.ts";
import { pageWindow, toPage, type Page, type PageRequest } from "../shared/pagination.ts";
import { writeProduct } from "./product-writes.ts";
import { adjustRating } from "./review-ratings.ts";

export interface ReviewView {
  id: number;
  user: { id: number; username: string };
  rating: number;
  comment: string;
  status: ReviewStatus;
  created_at: string;
}

const reviewSelect = {
  id: true,
  rating: true,
  comment: true,
  status: true,
  createdAt: true,
  user: { select: { id: true, username: true } },
} satisfies Prisma.ReviewSelect;

const toReviewView = (row: Prisma.ReviewGetPayload<{ select: typeof reviewSelect }>): ReviewView => ({
  id: row.id,
  user: row.user,
  rating: row.rating,
  comment: row.comment,
  status: row.status,
  created_at: row.createdAt.toISOString(),
});

async function assertProductExists(ctx: Context, productId: number) {
  const product = await ctx.db.product.findUnique({ where: { id: productId }, select: { sellerId: true } });
  if (!product) throw notFound("Product not found.");
  return product;
}

/** Published reviews only: pending and hidden ones are seen by staff alone (review-moderation.ts). */
export async function listReviews(ctx: Context, productId: number, page: PageRequest): Promise<Page<ReviewView>> {
  await assertProductExists(ctx, productId);
  const where = { productId, status: "published" } satisfies Prisma.ReviewWhereInput;
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
 * One review per user and product, whatever the status of the first (409 for a second). With
 * `REVIEW_MODERATION=post` the review is published at once and the product's rating sum and
 * count change in the same transaction; with `pre` it waits, pending, for staff.
 */
export async function addReview(
  ctx: AuthedContext,
  productId: number,
  input: { rating: number; comment: string },
): Promise<ReviewView> {
  const product = await assertProductExists(ctx, productId);
  if (product.sellerId === ctx.user.id) throw forbidden("Sellers cannot review their own products.");
  const status: ReviewStatus = ctx.config.reviewModeration === "pre" ? "pending" : "published";
  const { review } = await writeProduct(
    ctx,
    async ({ db }) => {
      const review = await db.review.create({
        data: { productId, userId: ctx.user.id, status, ...input },
        select: reviewSelect,
      });
      if (status === "published") await adjustRating(db, productId, input.rating, 1);
      return { productId, review };
    },
    () => conflict("You have already reviewed this product.", { code: "DUPLICATE_REVIEW" }),
  );
  return toReviewView(review);
}
