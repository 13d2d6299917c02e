import type { Logger } from "../context.ts";
import type { SearchEngine } from "./engine.ts";

/**
 * Meilisearch backed by the PostgreSQL engine. Writes go to both (PostgreSQL first, so the
 * fallback is current even while Meilisearch is down; a Meilisearch failure still fails the
 * job, which graphile-worker retries until it catches up). Searches that Meilisearch cannot
 * answer are answered by PostgreSQL, with a warning: never an error for the client.
 */
export function withFallback(primary: SearchEngine, fallback: SearchEngine, logger: Logger): SearchEngine {
  return {
    name: `${primary.name}+${fallback.name}`,
    async setup() {
      await fallback.setup();
      await primary.setup();
    },
    async upsert(kind, documents) {
      await fallback.upsert(kind, documents);
      await primary.upsert(kind, documents);
    },
    async remove(kind, ids) {
      await fallback.remove(kind, ids);
      await primary.remove(kind, ids);
    },
    async search(kind, query, window) {
      try {
        return await primary.search(kind, query, window);
      } catch (error) {
        logger.warn({ err: error, engine: primary.name }, `search engine unavailable: answering from ${fallback.name}`);
        return fallback.search(kind, query, window);
      }
    },
    async rebuild(kind, fill) {
      // Both are filled from the same batches: the source is read once.
      await fallback.rebuild(kind, (writeFallback) =>
        primary.rebuild(kind, (writePrimary) =>
          fill(async (documents) => {
            await writeFallback(documents);
            await writePrimary(documents);
          }),
        ),
      );
    },
    ping: () => primary.ping(),
  };
}
