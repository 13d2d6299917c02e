import type { Prisma } from "@shop/db";
import type { Context } from "../context.ts";
import { invalid, notFound } from "../errors.ts";
import type { EventType } from "../events/types.ts";
import { pageWindow, toPage, type Page, type PageRequest } from "../shared/pagination.ts";
import { encryptSecret, newWebhookSecret } from "./secrets.ts";
import { assertPublicHost, PrivateAddressError } from "./url-guard.ts";

export interface WebhookView {
  id: number;
  url: string;
  events: string[];
  description: string;
  created_at: string;
}

export interface DeliveryView {
  id: number;
  webhook_id: number;
  event_type: string;
  attempt: number;
  status_code: number | null;
  error: string | null;
  delivered_at: string;
  next_attempt_at: string | null;
}

const webhookSelect = {
  id: true,
  url: true,
  events: true,
  description: true,
  createdAt: true,
} satisfies Prisma.WebhookEndpointSelect;

const toView = (row: Prisma.WebhookEndpointGetPayload<{ select: typeof webhookSelect }>): WebhookView => ({
  id: row.id,
  url: row.url,
  events: row.events,
  description: row.description,
  created_at: row.createdAt.toISOString(),
});

/** Private and loopback targets are refused unless the deployment allows them (API.md §9). */
export async function checkWebhookUrl(ctx: Context, url: string): Promise<void> {
  if (ctx.config.allowPrivateWebhookUrls !== false) return;
  try {
    await assertPublicHost(new URL(url));
  } catch (error) {
    const reason = error instanceof PrivateAddressError ? `${error.message}.` : "The host name does not resolve.";
    throw invalid("This URL cannot receive webhooks.", { fields: { url: [reason] } });
  }
}

/** A new endpoint; its secret is shown in this answer only. */
export async function createWebhook(
  ctx: Context,
  input: { url: string; events: EventType[]; description: string },
): Promise<WebhookView & { secret: string }> {
  await checkWebhookUrl(ctx, input.url);
  const secret = newWebhookSecret();
  const row = await ctx.db.webhookEndpoint.create({
    data: {
      url: input.url,
      events: [...new Set(input.events)],
      description: input.description,
      secretCiphertext: encryptSecret(ctx.config.authSecret, secret),
    },
    select: webhookSelect,
  });
  return { ...toView(row), secret };
}

export async function listWebhooks(ctx: Context): Promise<WebhookView[]> {
  const rows = await ctx.db.webhookEndpoint.findMany({ select: webhookSelect, orderBy: { id: "asc" } });
  return rows.map(toView);
}

/** Deliveries still queued for it are dropped when their job runs. */
export async function deleteWebhook(ctx: Context, id: number): Promise<void> {
  const { count } = await ctx.db.webhookEndpoint.deleteMany({ where: { id } });
  if (count === 0) throw notFound("No such webhook.");
}

export async function listDeliveries(ctx: Context, webhookId: number, page: PageRequest): Promise<Page<DeliveryView>> {
  const endpoint = await ctx.db.webhookEndpoint.findUnique({ where: { id: webhookId }, select: { id: true } });
  if (!endpoint) throw notFound("No such webhook.");
  const where = { webhookId };
  const [count, rows] = await Promise.all([
    ctx.db.webhookDelivery.count({ where }),
    ctx.db.webhookDelivery.findMany({ where, orderBy: { id: "desc" }, ...pageWindow(page) }),
  ]);
  const results = rows.map((row) => ({
    id: row.id,
    webhook_id: row.webhookId,
    event_type: row.eventType,
    attempt: row.attempt,
    status_code: row.statusCode,
    error: row.error,
    delivered_at: row.deliveredAt.toISOString(),
    next_attempt_at: row.nextAttemptAt?.toISOString() ?? null,
  }));
  return toPage(results, count, page, `${ctx.config.publicUrl}/api/admin/webhooks/${webhookId}/deliveries/`);
}
