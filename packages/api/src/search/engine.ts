/**
 * The search port (ARCHITECTURE.md decision 7). Engines index documents built from
 * PostgreSQL (documents.ts) and answer queries with ids in relevance order; the search
 * service turns ids into the catalog's own views, so results are never stale in shape.
 */
import type { Prisma } from "@shop/db";

export const SEARCH_KINDS = ["product", "category"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface ProductDocument {
  id: number;
  name: string;
  description: string;
  category_id: number;
  /** The category path from the root, e.g. ["Fashion", "Scarves", "Silk scarves"]. */
  category_names: string[];
  /** The product's category and every ancestor: filtering by a category includes its subtree. */
  category_ids: number[];
  variant_names: string[];
  skus: string[];
  seller_id: number;
  seller: string;
  /** Minor units. */
  price_min: number;
  price_max: number;
  in_stock: boolean;
  /** Average review rating, 0 without reviews. */
  rating: number;
  review_count: number;
  /** Unix milliseconds. */
  created_at: number;
}

export interface CategoryDocument {
  id: number;
  name: string;
  slug: string;
  description: string;
  parent: number | null;
  /** Names from the root down to this category's parent. */
  path: string[];
}

export interface DocumentsOf {
  product: ProductDocument;
  category: CategoryDocument;
}

export interface SearchWindow {
  offset: number;
  limit: number;
}

export interface SearchEngine {
  readonly name: string;
  /** Idempotent: creates indexes and applies their settings (searchable, filterable, sortable, ranking). */
  setup(): Promise<void>;
  /** Adds or replaces documents; resolves once they are searchable (or throws, so the job retries). */
  upsert<K extends SearchKind>(kind: K, documents: DocumentsOf[K][]): Promise<void>;
  remove(kind: SearchKind, ids: number[]): Promise<void>;
  /** Ids of the best matches, most relevant first. */
  search(kind: SearchKind, query: string, window: SearchWindow): Promise<number[]>;
  /**
   * Engines in the catalog's own database only: the same ids as an SQL subquery (one `id`
   * column, best first; null when the query has no words), so the caller reads the rows
   * with the ranking in one statement.
   */
  rankingSql?(kind: SearchKind, query: string, window: SearchWindow): Promise<Prisma.Sql | null>;
  /**
   * Rebuilds one kind from scratch while searches keep being answered: `fill` receives a
   * writer for the new index, which replaces the live one only when `fill` completes.
   */
  rebuild<K extends SearchKind>(
    kind: K,
    fill: (write: (documents: DocumentsOf[K][]) => Promise<void>) => Promise<void>,
  ): Promise<void>;
  /** Throws when the engine cannot answer (readiness). */
  ping(): Promise<void>;
}

/** Lower case without accents: what both the stored text and the queries are compared as. */
export const normalize = (text: string): string =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

/** Words (runs of letters and digits) of a text, normalized: how documents and queries are split alike. */
export const wordsOf = (text: string): string[] =>
  normalize(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** The query's words, at most 12 of them. */
export const queryWords = (query: string): string[] => wordsOf(query).slice(0, 12);
