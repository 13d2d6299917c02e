import { z } from "zod";
import { productView } from "../catalog/product-view.ts";
import { publicProcedure, router } from "../trpc.ts";
import { SEARCH_KINDS } from "./engine.ts";
import { search } from "./service.ts";

export const MAX_SEARCH_LIMIT = 50;

const categorySummary = z.object({
  id: z.number().int(),
  name: z.string(),
  slug: z.string(),
  description: z.string(),
  parent: z.number().int().nullable(),
});

export const searchRouter = router({
  search: publicProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/search/",
        tags: ["search"],
        summary: "Products and categories matching a query (typo-tolerant, by relevance)",
        protect: false,
      },
    })
    .input(
      z.object({
        q: z.string().trim().min(1).max(200),
        type: z.enum(SEARCH_KINDS).optional(),
        page: z.coerce.number().int().min(1).max(1000).default(1),
        limit: z.coerce.number().int().min(1).max(MAX_SEARCH_LIMIT).default(20),
      }),
    )
    .output(
      z.object({
        query: z.string(),
        products: z.array(productView).optional(),
        categories: z.array(categorySummary).optional(),
      }),
    )
    .query(({ ctx, input }) => search(ctx, input)),
});
