-- DropIndex
DROP INDEX "search_terms_word_idx";

-- CreateTable
CREATE TABLE "search_term_variants" (
    "variant" TEXT NOT NULL,
    "word" TEXT NOT NULL,
    "deletes" SMALLINT NOT NULL,

    CONSTRAINT "search_term_variants_pkey" PRIMARY KEY ("variant","word")
);

-- A word and what is left of it after deleting one letter (4+ letters) or two (7+), with how
-- many were deleted. search/typos.ts generates the same for query words (SymSpell). No semicolon
-- may appear inside a statement here: the migration runner splits scripts on them.
CREATE FUNCTION search_word_variants(word text) RETURNS TABLE (variant text, deletes smallint)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  select v.variant, min(v.deletes)::smallint
  from (
    select word, 0
    union all
    select overlay(word placing '' from i for 1), 1
    from generate_series(1, length(word)) i
    where length(word) >= 4
    union all
    select overlay(overlay(word placing '' from j for 1) placing '' from i for 1), 2
    from generate_series(1, length(word)) i, generate_series(i + 1, length(word)) j
    where length(word) >= 7
  ) v(variant, deletes)
  group by v.variant
$$;

-- The words indexed before this migration.
INSERT INTO "search_term_variants" ("variant", "word", "deletes")
SELECT v.variant, t.word, v.deletes FROM "search_terms" t, search_word_variants(t.word) v;
