import { Prisma, type PrismaClient } from "@shop/db";
import { poolRows } from "../catalog/product-sql.ts";
import { deletionVariants, typoBudget, typosBetween } from "./typos.ts";

/** A search table of the search migration: one weighted tsvector document per row. */
export interface SearchTable {
  table: Prisma.Sql;
  key: Prisma.Sql;
}

/** How many indexed words a misspelt query word may stand for (closest first). */
const MAX_CORRECTIONS = 6;

/**
 * For each query word, the indexed words within its typo budget (Meilisearch's rules,
 * typos.ts), closest first: one indexed lookup of the word's deletion variants in
 * search_term_variants, then each candidate checked with Damerau–Levenshtein.
 */
async function correctionsOf(db: PrismaClient, words: string[]): Promise<string[][]> {
  const budgets = words.map(typoBudget);
  const lookups = words.flatMap((word, position) =>
    deletionVariants(word, budgets[position]!).map((variant) => ({ position, variant, budget: budgets[position]! })),
  );
  const corrections = words.map((): { word: string; typos: number }[] => []);
  const typed = lookups.filter((lookup) => lookup.budget > 0);
  if (typed.length === 0) return corrections.map(() => []);
  const rows = await poolRows<{ position: number; word: string }>(
    db,
    Prisma.sql`select distinct q.position, v.word
               from unnest(${typed.map((l) => l.position)}::int[], ${typed.map((l) => l.variant)}::text[],
                           ${typed.map((l) => l.budget)}::int[]) as q(position, variant, budget)
               join search_term_variants v on v.variant = q.variant and v.deletes <= q.budget`,
  );
  for (const { position, word } of rows) {
    const query = words[position]!;
    const typos = typosBetween(query, word);
    if (word !== query && typos <= budgets[position]!) corrections[position]!.push({ word, typos });
  }
  return corrections.map((found) =>
    found
      .sort((a, b) => a.typos - b.typos || a.word.localeCompare(b.word))
      .slice(0, MAX_CORRECTIONS)
      .map((c) => c.word),
  );
}

/**
 * A tsquery lexeme, as a prefix or not, optionally only where it has weight A (the name).
 * Words are letters and digits only (wordsOf), so quoting each one is enough.
 */
const lexeme = (word: string, prefix: boolean, inName = false) =>
  `'${word}'${prefix || inName ? ":" : ""}${prefix ? "*" : ""}${inName ? "A" : ""}`;

/**
 * The ids of the best matches, best first, as a subquery: the caller reads them alone or
 * joins its rows to them in the same statement. Like Meilisearch's ranking rules: every word
 * must match (exactly or within its typo budget; the last word also as a prefix), and when no
 * document has them all, documents with some of them, most words first; then fewer typos;
 * then more of the words in the name (Meilisearch's "attribute"); then the shorter name (the
 * closer to exactly what was typed, its "exactness"); then full-text rank.
 * The statement's text depends only on the number of words, so it is prepared once per shape.
 */
export async function rankedIds(
  db: PrismaClient,
  { table, key }: SearchTable,
  words: string[],
  { offset, limit }: { offset: number; limit: number },
): Promise<Prisma.Sql> {
  const corrections = await correctionsOf(db, words);
  const last = words.length - 1;
  const exact = words.map((word, i) => lexeme(word, i === last));
  const groupOf = (i: number, inName = false) =>
    `(${[words[i]!, ...corrections[i]!].map((w) => lexeme(w, i === last, inName)).join(" | ")})`;
  const groups = words.map((_, i) => groupOf(i));
  const all = groups.join(" & ");
  const any = groups.join(" | ");
  const sum = (terms: Prisma.Sql[]) => Prisma.join(terms, " + ");
  const matched = sum(groups.map((group) => Prisma.sql`(s.document @@ ${group}::tsquery)::int`));
  const inName = sum(words.map((_, i) => Prisma.sql`(r.document @@ ${groupOf(i, true)}::tsquery)::int`));
  const typos = sum(
    groups.map((group, i) => Prisma.sql`(r.document @@ ${group}::tsquery and not r.document @@ ${exact[i]}::tsquery)::int`),
  );
  const some =
    groups.length > 1
      ? Prisma.sql`union all
          select s.${key}, s.name, s.document, ${matched}, ts_rank(s.document, ${any}::tsquery) from ${table} s
          where s.document @@ ${any}::tsquery
            and not exists (select 1 from ${table} x where x.document @@ ${all}::tsquery)`
      : Prisma.empty;
  return Prisma.sql`
    select r.id from (
      select s.${key} as id, s.name, s.document, ${groups.length}::int as words, ts_rank(s.document, ${all}::tsquery) as rank
      from ${table} s where s.document @@ ${all}::tsquery
      ${some}
    ) r
    order by r.words desc, ${typos} asc, ${inName} desc, length(r.name), r.rank desc, r.id
    limit ${limit} offset ${offset}`;
}
