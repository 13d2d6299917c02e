import { describe, expect, it } from "vitest";
import { deletionVariants, typoBudget, typosBetween } from "../src/search/typos.ts";

describe("Meilisearch's typo rules (search/typos.ts)", () => {
  it("allow no typo under 5 letters, one from 5, two from 9, none past the longest indexed word", () => {
    expect(["scaf", "scarf", "cashmere", "zanzibarr"].map(typoBudget)).toEqual([0, 1, 1, 2]);
    expect(typoBudget("a".repeat(42))).toBe(2);
    expect(typoBudget("a".repeat(43))).toBe(0);
  });

  it("count a swap of two adjacent letters as one typo, and a typo on the first letter twice", () => {
    expect(typosBetween("scraf", "scarf")).toBe(1);
    expect(typosBetween("scarff", "scarf")).toBe(1);
    expect(typosBetween("skarf", "scarf")).toBe(1);
    expect(typosBetween("chendalier", "chandelier")).toBe(2);
    expect(typosBetween("kandle", "candle")).toBe(2);
    expect(typosBetween("scarf", "scarf")).toBe(0);
  });

  it("give two words within k typos a shared variant when each deletes up to k letters", () => {
    const shared = (a: string, b: string, k: number) => deletionVariants(a, k).some((v) => deletionVariants(b, k).includes(v));
    for (const [query, word] of [
      ["scraf", "scarf"],
      ["scarff", "scarf"],
      ["skarf", "scarf"],
    ])
      expect(shared(query!, word!, 1)).toBe(true);
    expect(shared("zanzzibarr", "zanzibar", 2)).toBe(true);
    expect(shared("chendalier", "chandelier", 2)).toBe(true);
    expect(deletionVariants("scarf", 1).sort()).toEqual(["carf", "sarf", "scaf", "scar", "scarf", "scrf"]);
  });
});
