/**
 * The search relevance set over the demo catalog (`pnpm db:seed`, 240 products: five places ×
 * the three nouns of each of the 16 leaf categories, "Zanzibar Silk Scarf" … "Oslo Diffuser").
 * Each query names the product (or, with type "category", the category) that must be among
 * the first three results, or null when nothing at all may be found. Typo cases follow
 * Meilisearch's rules: one typo from 5 letters, two from 9, an adjacent swap is one typo, a
 * typo on the first letter counts twice, and words under 5 letters get none.
 */
export interface RelevanceCase {
  kind: string;
  q: string;
  type?: "product" | "category";
  expected: string | null;
}

const cases = (kind: string, type: RelevanceCase["type"], list: [string, string | null][]): RelevanceCase[] =>
  list.map(([q, expected]) => ({ kind, q, expected, ...(type && { type }) }));

export const RELEVANCE_SET: RelevanceCase[] = [
  ...cases("exact", "product", [
    ["Zanzibar Silk Scarf", "Zanzibar Silk Scarf"],
    ["Kyoto Cashmere Wrap", "Kyoto Cashmere Wrap"],
    ["Marrakech Pouch", "Marrakech Pouch"],
    ["Lisbon Desk Lamp", "Lisbon Desk Lamp"],
    ["Oslo Chandelier", "Oslo Chandelier"],
    ["Zanzibar Skillet", "Zanzibar Skillet"],
    ["Kyoto Floor Pillow", "Kyoto Floor Pillow"],
    ["Marrakech Face Oil", "Marrakech Face Oil"],
    ["Lisbon Night Balm", "Lisbon Night Balm"],
    ["Oslo Eau de Parfum", "Oslo Eau de Parfum"],
  ]),
  ...cases("prefix of the last word", "product", [
    ["zanzibar silk sca", "Zanzibar Silk Scarf"],
    ["kyoto cashm", "Kyoto Cashmere Wrap"],
    ["marrakech pou", "Marrakech Pouch"],
    ["lisbon desk la", "Lisbon Desk Lamp"],
    ["oslo chand", "Oslo Chandelier"],
    ["kyoto bols", "Kyoto Bolster"],
    ["zanzibar teac", "Zanzibar Teacup"],
    ["oslo diffu", "Oslo Diffuser"],
  ]),
  ...cases("one typo", "product", [
    ["zanzibr silk scarf", "Zanzibar Silk Scarf"],
    ["kyoto cashmire wrap", "Kyoto Cashmere Wrap"],
    ["marakech pouch", "Marrakech Pouch"],
    ["lisbon dessk lamp", "Lisbon Desk Lamp"],
    ["oslo chandelir", "Oslo Chandelier"],
    ["zanzibar skilet", "Zanzibar Skillet"],
    ["kyoto bolstr", "Kyoto Bolster"],
    ["lisbon lanturn", "Lisbon Lantern"],
    ["oslo quillt", "Oslo Quilt"],
    ["marrakech neckllace", "Marrakech Necklace"],
  ]),
  ...cases("two typos (9 letters or more)", "product", [
    ["zanzzibarr silk scarf", "Zanzibar Silk Scarf"],
    ["oslo chendalier", "Oslo Chandelier"],
    ["kyoto cassorolle", "Kyoto Casserole"],
    ["marrakeshh tote", "Marrakech Tote"],
    ["lisbon cashmeere wrapp", "Lisbon Cashmere Wrap"],
    ["oslo diffusserr", "Oslo Diffuser"],
  ]),
  ...cases("transposition (one typo)", "product", [
    ["zanzibar silk scraf", "Zanzibar Silk Scarf"],
    ["kyoto cahsmere wrap", "Kyoto Cashmere Wrap"],
    ["marrakech pocuh", "Marrakech Pouch"],
    ["lisbon lantren", "Lisbon Lantern"],
    ["oslo chnadelier", "Oslo Chandelier"],
    ["kyoto tecaup", "Kyoto Teacup"],
    ["zanzibar skillte", "Zanzibar Skillet"],
    ["lisbon bnadana", "Lisbon Bandana"],
  ]),
  ...cases("multi-word, any order", "product", [
    ["scarf silk kyoto", "Kyoto Silk Scarf"],
    ["lamp desk oslo", "Oslo Desk Lamp"],
    ["pouch marrakech", "Marrakech Pouch"],
    ["wrap cashmere lisbon", "Lisbon Cashmere Wrap"],
    ["bag market zanzibar", "Zanzibar Market Bag"],
    ["candle scented kyoto", "Kyoto Scented Candle"],
  ]),
  ...cases("accents", "product", [
    ["Zánzíbar sílk scarf", "Zanzibar Silk Scarf"],
    ["Kyôto cashmère wrap", "Kyoto Cashmere Wrap"],
    ["Marrakéch pouch", "Marrakech Pouch"],
    ["Lisbön desk lamp", "Lisbon Desk Lamp"],
    ["Ösló chandelier", "Oslo Chandelier"],
  ]),
  ...cases("SKU", "product", [
    ["DEMO-00001-1", "Zanzibar Silk Scarf"],
    ["DEMO-00042-1", "Zanzibar Saucepan"],
    ["DEMO-00100-1", "Marrakech Clutch"],
    ["demo 00177 1", "Lisbon Bandana"],
    ["DEMO-00240-1", "Oslo Diffuser"],
  ]),
  ...cases("category name, products", "product", [
    ["tote bags lisbon", "Lisbon Tote"],
    ["clutches oslo", "Oslo Clutch"],
    ["cookware kyoto skillet", "Kyoto Skillet"],
  ]),
  ...cases("category name", "category", [
    ["silk scarves", "Silk scarves"],
    ["pendant lights", "Pendant lights"],
    ["tableware", "Tableware"],
    ["fragrance", "Fragrance"],
    ["candels", "Candles"],
    ["cushons", "Cushions"],
    ["skinc", "Skincare"],
  ]),
  ...cases("a word that matches nothing is dropped", "product", [
    ["kyoto silk scarf gift", "Kyoto Silk Scarf"],
    ["oslo desk lamp brass", "Oslo Desk Lamp"],
    ["zanzibar pouch xylophone", "Zanzibar Pouch"],
  ]),
  ...cases("must find nothing", "product", [
    ["xylophone", null],
    ["quantum flux capacitor", null],
    ["zzzzzz", null],
    ["zzyzx qwerty", null],
    ["rign", null],
    ["kandle", null],
  ]),
];
