import type { FastifyInstance } from "fastify";
import { createCaller, DomainError, invalid, type Deps } from "@shop/api";
import { contextOf } from "./request-context.ts";

const STREAMS = {
  "/api/orders/events/": "orders",
  "/api/seller/events/": "seller",
} as const;

function lastEventIdOf(header: string | string[] | undefined): number | undefined {
  if (header === undefined || header === "") return undefined;
  const value = Array.isArray(header) ? header[0]! : header;
  if (!/^\d{1,10}$/.test(value) || Number(value) > 2_147_483_647) {
    throw invalid("Last-Event-ID must be an event id.", { fields: { "Last-Event-ID": ["Expected a non-negative integer."] } });
  }
  return Number(value);
}

/**
 * Server-Sent Events of API.md §8: the `orders.onEvent` and `seller.onEvent` subscriptions,
 * called through the router (so authentication and roles are the procedures' own), written as
 * `id:`/`event:`/`data:` frames. Errors before the stream starts (401, 403, a bad
 * Last-Event-ID) are ordinary error responses.
 */
export function registerEventStreams(app: FastifyInstance, deps: Deps): void {
  // A comment line this often keeps proxies from closing an idle stream (API.md: at least every 15 s).
  const keepAliveMs = deps.config.eventKeepAliveMs ?? 10_000;
  // Open streams would hold app.close() forever: end them first (clients reconnect with Last-Event-ID).
  app.addHook("preClose", (done) => {
    deps.liveEvents?.endStreams();
    done();
  });

  for (const [path, namespace] of Object.entries(STREAMS)) {
    app.get(path, async (request, reply) => {
      if (!deps.liveEvents)
        throw new DomainError("SERVICE_UNAVAILABLE", "Live events are not available on this node.", { retryAfter: 5 });
      const lastEventId = lastEventIdOf(request.headers["last-event-id"]);
      const abort = new AbortController();
      const caller = createCaller(await contextOf(deps, request), { signal: abort.signal });
      const events = await caller[namespace].onEvent({ lastEventId });

      reply.hijack();
      const response = reply.raw;
      // A hijacked reply sends none of its own headers: those the hooks set (security, CORS, request id) go here.
      for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) response.setHeader(name, value);
      response.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      });
      response.write("retry: 2000\n: connected\n\n");
      const keepAlive = setInterval(() => response.write(": keep-alive\n\n"), keepAliveMs);
      response.on("close", () => abort.abort());
      try {
        for await (const item of events) {
          // The caller yields tracked() envelopes as they are: [id, data, symbol] (its types say {id, data}).
          const [id, event] = item as unknown as [string, { type: string }];
          response.write(`id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
        }
      } catch (error) {
        request.log.warn({ err: error }, "event stream failed");
      } finally {
        clearInterval(keepAlive);
        response.end();
      }
    });
  }
}
