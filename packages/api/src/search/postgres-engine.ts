import { Prisma, type PrismaClient } from "@shop/db";
import {
  queryWords,
  wordsOf,
  type CategoryDocument,
  type DocumentsOf,
  type ProductDocument,
  type SearchEngine,
  type SearchKind,
} from "./engine.ts";

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
    .filter((w) => w.length >= 3 && w.length <= 40 && !/\p{N}/u.test(w))
    .sort();

/** How many similar indexed words a query word (of 3 letters or more) may also match. */
const MAX_CORRECTIONS = 4;

/**
 * Full text (weighted tsvector, GIN) made typo-tolerant with pg_trgm, as its documentation
 * suggests: each query word also matches the indexed words most similar to it (search_terms,
 * trigram GIN). Every query word must match, by prefix or by a correction; when that finds
 * nothing, any word may. Ranked by full-text rank plus the name's similarity to the query.
 */
export function postgresSearchEngine(db: PrismaClient): SearchEngine {
  async function upsert<K extends SearchKind>(kind: K, documents: DocumentsOf[K][]): Promise<void> {
    if (documents.length === 0) return;
    const { table, key, source } = tables[kind];
    const rows = toRows(kind, documents);
    await db.$executeRaw`insert into search_terms (word) select unnest(${lexiconOf(rows)}::text[]) on conflict do nothing`;
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

  /** For each query word, the indexed words most similar to it (pg_trgm `%`, trigram GIN). */
  async function corrections(words: string[]): Promise<Map<string, string[]>> {
    const rows = await db.$queryRaw<{ word: string; similar: string }[]>`
      select q.word, t.word as similar
      from unnest(${words}::text[]) as q(word)
      cross join lateral (
        select word from search_terms where word % q.word and word <> q.word
        order by similarity(word, q.word) desc limit ${MAX_CORRECTIONS}
      ) t
      where length(q.word) >= 3`;
    const map = new Map<string, string[]>();
    for (const row of rows) map.set(row.word, [...(map.get(row.word) ?? []), row.similar]);
    return map;
  }

  return {
    name: "postgres",
    async setup() {},
    upsert,
    remove,

    async search(kind, query, { offset, limit }) {
      const words = queryWords(query);
      if (words.length === 0) return [];
      const { table, key } = tables[kind];
      const similar = await corrections(words);
      // Words are letters and digits only, so quoting each lexeme is enough.
      const groups = words.map((w) => `('${w}':*${(similar.get(w) ?? []).map((c) => ` | '${c}'`).join("")})`);
      const name = words.join(" ");
      const run = async (tsquery: string) =>
        db.$queryRaw<{ id: number }[]>`
          select s.${key} as id
          from ${table} s, to_tsquery('simple', ${tsquery}) as q
          where s.document @@ q
          order by ts_rank(s.document, q) + 2 * similarity(${name}, s.name) + word_similarity(${name}, s.name) desc, s.${key}
          limit ${limit} offset ${offset}`;
      const every = groups.join(" & ");
      let rows = await run(every);
      const noneMatchAll = async () =>
        offset === 0 ||
        !(await db.$queryRaw<unknown[]>`select 1 from ${table} where document @@ to_tsquery('simple', ${every}) limit 1`).length;
      if (rows.length === 0 && groups.length > 1 && (await noneMatchAll())) rows = await run(groups.join(" | "));
      return rows.map((row) => row.id);
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
