import pg from "pg";
import type { Logger } from "../context.ts";

export const EVENTS_CHANNEL = "shop_events";

export interface EventListener {
  /** Resolves once the first LISTEN is in place. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export interface ListenerOptions {
  /** First delay before reconnecting after a lost connection (doubles up to 5 s). Default 100 ms. */
  retryMs?: number;
}

/**
 * The node's one dedicated connection that LISTENs for committed events (a pooled connection
 * cannot: LISTEN belongs to a session). Every notification, and every (re)connection, calls
 * `onWake`, which reads the table from its cursor: what was committed while the connection was
 * down arrives after the reconnect.
 */
export function listenForEvents(
  connectionString: string,
  logger: Logger,
  onWake: () => void,
  options: ListenerOptions = {},
): EventListener {
  const firstDelay = options.retryMs ?? 100;
  let client: pg.Client | null = null;
  let closed = false;
  let delay = firstDelay;
  let retryTimer: NodeJS.Timeout | undefined;
  let resolveReady!: () => void;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));

  function retry(): void {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, delay);
    delay = Math.min(delay * 2, 5_000);
  }

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString, keepAlive: true, application_name: "shop-events-listener" });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (client === next) client = null;
      void next.end().catch(() => {});
      if (closed) return;
      logger.warn({ err: error }, "event listener connection lost: reconnecting");
      retry();
    };
    next.on("error", onLost);
    next.on("end", () => onLost());
    next.on("notification", () => onWake());
    try {
      await next.connect();
      await next.query(`listen ${EVENTS_CHANNEL}`);
    } catch (error) {
      onLost(error as Error);
      return;
    }
    if (closed) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    delay = firstDelay;
    resolveReady();
    onWake(); // catch up on what was committed before (or while) this connection was down
  }

  void connect();
  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      resolveReady();
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
