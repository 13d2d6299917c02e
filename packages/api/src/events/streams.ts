import type { AuthedContext } from "../context.ts";
import { DomainError } from "../errors.ts";
import { eventsAfter, viewFor } from "./load.ts";
import type { Audience, OrderEvent, SellerOrderEvent } from "./types.ts";

/**
 * The caller's order events (a buyer's own orders, or the orders holding a seller's lines, with
 * only those lines): first those after `lastEventId` from the table, then live ones. The live
 * subscription opens before the replay is read, so an event committed in between is in one or
 * the other; ids already sent are skipped. Ends when `signal` aborts, the session ends or the
 * node stops.
 */
export async function* orderEventStream(
  ctx: AuthedContext,
  audience: Audience,
  lastEventId: number | undefined,
  signal?: AbortSignal,
): AsyncGenerator<OrderEvent | SellerOrderEvent> {
  if (!ctx.liveEvents) {
    throw new DomainError("SERVICE_UNAVAILABLE", "Live events are not available on this node.", { retryAfter: 5 });
  }
  const userId = ctx.user.id;
  const subscription = ctx.liveEvents.subscribe({ audience, userId, sessionId: ctx.user.sessionId });
  const stop = () => subscription.close();
  signal?.addEventListener("abort", stop);
  try {
    let sent = lastEventId ?? 0;
    if (lastEventId !== undefined) {
      for await (const stored of eventsAfter(ctx.db, lastEventId, { audience, userId })) {
        const view = stored && viewFor(stored, audience, userId);
        if (!view) continue;
        sent = view.id;
        yield view;
      }
    }
    for await (const stored of subscription) {
      if (stored.event.id <= sent) continue;
      const view = viewFor(stored, audience, userId);
      if (!view) continue;
      sent = view.id;
      yield view;
    }
  } finally {
    signal?.removeEventListener("abort", stop);
    subscription.close();
  }
}
