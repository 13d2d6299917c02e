import { z } from "zod";
import { moneyOutput } from "../shared/money.ts";
import { authedProcedure, router } from "../trpc.ts";
import * as cart from "./service.ts";

const cartOutput = z.object({
  id: z.number().int(),
  items: z.array(
    z.object({
      id: z.number().int(),
      variant: z.object({
        id: z.number().int(),
        sku: z.string(),
        name: z.string(),
        price: moneyOutput(),
        product: z.object({ id: z.number().int(), name: z.string() }),
      }),
      quantity: z.number().int(),
      subtotal: moneyOutput(),
    }),
  ),
  /** The sum of the quantities. */
  item_count: z.number().int(),
  total: moneyOutput(),
});

const MAX_QUANTITY = 10_000;

export const cartRouter = router({
  get: authedProcedure
    .meta({ openapi: { method: "GET", path: "/cart/", tags: ["cart"], summary: "Your cart, priced at current prices" } })
    .input(z.void())
    .output(cartOutput)
    .query(({ ctx }) => cart.getCart(ctx)),

  clear: authedProcedure
    .meta({ openapi: { method: "DELETE", path: "/cart/", tags: ["cart"], summary: "Empty your cart" }, successStatus: 204 })
    .input(z.void())
    .output(z.void())
    .mutation(({ ctx }) => cart.clearCart(ctx)),

  add: authedProcedure
    .meta({
      errors: [409],
      openapi: { method: "POST", path: "/cart/add/", tags: ["cart"], summary: "Add a variant (again: more of it)" },
      successStatus: 201,
    })
    .input(
      z.object({
        variant_id: z.number().int().positive().max(2_147_483_647),
        quantity: z.number().int().min(1).max(MAX_QUANTITY).default(1),
      }),
    )
    .output(cartOutput)
    .mutation(({ ctx, input }) => cart.addItem(ctx, input.variant_id, input.quantity)),

  update: authedProcedure
    .meta({
      errors: [404, 409],
      openapi: { method: "PATCH", path: "/cart/update/{id}/", tags: ["cart"], summary: "Set an item's quantity" },
    })
    .input(
      z.object({
        id: z.coerce.number().int().positive().max(2_147_483_647),
        quantity: z.number().int().min(1).max(MAX_QUANTITY),
      }),
    )
    .output(cartOutput)
    .mutation(({ ctx, input }) => cart.updateItem(ctx, input.id, input.quantity)),

  remove: authedProcedure
    .meta({
      errors: [404],
      openapi: { method: "DELETE", path: "/cart/remove/{id}/", tags: ["cart"], summary: "Remove an item" },
      successStatus: 204,
    })
    .input(z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }))
    .output(z.void())
    .mutation(({ ctx, input }) => cart.removeItem(ctx, input.id)),
});
