import type { PrismaClient } from "@shop/db";
import type { Logger } from "../shared/logger.ts";
import { EVENTS_PAGE, loadEventsAfter, type StoredOrderEvent } from "./load.ts";
import { AsyncQueue } from "./queue.ts";
import type { Audience } from "./types.ts";

export interface StreamOwner {
  audience: Audience;
  userId: number;
  /** The session behind the stream: when it ends (logout, reset, role change) so does the stream. */
  sessionId: string;
}

/** The live events of one stream from the moment it subscribed; ends on `close()`, a dead session or node shutdown. */
export interface LiveSubscription extends AsyncIterable<StoredOrderEvent> {
  close(): void;
}

/** The port: this node's feed of committed order events. */
export interface LiveEvents {
  subscribe(owner: StreamOwner): LiveSubscription;
  /** Ends every open stream (the server is stopping; clients reconnect elsewhere with Last-Event-ID). */
  endStreams(): void;
  /** Stops listening and ends every stream. */
  close(): Promise<void>;
}

export interface HubOptions {
  /** How often open streams' sessions are checked (API.md: a revoked session's stream ends within 30 s). Default 10 s. */
  sessionCheckMs?: number;
}

interface Subscriber extends StreamOwner {
  queue: AsyncQueue<StoredOrderEvent>;
}

/**
 * Fans committed events out to this node's streams. `wake()` (a NOTIFY, a reconnect, a poll)
 * reads every event after the last one dispatched, in id order: ids are given at commit under a
 * lock, so nothing committed can appear below the cursor later. Wakes while a read runs are
 * folded into one more read. Subscribers are indexed by audience and user, so an event costs a
 * lookup per buyer and seller of its order, whatever the number of streams.
 */
export function createEventHub(db: PrismaClient, logger: Logger, options: HubOptions = {}) {
  const byOwner = new Map<string, Set<Subscriber>>();
  let cursor: number | null = null;
  let reading: Promise<void> | null = null;
  let readAgain = false;
  let closed = false;
  const keyOf = (audience: Audience, userId: number) => `${audience}:${userId}`;

  function dispatch(stored: StoredOrderEvent): void {
    const owners = new Set([keyOf("buyer", stored.buyerId), ...stored.lines.map((line) => keyOf("seller", line.seller_id))]);
    for (const owner of owners) for (const subscriber of byOwner.get(owner) ?? []) subscriber.queue.push(stored);
  }

  async function readNew(): Promise<void> {
    cursor ??= (await db.$queryRaw<{ max: number | null }[]>`select max(id) as max from events`)[0]?.max ?? 0;
    for (;;) {
      const { events, lastId } = await loadEventsAfter(db, cursor);
      for (const stored of events) if (stored) dispatch(stored);
      cursor = lastId;
      if (events.length < EVENTS_PAGE || closed) return;
    }
  }

  function wake(): void {
    if (closed) return;
    if (reading) {
      readAgain = true;
      return;
    }
    reading = (async () => {
      do {
        readAgain = false;
        await readNew().catch((error: unknown) =>
          logger.warn({ err: error }, "reading new events failed: retried at the next wake"),
        );
      } while (readAgain && !closed);
      reading = null;
    })();
  }

  function remove(subscriber: Subscriber): void {
    subscriber.queue.end();
    const key = keyOf(subscriber.audience, subscriber.userId);
    const set = byOwner.get(key);
    set?.delete(subscriber);
    if (set?.size === 0) byOwner.delete(key);
  }

  const all = () => [...byOwner.values()].flatMap((set) => [...set]);

  async function checkSessions(): Promise<void> {
    const subscribers = all();
    if (subscribers.length === 0) return;
    const live = await db.session.findMany({
      where: {
        id: { in: [...new Set(subscribers.map((s) => s.sessionId))] },
        expiresAt: { gt: new Date() },
        user: { isActive: true },
      },
      select: { id: true, user: { select: { role: true } } },
    });
    const roles = new Map(live.map((session) => [session.id, session.user.role]));
    for (const subscriber of subscribers) {
      const role = roles.get(subscriber.sessionId);
      if (!role || (subscriber.audience === "seller" && role !== "seller")) remove(subscriber);
    }
  }

  const sessionTimer = setInterval(
    () => void checkSessions().catch((error: unknown) => logger.warn({ err: error }, "checking stream sessions failed")),
    options.sessionCheckMs ?? 10_000,
  );
  sessionTimer.unref();

  const hub = {
    wake,
    /** Sets the cursor to the newest committed event: streams opened from now on get what follows. */
    async start(): Promise<void> {
      await readNew();
    },
    subscribe(owner: StreamOwner): LiveSubscription {
      const subscriber: Subscriber = { ...owner, queue: new AsyncQueue() };
      if (closed) subscriber.queue.end();
      else {
        const key = keyOf(owner.audience, owner.userId);
        byOwner.set(key, (byOwner.get(key) ?? new Set()).add(subscriber));
      }
      return {
        [Symbol.asyncIterator]: () => subscriber.queue[Symbol.asyncIterator](),
        close: () => remove(subscriber),
      };
    },
    endStreams(): void {
      for (const subscriber of all()) remove(subscriber);
    },
    async close(): Promise<void> {
      closed = true;
      clearInterval(sessionTimer);
      hub.endStreams();
      await reading;
    },
    checkSessions,
    get streamCount() {
      return all().length;
    },
  };
  return hub;
}

export type EventHub = ReturnType<typeof createEventHub>;
