import type { Prisma, PrismaClient } from "@shop/db";
import { hashPassword } from "@shop/api";
import {
  ADJECTIVES,
  CATEGORY_TREE,
  COLOURS,
  CUSTOMERS,
  DEMO_CUSTOMER_PASSWORD,
  DEMO_SELLER_PASSWORD,
  PLACES,
  REVIEW_COMMENTS,
  SELLERS,
  SIZES,
  type CategorySeed,
} from "./catalog-data.ts";

export interface SeedOptions {
  products: number;
  log: (message: string) => void;
}

/** A small deterministic PRNG (mulberry32): the same catalog on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const slugify = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

async function seedUsers(
  db: PrismaClient,
  role: "seller" | "customer",
  people: typeof SELLERS,
  password: string,
): Promise<number[]> {
  const passwordHash = await hashPassword(password);
  const ids: number[] = [];
  for (const person of people) {
    const user = await db.user.upsert({
      where: { username: person.username },
      update: {},
      create: { ...person, role, isActive: true, passwordHash },
      select: { id: true },
    });
    ids.push(user.id);
  }
  return ids;
}

/** Categories by slug, creating the missing ones; returns the leaves with their ids. */
async function seedCategories(db: PrismaClient): Promise<{ id: number; nouns: string[] }[]> {
  const leaves: { id: number; nouns: string[] }[] = [];
  const visit = async (node: CategorySeed, parentId: number | null) => {
    const { id } = await db.category.upsert({
      where: { slug: node.slug },
      update: {},
      create: { name: node.name, slug: node.slug, description: node.description, parentId },
      select: { id: true },
    });
    if (node.nouns) leaves.push({ id, nouns: node.nouns });
    for (const child of node.children ?? []) await visit(child, id);
  };
  for (const root of CATEGORY_TREE) await visit(root, null);
  return leaves;
}

/** The i-th product's name: "Zanzibar Silk Scarf", later "Midnight Zanzibar Silk Scarf"... */
function productName(i: number, leaves: { nouns: string[] }[]): string {
  const leaf = leaves[i % leaves.length]!;
  const k = Math.floor(i / leaves.length);
  const noun = leaf.nouns[k % leaf.nouns.length]!;
  const place = PLACES[Math.floor(k / leaf.nouns.length) % PLACES.length]!;
  const round = Math.floor(k / (leaf.nouns.length * PLACES.length));
  if (round === 0) return `${place} ${noun}`;
  const adjective = ADJECTIVES[(round - 1) % ADJECTIVES.length]!;
  return round <= ADJECTIVES.length ? `${adjective} ${place} ${noun}` : `${adjective} ${place} ${noun} No. ${round}`;
}

interface PlannedProduct {
  product: Prisma.ProductCreateManyInput;
  variants: Omit<Prisma.ProductVariantCreateManyInput, "productId">[];
  reviews: { userId: number; rating: number; comment: string }[];
}

function planProduct(
  i: number,
  leaves: { id: number; nouns: string[] }[],
  sellerIds: number[],
  customerIds: number[],
): PlannedProduct {
  const rand = random(i + 1);
  const name = productName(i, leaves);
  const basePrice = 1500 + Math.floor(rand() * 38_500);
  const variantCount = 1 + Math.floor(rand() * 3);
  const variants = Array.from({ length: variantCount }, (_, v) => ({
    sku: `DEMO-${String(i + 1).padStart(5, "0")}-${v + 1}`,
    name: variantCount === 1 ? "Standard" : `${COLOURS[(i + v) % COLOURS.length]} / ${SIZES[v % SIZES.length]}`,
    price: basePrice + v * 500,
    stock: rand() < 0.15 ? 0 : Math.floor(rand() * 40),
    attributes: variantCount === 1 ? {} : { colour: COLOURS[(i + v) % COLOURS.length]!, size: SIZES[v % SIZES.length]! },
  }));
  const reviews = Array.from({ length: i % 4 }, (_, r) => ({
    userId: customerIds[(i + r) % customerIds.length]!,
    rating: 1 + Math.floor(rand() * 5),
    comment: REVIEW_COMMENTS[(i + r) % REVIEW_COMMENTS.length]!,
  }));
  const ratingSum = reviews.reduce((sum, r) => sum + r.rating, 0);
  return {
    product: {
      name,
      slug: slugify(name),
      description: `${name}: made in small batches by ${["hand", "independent makers", "a family workshop"][i % 3]}.`,
      categoryId: leaves[i % leaves.length]!.id,
      sellerId: sellerIds[i % sellerIds.length]!,
      priceFrom: Math.min(...variants.map((v) => v.price)),
      ratingSum,
      reviewCount: reviews.length,
      ratingAverage: reviews.length ? ratingSum / reviews.length : 0,
    },
    variants,
    reviews,
  };
}

const BATCH = 250;
export const DEMO_PRODUCTS = 240;

/** A database with neither users nor products: a first start. */
export async function isEmpty(db: PrismaClient): Promise<boolean> {
  const [users, products] = await Promise.all([db.user.count(), db.product.count()]);
  return users === 0 && products === 0;
}

/**
 * Loads the demo catalog; running it again adds only what is missing (users, categories and
 * products are matched by username, slug and slug). Returns the ids of products it created.
 */
export async function seedCatalog(db: PrismaClient, { products, log }: SeedOptions): Promise<number[]> {
  const sellerIds = await seedUsers(db, "seller", SELLERS, DEMO_SELLER_PASSWORD);
  const customerIds = await seedUsers(db, "customer", CUSTOMERS, DEMO_CUSTOMER_PASSWORD);
  const leaves = await seedCategories(db);
  log(`users and ${leaves.length} leaf categories ready; seeding ${products} products`);

  const created: number[] = [];
  for (let start = 0; start < products; start += BATCH) {
    const plans = Array.from({ length: Math.min(BATCH, products - start) }, (_, k) =>
      planProduct(start + k, leaves, sellerIds, customerIds),
    );
    const existing = new Set(
      (await db.product.findMany({ where: { slug: { in: plans.map((p) => p.product.slug) } }, select: { slug: true } })).map(
        (p) => p.slug,
      ),
    );
    const missing = plans.filter((plan) => !existing.has(plan.product.slug));
    if (missing.length > 0) {
      await db.$transaction(async (tx) => {
        const rows = await tx.product.createManyAndReturn({
          data: missing.map((plan) => plan.product),
          select: { id: true, slug: true },
        });
        const idBySlug = new Map(rows.map((row) => [row.slug, row.id]));
        await tx.productVariant.createMany({
          data: missing.flatMap((plan) =>
            plan.variants.map((variant) => ({ ...variant, productId: idBySlug.get(plan.product.slug)! })),
          ),
        });
        await tx.review.createMany({
          data: missing.flatMap((plan) =>
            plan.reviews.map((review) => ({ ...review, productId: idBySlug.get(plan.product.slug)! })),
          ),
        });
        created.push(...rows.map((row) => row.id));
      });
    }
    log(`products: ${Math.min(start + BATCH, products)}/${products} (${created.length} new)`);
  }
  return created;
}
