import type { Prisma } from "@shop/db";
import { readThrough } from "../cache/cache.ts";
import { inTransaction, type Context } from "../context.ts";
import { conflict, invalid, notFound } from "../errors.ts";
import { enqueueJob } from "../jobs/enqueue.ts";
import { isUniqueViolation } from "../shared/db-errors.ts";

export interface CategoryNode {
  id: number;
  name: string;
  slug: string;
  description: string;
  parent: number | null;
  children: CategoryNode[];
}

/** After commit, the tree and every product listing are read afresh. */
const bumpCategories = (ctx: Context) => ctx.afterCommit(() => ctx.cache.bump(["categories", "products"]));

const categorySelect = { id: true, name: true, slug: true, description: true, parentId: true } satisfies Prisma.CategorySelect;

/** Every category as a forest (the table is small: one query, then linked in memory). */
async function loadForest(ctx: Context): Promise<CategoryNode[]> {
  const rows = await ctx.db.category.findMany({ select: categorySelect, orderBy: [{ name: "asc" }, { id: "asc" }] });
  const nodes = new Map<number, CategoryNode>(
    rows.map((row) => [
      row.id,
      { id: row.id, name: row.name, slug: row.slug, description: row.description, parent: row.parentId, children: [] },
    ]),
  );
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parent === null ? undefined : nodes.get(node.parent);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

async function cachedForest(ctx: Context): Promise<CategoryNode[]> {
  return readThrough(ctx.cache, "categories", "categories:tree", () => loadForest(ctx));
}

export const listCategoryTree = (ctx: Context) => cachedForest(ctx);

export async function getCategory(ctx: Context, id: number): Promise<CategoryNode> {
  const find = (nodes: CategoryNode[]): CategoryNode | undefined => {
    for (const node of nodes) {
      if (node.id === id) return node;
      const inChildren = find(node.children);
      if (inChildren) return inChildren;
    }
    return undefined;
  };
  const node = find(await cachedForest(ctx));
  if (!node) throw notFound("Category not found.");
  return node;
}

/** The category and all its descendants' ids (for the `category` filter of product lists). */
export async function categoryWithDescendants(ctx: Context, id: number): Promise<number[]> {
  const node = await getCategory(ctx, id).catch(() => null);
  if (!node) return [];
  const ids: number[] = [];
  const walk = (n: CategoryNode) => {
    ids.push(n.id);
    n.children.forEach(walk);
  };
  walk(node);
  return ids;
}

export interface CategoryInput {
  name: string;
  slug: string;
  description?: string;
  parentSlug?: string | null;
}

async function parentIdOf(ctx: Context, parentSlug: string | null | undefined): Promise<number | null> {
  if (!parentSlug) return null;
  const parent = await ctx.db.category.findUnique({ where: { slug: parentSlug }, select: { id: true } });
  if (!parent) throw invalid("No such parent category.", { fields: { parent: [`No category with slug "${parentSlug}".`] } });
  return parent.id;
}

/** Staff only (admin CLI). Unique slug → 409. */
export async function createCategory(ctx: Context, input: CategoryInput): Promise<CategoryNode> {
  const parentId = await parentIdOf(ctx, input.parentSlug);
  try {
    const created = await inTransaction(ctx, async (ctx) => {
      const row = await ctx.db.category.create({
        data: { name: input.name, slug: input.slug, description: input.description ?? "", parentId },
        select: categorySelect,
      });
      await enqueueJob(ctx.db, "index_category", { categoryId: row.id }, { jobKey: `index_category:${row.id}` });
      bumpCategories(ctx);
      return row;
    });
    return {
      id: created.id,
      name: created.name,
      slug: created.slug,
      description: created.description,
      parent: created.parentId,
      children: [],
    };
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict(`A category with slug "${input.slug}" already exists.`, { fields: { slug: ["Already taken."] } });
    throw error;
  }
}

/** Staff only. Moving a category under itself or its own descendant → 400. */
export async function updateCategory(ctx: Context, id: number, input: Partial<CategoryInput>): Promise<CategoryNode> {
  const existing = await ctx.db.category.findUnique({ where: { id }, select: { id: true } });
  if (!existing) throw notFound("Category not found.");
  const parentId = input.parentSlug === undefined ? undefined : await parentIdOf(ctx, input.parentSlug);
  if (parentId != null && (await categoryWithDescendants(ctx, id)).includes(parentId)) {
    throw invalid("A category cannot move under itself.", { fields: { parent: ["Would create a cycle."] } });
  }
  try {
    await inTransaction(ctx, async (ctx) => {
      await ctx.db.category.update({
        where: { id },
        data: { name: input.name, slug: input.slug, description: input.description, parentId },
      });
      await enqueueJob(ctx.db, "index_category", { categoryId: id }, { jobKey: `index_category:${id}` });
      bumpCategories(ctx);
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict(`A category with slug "${input.slug}" already exists.`, { fields: { slug: ["Already taken."] } });
    throw error;
  }
  return getCategory(ctx, id);
}
