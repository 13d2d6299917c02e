import { Prisma, type PrismaClient } from "@shop/db";
import { poolRows } from "../catalog/product-sql.ts";
import {
  queryWords,
  wordsOf,
  type CategoryDocument,
  type DocumentsOf,
  type ProductDocument,
  type SearchEngine,
  type SearchKind,
  type SearchWindow,
} from "./engine.ts";
import { rankedIds } from "./postgres-ranking.ts";
import { LONGEST_CORRECTABLE } from "./typos.ts";

/** Tables of the search migration: the documents of each kind, and the table they describe. */
const tables = {
  product: { table: Prisma.raw("product_search"), key: Prisma.raw("product_id"), source: Prisma.raw("products") },
  category: { table: Prisma.raw("category_search"), key: Prisma.raw("category_id"), source: Prisma.raw("categories") },
} as const;

/** A document's text by weight (A strongest), split into words the way queries are. */
interface Row {
  id: number;
  name: string;
  a: string;
  b: string;
  c: string;
}

const text = (...parts: (string | string[])[]) => wordsOf(parts.flat().join(" ")).join(" ");

const productRow = (doc: ProductDocument): Row => ({
  id: doc.id,
  name: text(doc.name),
  a: text(doc.name),
  b: text(doc.category_names, doc.variant_names, doc.skus),
  c: text(doc.seller, doc.description),
});

const categoryRow = (doc: CategoryDocument): Row => ({
  id: doc.id,
  name: text(doc.name),
  a: text(doc.name),
  b: text(doc.path),
  c: text(doc.description),
});

const toRows = <K extends SearchKind>(kind: K, documents: DocumentsOf[K][]): Row[] =>
  kind === "product" ? (documents as ProductDocument[]).map(productRow) : (documents as CategoryDocument[]).map(categoryRow);

/** Words worth correcting a typo to: no numbers (SKUs, sizes), nothing absurdly long. Sorted: concurrent inserts lock in one order. */
const lexiconOf = (rows: Row[]): string[] =>
  [...new Set(rows.flatMap((row) => `${row.a} ${row.b} ${row.c}`.split(" ")))]
    .filter((w) => w.length >= 3 && w.length <= LONGEST_CORRECTABLE && !/\p{N}/u.test(w))
    .sort();

/**
 * Full text (weighted tsvector, GIN) made typo-tolerant the way Meilisearch is (typos.ts):
 * each query word also matches the indexed words within its typo budget, found through
 * their deletion variants (search_term_variants). Ranking: postgres-ranking.ts.
 */
export function postgresSearchEngine(db: PrismaClient): SearchEngine {
  async function upsert<K extends SearchKind>(kind: K, documents: DocumentsOf[K][]): Promise<void> {
    if (documents.length === 0) return;
    const { table, key, source } = tables[kind];
    const rows = toRows(kind, documents);
    // Only words new to the lexicon get their variants (search_word_variants, search_typos migration).
    await db.$executeRaw`
      with added as (insert into search_terms (word) select unnest(${lexiconOf(rows)}::text[]) on conflict do nothing returning word)
      insert into search_term_variants (variant, word, deletes)
      select v.variant, added.word, v.deletes from added, search_word_variants(added.word) v
      on conflict do nothing`;
    // Rows of a product deleted meanwhile are skipped; its own job removes what is left.
    await db.$executeRaw`
      insert into ${table} (${key}, name, document, updated_at)
      select d.id, d.name,
        setweight(to_tsvector('simple', d.a), 'A') || setweight(to_tsvector('simple', d.b), 'B') || setweight(to_tsvector('simple', d.c), 'C'),
        now()
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as d(id int, name text, a text, b text, c text)
      where exists (select 1 from ${source} s where s.id = d.id)
      on conflict (${key}) do update set name = excluded.name, document = excluded.document, updated_at = now()`;
  }

  async function remove(kind: SearchKind, ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    const { table, key } = tables[kind];
    await db.$executeRaw`delete from ${table} where ${key} = any(${ids}::int[])`;
  }

  async function rankingSql(kind: SearchKind, query: string, window: SearchWindow): Promise<Prisma.Sql | null> {
    const words = queryWords(query);
    return words.length === 0 ? null : rankedIds(db, tables[kind], words, window);
  }

  return {
    name: "postgres",
    async setup() {},
    upsert,
    remove,
    rankingSql,

    async search(kind, query, window) {
      const ranking = await rankingSql(kind, query, window);
      return ranking ? (await poolRows<{ id: number }>(db, ranking)).map((row) => row.id) : [];
    },

    // Rows are replaced in place (each one always valid, so searches go on); rows the
    // rebuild did not write are then dropped, except those a job wrote meanwhile.
    async rebuild(kind, fill) {
      const [{ started }] = (await db.$queryRaw<{ started: Date }[]>`select now() as started`) as [{ started: Date }];
      await fill((documents) => upsert(kind, documents));
      const { table } = tables[kind];
      await db.$executeRaw`delete from ${table} where updated_at < ${started}`;
    },

    async ping() {
      await db.$queryRaw`select 1`;
    },
  };
}
