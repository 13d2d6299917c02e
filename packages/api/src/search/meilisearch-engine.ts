import { Meilisearch, type EnqueuedTaskPromise, type Settings } from "meilisearch";
import type { SearchEngine, SearchKind } from "./engine.ts";
import { ONE_TYPO_FROM, TWO_TYPOS_FROM } from "./typos.ts";

export interface MeilisearchOptions {
  host: string;
  apiKey?: string;
  /** Prepended to the index names ("products", "categories"): lets tests share one server. */
  indexPrefix?: string;
  /** Per HTTP request; a search slower than this falls back to PostgreSQL. */
  requestTimeoutMs?: number;
  /** How long a write waits for its task; the job fails (and retries) past it. */
  taskTimeoutMs?: number;
}

/** The word lengths the PostgreSQL engine allows typos from, too (typos.ts). */
const TYPO_SIZES = { oneTypo: ONE_TYPO_FROM, twoTypos: TWO_TYPOS_FROM };

/** Applied at start-up and on every rebuilt index: explicit, so behaviour never depends on defaults. */
export const INDEX_SETTINGS: Record<SearchKind, Settings> = {
  product: {
    searchableAttributes: ["name", "category_names", "variant_names", "skus", "seller", "description"],
    filterableAttributes: ["category_ids", "seller_id", "in_stock", "price_min", "price_max", "rating"],
    sortableAttributes: ["price_min", "rating", "created_at", "name"],
    rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness", "rating:desc"],
    displayedAttributes: ["*"],
    typoTolerance: { enabled: true, minWordSizeForTypos: TYPO_SIZES, disableOnAttributes: ["skus"] },
  },
  category: {
    searchableAttributes: ["name", "path", "description"],
    filterableAttributes: ["parent"],
    sortableAttributes: ["name"],
    rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness"],
    displayedAttributes: ["*"],
    typoTolerance: { enabled: true, minWordSizeForTypos: TYPO_SIZES },
  },
};

const INDEX_NAMES: Record<SearchKind, string> = { product: "products", category: "categories" };
const KINDS = Object.keys(INDEX_NAMES) as SearchKind[];

/** Meilisearch (typo tolerance, ranking, filters). The only file that knows its client. */
export function meilisearchEngine(options: MeilisearchOptions): SearchEngine {
  const client = new Meilisearch({
    host: options.host,
    ...(options.apiKey && { apiKey: options.apiKey }),
    timeout: options.requestTimeoutMs ?? 2000,
    defaultWaitOptions: { timeout: options.taskTimeoutMs ?? 10_000, interval: 25 },
  });
  const uidOf = (kind: SearchKind) => `${options.indexPrefix ?? ""}${INDEX_NAMES[kind]}`;

  /** Waits for the task; a failed task throws, so the job that enqueued it is retried. */
  async function settle(enqueued: EnqueuedTaskPromise, allowedError?: string): Promise<void> {
    const task = await enqueued.waitTask();
    if (task.status === "succeeded" || (task.error && task.error.code === allowedError)) return;
    throw new Error(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? "no reason given"}`);
  }

  async function configure(uid: string, kind: SearchKind): Promise<void> {
    await settle(client.createIndex(uid, { primaryKey: "id" }), "index_already_exists");
    await settle(client.index(uid).updateSettings(INDEX_SETTINGS[kind]));
  }

  // Set up once; a failure (Meilisearch down) is forgotten, so the next write tries again.
  let ready: Promise<void> | undefined;
  const ensureReady = () =>
    (ready ??= Promise.all(KINDS.map((kind) => configure(uidOf(kind), kind))).then(
      () => undefined,
      (error: unknown) => {
        ready = undefined;
        throw error;
      },
    ));

  return {
    name: "meilisearch",
    setup: ensureReady,

    async upsert(kind, documents) {
      if (documents.length === 0) return;
      await ensureReady();
      await settle(client.index(uidOf(kind)).addDocuments(documents, { primaryKey: "id" }));
    },

    async remove(kind, ids) {
      if (ids.length === 0) return;
      await ensureReady();
      await settle(client.index(uidOf(kind)).deleteDocuments(ids));
    },

    async search(kind, query, { offset, limit }) {
      const response = await client
        .index(uidOf(kind))
        .search<{ id: number }>(query, { offset, limit, attributesToRetrieve: ["id"] });
      return response.hits.map((hit) => hit.id);
    },

    // Filled into a fresh index, then swapped with the live one in one atomic task.
    async rebuild(kind, fill) {
      await ensureReady();
      const live = uidOf(kind);
      const fresh = `${live}_rebuild_${Date.now()}`;
      await configure(fresh, kind);
      try {
        await fill((documents) => settle(client.index(fresh).addDocuments(documents, { primaryKey: "id" })));
        await settle(client.swapIndexes([{ indexes: [live, fresh], rename: false }]));
      } finally {
        // After the swap this holds the old documents; after a failure, the partial ones.
        await settle(client.deleteIndex(fresh), "index_not_found");
      }
    },

    async ping() {
      const health = await client.health();
      if (health.status !== "available") throw new Error(`Meilisearch is ${health.status}`);
    },
  };
}
