import type { Prisma, Tx } from "@shop/db";
import type { CategoryDocument, ProductDocument } from "./engine.ts";

/** What a search document reads of a product (its own columns, variants and seller). */
const productDocumentSelect = {
  id: true,
  name: true,
  description: true,
  categoryId: true,
  sellerId: true,
  ratingSum: true,
  reviewCount: true,
  createdAt: true,
  seller: { select: { username: true } },
  variants: { select: { name: true, sku: true, price: true, stock: true }, orderBy: { id: "asc" } },
} satisfies Prisma.ProductSelect;

type ProductDocumentRow = Prisma.ProductGetPayload<{ select: typeof productDocumentSelect }>;

interface CategoryRow {
  id: number;
  name: string;
  slug: string;
  description: string;
  parentId: number | null;
}

/** Every category by id (the table is small and staff-managed: one query per batch). */
export class CategoryTree {
  private constructor(private readonly byId: Map<number, CategoryRow>) {}

  static async load(db: Tx): Promise<CategoryTree> {
    const rows = await db.category.findMany({ select: { id: true, name: true, slug: true, description: true, parentId: true } });
    return new CategoryTree(new Map(rows.map((row) => [row.id, row])));
  }

  /** The category and its ancestors, root first (guarded against a cycle). */
  lineage(id: number): CategoryRow[] {
    const chain: CategoryRow[] = [];
    for (
      let row = this.byId.get(id);
      row && chain.length < 100;
      row = row.parentId === null ? undefined : this.byId.get(row.parentId)
    ) {
      chain.unshift(row);
    }
    return chain;
  }

  /** The category and all its descendants. */
  subtree(id: number): number[] {
    return [...this.byId.values()].filter((row) => this.lineage(row.id).some((a) => a.id === id)).map((row) => row.id);
  }

  ids(): number[] {
    return [...this.byId.keys()].sort((a, b) => a - b);
  }

  categoryDocument(id: number): CategoryDocument | null {
    const row = this.byId.get(id);
    if (!row) return null;
    const path = this.lineage(id)
      .slice(0, -1)
      .map((a) => a.name);
    return { id, name: row.name, slug: row.slug, description: row.description, parent: row.parentId, path };
  }
}

function toProductDocument(row: ProductDocumentRow, tree: CategoryTree): ProductDocument {
  const lineage = tree.lineage(row.categoryId);
  const prices = row.variants.map((v) => v.price);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    category_id: row.categoryId,
    category_names: lineage.map((c) => c.name),
    category_ids: lineage.map((c) => c.id),
    variant_names: [...new Set(row.variants.map((v) => v.name))],
    skus: row.variants.map((v) => v.sku),
    seller_id: row.sellerId,
    seller: row.seller.username,
    price_min: prices.length ? Math.min(...prices) : 0,
    price_max: prices.length ? Math.max(...prices) : 0,
    in_stock: row.variants.some((v) => v.stock > 0),
    rating: row.reviewCount === 0 ? 0 : Math.round((row.ratingSum / row.reviewCount) * 100) / 100,
    review_count: row.reviewCount,
    created_at: row.createdAt.getTime(),
  };
}

/** Documents of the products that still exist among `ids`. */
export async function productDocuments(db: Tx, ids: number[], tree?: CategoryTree): Promise<ProductDocument[]> {
  if (ids.length === 0) return [];
  const categories = tree ?? (await CategoryTree.load(db));
  const rows = await db.product.findMany({ where: { id: { in: ids } }, select: productDocumentSelect });
  return rows.map((row) => toProductDocument(row, categories));
}

/** Every product's document, `batchSize` at a time in id order (keyset pagination). */
export async function* allProductDocuments(db: Tx, batchSize: number): AsyncGenerator<ProductDocument[]> {
  const tree = await CategoryTree.load(db);
  let after = 0;
  for (;;) {
    const rows = await db.product.findMany({
      where: { id: { gt: after } },
      select: productDocumentSelect,
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (rows.length === 0) return;
    yield rows.map((row) => toProductDocument(row, tree));
    after = rows[rows.length - 1]!.id;
  }
}

/** Ids of products in any of these categories, `batchSize` at a time. */
export async function* productIdsInCategories(db: Tx, categoryIds: number[], batchSize: number): AsyncGenerator<number[]> {
  let after = 0;
  for (;;) {
    const rows = await db.product.findMany({
      where: { categoryId: { in: categoryIds }, id: { gt: after } },
      select: { id: true },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (rows.length === 0) return;
    yield rows.map((row) => row.id);
    after = rows[rows.length - 1]!.id;
  }
}
