import { z } from "zod";
import { EVENT_TYPES } from "../events/types.ts";
import { pageOutput, paginationInput } from "../shared/pagination.ts";
import { adminProcedure, router } from "../trpc.ts";
import * as webhooks from "./service.ts";

const id = () => z.coerce.number().int().positive().max(2_147_483_647);

const webhookOutput = z.object({
  id: z.number().int(),
  url: z.string(),
  events: z.array(z.string()),
  description: z.string(),
  created_at: z.string(),
});

const deliveryOutput = z.object({
  id: z.number().int(),
  webhook_id: z.number().int(),
  event_type: z.string(),
  attempt: z.number().int(),
  status_code: z.number().int().nullable(),
  error: z.string().nullable(),
  delivered_at: z.string(),
  next_attempt_at: z.string().nullable(),
});

const webhookUrl = z
  .url({ protocol: /^https?$/, error: "Enter an http or https URL." })
  .max(2000)
  .refine((url) => !new URL(url).username && !new URL(url).password, "Credentials in the URL are not accepted.");

/** Staff manage integrators' endpoints (API.md §9); also `pnpm admin webhook add|list|remove`. */
export const webhooksRouter = router({
  create: adminProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/admin/webhooks/",
        tags: ["webhooks"],
        summary: "Subscribe an endpoint to events (staff)",
        description:
          "The answer carries the signing `secret` (`whsec_` + base64), shown only here. In production, URLs that resolve " +
          "to loopback or private addresses → 400 unless `WEBHOOK_ALLOW_PRIVATE=true`.",
      },
      successStatus: 201,
      errors: [403],
    })
    .input(
      z.object({
        url: webhookUrl,
        events: z.array(z.enum(EVENT_TYPES)).min(1),
        description: z.string().trim().max(500).default(""),
      }),
    )
    .output(webhookOutput.extend({ secret: z.string() }))
    .mutation(({ ctx, input }) => webhooks.createWebhook(ctx, input)),

  list: adminProcedure
    .meta({
      openapi: { method: "GET", path: "/admin/webhooks/", tags: ["webhooks"], summary: "Webhook endpoints (staff)" },
      errors: [403],
    })
    .input(z.void())
    .output(z.array(webhookOutput))
    .query(({ ctx }) => webhooks.listWebhooks(ctx)),

  remove: adminProcedure
    .meta({
      openapi: {
        method: "DELETE",
        path: "/admin/webhooks/{id}/",
        tags: ["webhooks"],
        summary: "Remove a webhook endpoint (staff)",
      },
      successStatus: 204,
      errors: [403, 404],
    })
    .input(z.object({ id: id() }))
    .output(z.void())
    .mutation(({ ctx, input }) => webhooks.deleteWebhook(ctx, input.id)),

  deliveries: adminProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/admin/webhooks/{id}/deliveries/",
        tags: ["webhooks"],
        summary: "Delivery attempts of an endpoint, newest first (staff)",
      },
      errors: [403, 404],
    })
    .input(z.object({ id: id(), ...paginationInput }))
    .output(pageOutput(deliveryOutput))
    .query(({ ctx, input }) => webhooks.listDeliveries(ctx, input.id, input)),
});
