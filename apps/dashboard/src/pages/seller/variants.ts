/** A variant being edited: every field as typed, attributes as "colour=red, size=M". */
export interface VariantDraft {
  key: number;
  sku: string;
  name: string;
  price: string;
  stock: number | string;
  attributes: string;
}

let nextKey = 0;
export const emptyVariant = (): VariantDraft => ({ key: nextKey++, sku: "", name: "", price: "", stock: 0, attributes: "" });

export function variantDraftOf(variant: {
  sku: string;
  name: string;
  price: string;
  stock: number;
  attributes: Record<string, unknown>;
}): VariantDraft {
  return {
    key: nextKey++,
    sku: variant.sku,
    name: variant.name,
    price: variant.price,
    stock: variant.stock,
    attributes: Object.entries(variant.attributes)
      .map(([name, value]) => `${name}=${String(value)}`)
      .join(", "),
  };
}

export function parseAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const pair of text.split(",")) {
    const [name, ...rest] = pair.split("=");
    if (name?.trim()) attributes[name.trim()] = rest.join("=").trim();
  }
  return attributes;
}

export const variantInput = (draft: VariantDraft) => ({
  sku: draft.sku,
  name: draft.name,
  price: draft.price,
  stock: typeof draft.stock === "number" ? draft.stock : Number(draft.stock),
  attributes: parseAttributes(draft.attributes),
});
