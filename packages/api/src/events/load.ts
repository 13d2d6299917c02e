import type { PrismaClient, Tx } from "@shop/db";
import type { Audience, OrderEvent, OrderEventType, SellerLine, SellerOrderEvent } from "./types.ts";

/** An order event as read from the outbox, with every line of its order (for seller streams). */
export interface StoredOrderEvent {
  event: OrderEvent;
  buyerId: number;
  lines: (SellerLine & { seller_id: number })[];
}

interface EventRow {
  id: number;
  type: OrderEventType;
  order_id: number | null;
  user_id: number | null;
  status: string | null;
  created_at: Date;
  lines: StoredOrderEvent["lines"] | null;
}

export const EVENTS_PAGE = 500;

/** Committed events after `afterId`, in id order (product events come back as null: cursors skip them). */
export async function loadEventsAfter(
  db: Tx | PrismaClient,
  afterId: number,
  only?: { audience: Audience; userId: number },
): Promise<{ events: (StoredOrderEvent | null)[]; lastId: number }> {
  const rows = await db.$queryRaw<EventRow[]>`
    select e.id, e.type, e.order_id, e.user_id, e.status, e.created_at,
      (select json_agg(json_build_object('id', i.id, 'seller_id', i.seller_id, 'product_id', i.product_id,
                'variant_id', i.variant_id, 'sku', i.sku, 'quantity', i.quantity, 'shipped_at', i.shipped_at) order by i.id)
       from order_items i where i.order_id = e.order_id) as lines
    from events e
    where e.id > ${afterId}
      and (${only?.audience ?? null}::text is null
        or (${only?.audience ?? null} = 'buyer' and e.user_id = ${only?.userId ?? null}::int)
        or (${only?.audience ?? null} = 'seller' and e.order_id in (
              select order_id from order_items where seller_id = ${only?.userId ?? null}::int)))
    order by e.id
    limit ${EVENTS_PAGE}`;
  return {
    lastId: rows.at(-1)?.id ?? afterId,
    events: rows.map((row) =>
      row.order_id === null
        ? null
        : {
            event: {
              id: row.id,
              type: row.type,
              order_id: row.order_id,
              status: row.status ?? "",
              created_at: row.created_at.toISOString(),
            },
            buyerId: row.user_id ?? 0,
            lines: (row.lines ?? []).map((line) => ({
              ...line,
              shipped_at: line.shipped_at ? new Date(line.shipped_at).toISOString() : null,
            })),
          },
    ),
  };
}

/** Every committed event after `afterId`, page by page. */
export async function* eventsAfter(
  db: Tx | PrismaClient,
  afterId: number,
  only?: { audience: Audience; userId: number },
): AsyncGenerator<StoredOrderEvent | null> {
  let cursor = afterId;
  for (;;) {
    const { events, lastId } = await loadEventsAfter(db, cursor, only);
    yield* events;
    if (events.length < EVENTS_PAGE) return;
    cursor = lastId;
  }
}

/** What a subscriber of `audience` sees of a stored event; null when it is not theirs. */
export function viewFor(stored: StoredOrderEvent, audience: Audience, userId: number): OrderEvent | SellerOrderEvent | null {
  if (audience === "buyer") return stored.buyerId === userId ? stored.event : null;
  const items = stored.lines.filter((line) => line.seller_id === userId).map(({ seller_id: _, ...line }) => line);
  return items.length > 0 ? { ...stored.event, items } : null;
}
