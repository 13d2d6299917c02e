import { Webhook } from "standardwebhooks";
import type { Context } from "../context.ts";
import { postWebhook } from "./post.ts";
import { nextAttemptAt } from "./schedule.ts";
import { decryptSecret } from "./secrets.ts";

/** The body of API.md §9: `{type, timestamp, data}`, the same bytes on every attempt. */
function bodyOf(event: {
  id: number;
  type: string;
  orderId: number | null;
  productId: number | null;
  status: string | null;
  createdAt: Date;
}): string {
  const created_at = event.createdAt.toISOString();
  const data =
    event.orderId !== null
      ? { id: event.id, type: event.type, order_id: event.orderId, status: event.status, created_at }
      : { id: event.id, type: event.type, product_id: event.productId, created_at };
  return JSON.stringify({ type: event.type, timestamp: created_at, data });
}

/**
 * Job: one attempt to deliver one event to one endpoint, signed per Standard Webhooks. The
 * attempt is logged; a failure throws, so graphile-worker retries it with backoff (schedule.ts).
 * `webhook-id` is the event's, the same on every retry, so receivers can drop duplicates.
 */
export async function deliverWebhook(
  ctx: Context,
  { webhookId, eventKey }: { webhookId: number; eventKey: number },
): Promise<void> {
  const [endpoint, event] = await Promise.all([
    ctx.db.webhookEndpoint.findUnique({ where: { id: webhookId } }),
    ctx.db.event.findUnique({ where: { key: eventKey } }),
  ]);
  if (!endpoint || !event || event.id === null) return; // endpoint removed since
  const body = bodyOf({ ...event, id: event.id });
  const messageId = `evt_${event.id}`;
  const sentAt = new Date();
  const signature = new Webhook(decryptSecret(ctx.config.authSecret, endpoint.secretCiphertext)).sign(messageId, sentAt, body);
  const result = await postWebhook(
    endpoint.url,
    body,
    { "webhook-id": messageId, "webhook-timestamp": String(Math.floor(sentAt.getTime() / 1000)), "webhook-signature": signature },
    { allowPrivate: ctx.config.allowPrivateWebhookUrls !== false },
  );
  const attempt = (await ctx.db.webhookDelivery.count({ where: { webhookId, eventKey } })) + 1;
  await ctx.db.webhookDelivery.create({
    data: {
      webhookId,
      eventKey,
      eventType: event.type,
      attempt,
      statusCode: result.statusCode,
      error: result.error,
      deliveredAt: sentAt,
      nextAttemptAt: result.error ? nextAttemptAt(attempt, new Date()) : null,
    },
  });
  if (result.error) {
    ctx.logger.warn({ webhookId, eventId: event.id, attempt, error: result.error }, "webhook delivery failed");
    throw new Error(`webhook ${webhookId} delivery of event ${event.id} failed: ${result.error}`);
  }
}
