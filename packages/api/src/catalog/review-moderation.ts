import type { Prisma, ReviewStatus } from "@shop/db";
import { SYSTEM_USER, type AuthedContext } from "../context.ts";
import { notFound } from "../errors.ts";
import { pageWindow, toPage, type Page, type PageRequest } from "../shared/pagination.ts";
import { writeProduct } from "./product-writes.ts";
import { adjustRating } from "./review-ratings.ts";

export const REVIEW_STATUSES = ["pending", "published", "hidden"] as const satisfies readonly ReviewStatus[];

/** A review as staff see it: with its product and author, and who hid it, when and why. */
export interface ModeratedReviewView {
  id: number;
  product: { id: number; name: string };
  user: { id: number; username: string };
  rating: number;
  comment: string;
  status: ReviewStatus;
  created_at: string;
  hidden_at: string | null;
  hidden_by: { id: number; username: string } | null;
  hidden_reason: string | null;
}

const moderatedSelect = {
  id: true,
  rating: true,
  comment: true,
  status: true,
  createdAt: true,
  hiddenAt: true,
  hiddenReason: true,
  product: { select: { id: true, name: true } },
  user: { select: { id: true, username: true } },
  hiddenBy: { select: { id: true, username: true } },
} satisfies Prisma.ReviewSelect;

const toModeratedView = (row: Prisma.ReviewGetPayload<{ select: typeof moderatedSelect }>): ModeratedReviewView => ({
  id: row.id,
  product: row.product,
  user: row.user,
  rating: row.rating,
  comment: row.comment,
  status: row.status,
  created_at: row.createdAt.toISOString(),
  hidden_at: row.hiddenAt?.toISOString() ?? null,
  hidden_by: row.hiddenBy,
  hidden_reason: row.hiddenReason,
});

/** Reviews in one status: the pending queue oldest first (first come, first moderated), the others newest first. */
export async function listReviewsForModeration(
  ctx: AuthedContext,
  status: ReviewStatus,
  page: PageRequest,
): Promise<Page<ModeratedReviewView>> {
  const direction = status === "pending" ? "asc" : "desc";
  const where = { status } satisfies Prisma.ReviewWhereInput;
  const [count, rows] = await Promise.all([
    ctx.db.review.count({ where }),
    ctx.db.review.findMany({
      where,
      select: moderatedSelect,
      orderBy: [{ createdAt: direction }, { id: direction }],
      ...pageWindow(page),
    }),
  ]);
  return toPage(rows.map(toModeratedView), count, page, `${ctx.config.publicUrl}/api/admin/reviews/`, { status });
}

/**
 * Moves a review to `to` under a row lock, so two moderators (or a moderator and the author's
 * own transaction) cannot count a rating twice. Only a move into or out of `published`
 * changes the product's rating sum and count, in the same transaction; the index job and the
 * cache bump follow through `writeProduct`. Moving to the status it already has changes nothing.
 */
async function moveReview(
  ctx: AuthedContext,
  reviewId: number,
  to: "published" | "hidden",
  reason: string | null,
): Promise<ModeratedReviewView> {
  const { review } = await writeProduct(ctx, async ({ db }) => {
    const [row] = await db.$queryRaw<{ product_id: number; rating: number; status: ReviewStatus }[]>`
      select product_id, rating, status::text as status from reviews where id = ${reviewId} for update`;
    if (!row) throw notFound("Review not found.");
    if (row.status !== to) {
      if (row.status === "published") await adjustRating(db, row.product_id, row.rating, -1);
      if (to === "published") await adjustRating(db, row.product_id, row.rating, 1);
      const hiding = to === "hidden";
      await db.review.update({
        where: { id: reviewId },
        data: {
          status: to,
          hiddenAt: hiding ? new Date() : null,
          // The admin CLI's system user has no account to point at.
          hiddenById: hiding && ctx.user.id !== SYSTEM_USER.id ? ctx.user.id : null,
          hiddenReason: hiding ? reason : null,
        },
      });
    }
    const review = await db.review.findUniqueOrThrow({ where: { id: reviewId }, select: moderatedSelect });
    return { productId: row.product_id, review };
  });
  return toModeratedView(review);
}

export const publishReview = (ctx: AuthedContext, reviewId: number) => moveReview(ctx, reviewId, "published", null);

export const hideReview = (ctx: AuthedContext, reviewId: number, reason: string | null = null) =>
  moveReview(ctx, reviewId, "hidden", reason);
