import { z } from "zod";
import { moneyOutput } from "../shared/money.ts";
import { router, sellerProcedure } from "../trpc.ts";
import { sellerStats, TOP_PRODUCTS } from "./stats.ts";

export const sellerStatsOutput = z
  .object({
    revenue: moneyOutput(),
    orders: z.number().int(),
    units: z.number().int(),
    by_day: z.array(z.object({ date: z.string(), revenue: moneyOutput(), units: z.number().int() })),
    top_products: z.array(
      z.object({ product_id: z.number().int().nullable(), name: z.string(), units: z.number().int(), revenue: moneyOutput() }),
    ),
  })
  .meta({ id: "SellerStats" });

/** Seller tools (API.md §11). */
export const sellerRouter = router({
  stats: sellerProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/seller/stats/",
        tags: ["seller"],
        summary: "Your sales over the last `days` days (sellers)",
        description:
          "Revenue, orders and units of your products' lines in paid, shipped and delivered orders placed today or in the " +
          `\`days\` − 1 days before (UTC; 1–365, default 30), a \`by_day\` entry for every day of that window (zeros ` +
          `included), and your ${TOP_PRODUCTS} best-selling products by revenue.`,
      },
      errors: [403],
    })
    .input(z.object({ days: z.coerce.number().int().min(1).max(365).default(30) }))
    .output(sellerStatsOutput)
    .query(({ ctx, input }) => sellerStats(ctx, input.days)),
});
