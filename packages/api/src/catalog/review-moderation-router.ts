import { z } from "zod";
import { pageOutput, paginationInput } from "../shared/pagination.ts";
import { adminProcedure, router } from "../trpc.ts";
import { hideReview, listReviewsForModeration, publishReview, REVIEW_STATUSES } from "./review-moderation.ts";

const id = () => z.coerce.number().int().positive().max(2_147_483_647);
const person = z.object({ id: z.number().int(), username: z.string() });

export const moderatedReviewOutput = z
  .object({
    id: z.number().int(),
    product: z.object({ id: z.number().int(), name: z.string() }),
    user: person,
    rating: z.number().int(),
    comment: z.string(),
    status: z.enum(REVIEW_STATUSES),
    created_at: z.string(),
    hidden_at: z.string().nullable(),
    hidden_by: person.nullable(),
    hidden_reason: z.string().nullable(),
  })
  .meta({ id: "ModeratedReview" });

/** Staff moderation of reviews (API.md §10). */
export const reviewModerationRouter = router({
  moderationQueue: adminProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/admin/reviews/",
        tags: ["moderation"],
        summary: "Reviews by status, with product and author (staff)",
        description: "`status` defaults to `pending` (the queue, oldest first); `published` and `hidden` list newest first.",
      },
      errors: [403, 404],
    })
    .input(z.object({ status: z.enum(REVIEW_STATUSES).default("pending"), ...paginationInput }))
    .output(pageOutput(moderatedReviewOutput))
    .query(({ ctx, input: { status, ...page } }) => listReviewsForModeration(ctx, status, page)),

  publish: adminProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/admin/reviews/{id}/publish/",
        tags: ["moderation"],
        summary: "Publish a pending or hidden review (staff)",
        description:
          "The review is listed and counted in the product's rating at once. Publishing a published review changes nothing.",
      },
      errors: [403, 404],
    })
    .input(z.object({ id: id() }))
    .output(moderatedReviewOutput)
    .mutation(({ ctx, input }) => publishReview(ctx, input.id)),

  hide: adminProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/admin/reviews/{id}/hide/",
        tags: ["moderation"],
        summary: "Hide a review (staff)",
        description:
          "The review leaves the product's list and rating at once; who hid it, when, and the optional `reason` are kept. " +
          "Hiding a hidden review changes nothing.",
      },
      errors: [403, 404],
    })
    .input(z.object({ id: id(), reason: z.string().trim().min(1).max(500).optional() }))
    .output(moderatedReviewOutput)
    .mutation(({ ctx, input }) => hideReview(ctx, input.id, input.reason ?? null)),
});
