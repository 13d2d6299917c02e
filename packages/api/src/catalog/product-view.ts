import { z } from "zod";
import { moneyOutput } from "../shared/money.ts";

/** The API shape of a product: the same in lists, detail and search (built in SQL: product-sql.ts). */
export const productView = z.object({
  id: z.number().int(),
  name: z.string(),
  slug: z.string(),
  description: z.string(),
  category: z.number().int(),
  seller: z.object({ id: z.number().int(), username: z.string() }),
  price_from: moneyOutput(),
  images: z.array(z.object({ id: z.number().int(), url: z.string(), alt_text: z.string() })),
  variants: z.array(
    z.object({
      id: z.number().int(),
      sku: z.string(),
      name: z.string(),
      price: moneyOutput(),
      stock: z.number().int(),
      // What the variant input accepts (product-router.ts), so clients get a usable type.
      attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    }),
  ),
  average_rating: z.number().nullable(),
  review_count: z.number().int(),
  created_at: z.string(),
  updated_at: z.string(),
});

export type ProductView = z.infer<typeof productView>;
