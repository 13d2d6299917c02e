import { createDb } from "@shop/db";
import type { Logger } from "../context.ts";
import { createEventHub, type HubOptions, type LiveEvents } from "./hub.ts";
import { listenForEvents, type ListenerOptions } from "./pg-listener.ts";

export interface LiveEventsOptions extends HubOptions, ListenerOptions {
  connectionString: string;
  logger: Logger;
  /** A read of the table this often whatever happens (a lost notification costs at most this). Default 5 s. */
  pollMs?: number;
}

/**
 * This node's live events: a hub fed by a dedicated LISTEN connection (and a slow poll as a
 * safety net). Its reads (new events, stream sessions) go through a small pool of its own, so
 * they never queue behind request traffic.
 */
export async function startLiveEvents(options: LiveEventsOptions): Promise<LiveEvents> {
  const db = createDb(options.connectionString, { max: 2 });
  const hub = createEventHub(db, options.logger, options);
  await hub.start();
  const listener = listenForEvents(options.connectionString, options.logger, hub.wake, options);
  await listener.ready;
  const poll = setInterval(hub.wake, options.pollMs ?? 5_000);
  poll.unref();
  return {
    subscribe: hub.subscribe,
    endStreams: hub.endStreams,
    async close() {
      clearInterval(poll);
      await listener.close();
      await hub.close();
      await db.$disconnect();
    },
  };
}
