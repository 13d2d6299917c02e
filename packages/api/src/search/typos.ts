import damerauLevenshtein from "damerau-levenshtein";

/**
 * Meilisearch's typo rules, so both engines forgive the same mistakes: a query word of 5
 * letters or more may carry one typo, of 9 or more two; a swap of two adjacent letters is one
 * typo (Damerau–Levenshtein, optimal string alignment); a typo on the first letter counts twice.
 */
export const ONE_TYPO_FROM = 5;
export const TWO_TYPOS_FROM = 9;
/** The longest word the index corrects typos to (longer ones are still searchable as typed). */
export const LONGEST_CORRECTABLE = 40;

/** Typos a query word may carry: none when no indexed word could be within them (nor a flood of variants to look up). */
export const typoBudget = (word: string): number => {
  const letters = [...word].length;
  const budget = letters >= TWO_TYPOS_FROM ? 2 : letters >= ONE_TYPO_FROM ? 1 : 0;
  return letters > LONGEST_CORRECTABLE + budget ? 0 : budget;
};

/** Typos between a query word and an indexed word, as Meilisearch counts them. */
export function typosBetween(query: string, indexed: string): number {
  const edits = damerauLevenshtein(query, indexed).steps;
  return edits + (edits > 0 && query[0] !== indexed[0] ? 1 : 0);
}

/**
 * The word and what is left of it after deleting up to `deletes` of its letters (SymSpell's
 * candidate generation): two words within k edits, transpositions included, always share such
 * a variant when each side deletes up to k letters. The index stores the same for each word
 * (search_word_variants in the search_typos migration), so a lookup finds every candidate.
 */
export function deletionVariants(word: string, deletes: number): string[] {
  const variants = new Set([word]);
  let frontier = [word];
  for (let round = 0; round < deletes; round++) {
    const next: string[] = [];
    for (const variant of frontier) {
      for (let i = 0; i < variant.length; i++) {
        const shorter = variant.slice(0, i) + variant.slice(i + 1);
        if (!variants.has(shorter)) next.push(shorter);
        variants.add(shorter);
      }
    }
    frontier = next;
  }
  return [...variants];
}
