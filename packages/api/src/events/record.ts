import type { Tx } from "@shop/db";
import { WEBHOOK_MAX_ATTEMPTS } from "../webhooks/schedule.ts";
import type { EventType, OrderEventType, ProductEventType } from "./types.ts";

/** The event an order's new status announces: a new order is `order.created`. */
export const orderEventType = (status: string): OrderEventType =>
  (status === "pending" ? "order.created" : `order.${status}`) as OrderEventType;

/**
 * Writes the event row and, in the same statement, one `deliver_webhook` job per endpoint
 * subscribed to its type, on the caller's transaction: an event (and its webhooks) exists
 * exactly when the change commits. The public id and the NOTIFY to every node come at commit
 * (the `events_assign_id` trigger).
 */
async function recordEvent(
  tx: Tx,
  type: EventType,
  row: { orderId?: number; productId?: number; status?: string },
): Promise<void> {
  await tx.$executeRaw`
    with event as (
      insert into events (type, order_id, product_id, user_id, status)
      values (${type}, ${row.orderId ?? null}::int, ${row.productId ?? null}::int,
              (select user_id from orders where id = ${row.orderId ?? null}::int), ${row.status ?? null})
      returning key)
    select graphile_worker.add_jobs(array(
      select row('deliver_webhook', json_build_object('webhookId', w.id, 'eventKey', event.key),
                 null, null, ${WEBHOOK_MAX_ATTEMPTS}::int, null, null, null)::graphile_worker.job_spec
      from webhook_endpoints w where ${type} = any(w.events)))
    from event`;
}

/** Call in the transaction that gave the order `status` (checkout, every move of state.ts). */
export const recordOrderEvent = (tx: Tx, orderId: number, status: string) =>
  recordEvent(tx, orderEventType(status), { orderId, status });

/** Product events exist for webhooks only (API.md §9). */
export const recordProductEvent = (tx: Tx, productId: number, type: ProductEventType) => recordEvent(tx, type, { productId });
