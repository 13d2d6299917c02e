import { z } from "zod";
import { adminProcedure, publicProcedure, router } from "../trpc.ts";
import { createCategory, getCategory, listCategoryTree, updateCategory, type CategoryNode } from "./categories.ts";

const categoryNode: z.ZodType<CategoryNode> = z.lazy(() =>
  z.object({
    id: z.number().int(),
    name: z.string(),
    slug: z.string(),
    description: z.string(),
    parent: z.number().int().nullable(),
    children: z.array(categoryNode),
  }),
);

const slug = z
  .string()
  .trim()
  .min(1)
  .max(140)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Lowercase letters, digits and single hyphens.");

export const categoryRouter = router({
  list: publicProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/categories/",
        tags: ["catalog"],
        summary: "Root categories with nested children",
        protect: false,
      },
    })
    .input(z.void())
    .output(z.array(categoryNode))
    .query(({ ctx }) => listCategoryTree(ctx)),

  get: publicProcedure
    .meta({
      errors: [404],
      openapi: {
        method: "GET",
        path: "/categories/{id}/",
        tags: ["catalog"],
        summary: "A category with its subtree",
        protect: false,
      },
    })
    .input(z.object({ id: z.coerce.number().int().positive() }))
    .output(categoryNode)
    .query(({ ctx, input }) => getCategory(ctx, input.id)),

  // Staff-managed: the admin CLI calls these; REST only reads categories.
  create: adminProcedure
    .input(
      z.object({
        name: z.string().trim().min(1).max(120),
        slug,
        description: z.string().trim().max(2000).optional(),
        parent_slug: slug.nullish(),
      }),
    )
    .output(categoryNode)
    .mutation(({ ctx, input }) =>
      createCategory(ctx, {
        name: input.name,
        slug: input.slug,
        description: input.description,
        parentSlug: input.parent_slug,
      }),
    ),

  update: adminProcedure
    .input(
      z.object({
        id: z.number().int().positive(),
        name: z.string().trim().min(1).max(120).optional(),
        slug: slug.optional(),
        description: z.string().trim().max(2000).optional(),
        parent_slug: slug.nullish(),
      }),
    )
    .output(categoryNode)
    .mutation(({ ctx, input }) =>
      updateCategory(ctx, input.id, {
        name: input.name,
        slug: input.slug,
        description: input.description,
        parentSlug: input.parent_slug,
      }),
    ),
});
