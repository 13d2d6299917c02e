import { z } from "zod";
import { publicProcedure, authedProcedure, router, sellerProcedure } from "../trpc.ts";
import { moneyInput, MAX_MINOR_UNITS } from "../shared/money.ts";
import { pageOutput, paginationInput } from "../shared/pagination.ts";
import { addVariant, createProduct, deleteProduct, deleteVariant, updateProduct, updateVariant } from "./product-writes.ts";
import { getProduct, listProducts, PRODUCT_ORDERINGS } from "./products.ts";
import { productView } from "./product-view.ts";
import { REVIEW_STATUSES } from "./review-moderation.ts";
import { addReview, listReviews } from "./reviews.ts";
import { addProductImage, deleteProductImage } from "./product-images.ts";

const id = () => z.coerce.number().int().positive().max(2_147_483_647);
const price = () => moneyInput({ positive: true }).refine((minor) => minor <= MAX_MINOR_UNITS, "Too large.");
const priceFilter = () => moneyInput().refine((minor) => minor <= MAX_MINOR_UNITS, "Too large.");
const variantFields = () => ({
  sku: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9._-]+$/, "Letters, digits, '.', '_' and '-' only."),
  name: z.string().trim().min(1).max(200),
  price: price(),
  stock: z.number().int().min(0).max(1_000_000),
  attributes: z.record(z.string().max(64), z.union([z.string().max(200), z.number(), z.boolean()])).optional(),
});

const reviewView = z.object({
  id: z.number().int(),
  user: z.object({ id: z.number().int(), username: z.string() }),
  rating: z.number().int(),
  comment: z.string(),
  status: z.enum(REVIEW_STATUSES),
  created_at: z.string(),
});

export const productRouter = router({
  list: publicProcedure
    .meta({
      errors: [404],
      openapi: {
        method: "GET",
        path: "/products/",
        tags: ["catalog"],
        summary: "Products, filtered and paginated",
        protect: false,
      },
    })
    .input(
      z.object({
        category: id().optional(),
        seller: id().optional(),
        min_price: priceFilter().optional(),
        max_price: priceFilter().optional(),
        in_stock: z.stringbool().optional(),
        ordering: z.enum(PRODUCT_ORDERINGS).optional(),
        ...paginationInput,
      }),
    )
    .output(pageOutput(productView))
    .query(({ ctx, input }) => {
      const { page, page_size, ...filters } = input;
      return listProducts(ctx, filters, { page, page_size });
    }),

  get: publicProcedure
    .meta({
      errors: [404],
      openapi: {
        method: "GET",
        path: "/products/{id}/",
        tags: ["catalog"],
        summary: "A product with variants, images and rating",
        protect: false,
      },
    })
    .input(z.object({ id: id() }))
    .output(productView)
    .query(({ ctx, input }) => getProduct(ctx, input.id)),

  create: sellerProcedure
    .meta({
      errors: [409],
      openapi: { method: "POST", path: "/products/create/", tags: ["catalog"], summary: "Create a product (sellers)" },
      successStatus: 201,
    })
    .input(
      z.object({
        name: z.string().trim().min(1).max(200),
        description: z.string().trim().max(10_000).default(""),
        category: z.number().int().positive().max(2_147_483_647),
        variants: z.array(z.object(variantFields())).min(1, "A product needs at least one variant.").max(100),
      }),
    )
    .output(productView)
    .mutation(({ ctx, input }) => createProduct(ctx, input)),

  update: sellerProcedure
    .meta({
      errors: [404],
      openapi: { method: "PATCH", path: "/products/{id}/", tags: ["catalog"], summary: "Change your product" },
    })
    .input(
      z.object({
        id: id(),
        name: z.string().trim().min(1).max(200).optional(),
        description: z.string().trim().max(10_000).optional(),
        category: z.number().int().positive().max(2_147_483_647).optional(),
      }),
    )
    .output(productView)
    .mutation(({ ctx, input: { id, ...changes } }) => updateProduct(ctx, id, changes)),

  delete: sellerProcedure
    .meta({
      errors: [404],
      openapi: { method: "DELETE", path: "/products/{id}/", tags: ["catalog"], summary: "Delete your product" },
      successStatus: 204,
    })
    .input(z.object({ id: id() }))
    .output(z.void())
    .mutation(({ ctx, input }) => deleteProduct(ctx, input.id)),

  addVariant: sellerProcedure
    .meta({
      errors: [404, 409],
      openapi: { method: "POST", path: "/products/{id}/variants/", tags: ["catalog"], summary: "Add a variant to your product" },
      successStatus: 201,
    })
    .input(z.object({ id: id(), ...variantFields() }))
    .output(productView)
    .mutation(({ ctx, input: { id, ...variant } }) => addVariant(ctx, id, variant)),

  updateVariant: sellerProcedure
    .meta({
      errors: [404, 409],
      openapi: {
        method: "PATCH",
        path: "/products/{id}/variants/{variant_id}/",
        tags: ["catalog"],
        summary: "Change a variant of your product",
      },
    })
    .input(z.object({ id: id(), variant_id: id(), ...z.object(variantFields()).partial().shape }))
    .output(productView)
    .mutation(({ ctx, input: { id, variant_id, ...changes } }) => updateVariant(ctx, id, variant_id, changes)),

  deleteVariant: sellerProcedure
    .meta({
      errors: [404, 409],
      openapi: {
        method: "DELETE",
        path: "/products/{id}/variants/{variant_id}/",
        tags: ["catalog"],
        summary: "Delete a variant of your product",
      },
    })
    .input(z.object({ id: id(), variant_id: id() }))
    .output(productView)
    .mutation(({ ctx, input }) => deleteVariant(ctx, input.id, input.variant_id)),

  // Multipart upload: served by a plain Fastify route (POST /api/products/{product_pk}/upload-image/)
  // that reads the file and calls this procedure, so the seller and ownership rules are the same.
  uploadImage: sellerProcedure
    .input(
      z.object({
        product_id: id(),
        image: z.custom<Uint8Array>((value) => value instanceof Uint8Array, "An image file is required."),
        alt_text: z.string().trim().max(255).default(""),
      }),
    )
    .output(z.object({ id: z.number().int(), url: z.string(), alt_text: z.string() }))
    .mutation(({ ctx, input }) => addProductImage(ctx, input.product_id, input.image, input.alt_text)),

  deleteImage: sellerProcedure
    .meta({
      openapi: {
        method: "DELETE",
        path: "/products/{id}/images/{image_id}/",
        tags: ["catalog"],
        summary: "Delete an image of your product",
        description: "The seller who owns the product. The stored file is deleted too.",
      },
      successStatus: 204,
      errors: [403, 404],
    })
    .input(z.object({ id: id(), image_id: id() }))
    .output(z.void())
    .mutation(({ ctx, input }) => deleteProductImage(ctx, input.id, input.image_id)),

  reviews: publicProcedure
    .meta({
      errors: [404],
      openapi: {
        method: "GET",
        path: "/products/{product_id}/reviews/",
        tags: ["catalog"],
        summary: "A product's published reviews",
        protect: false,
      },
    })
    .input(z.object({ product_id: id(), ...paginationInput }))
    .output(pageOutput(reviewView))
    .query(({ ctx, input: { product_id, ...page } }) => listReviews(ctx, product_id, page)),

  addReview: authedProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/products/{product_id}/reviews/add/",
        tags: ["catalog"],
        summary: "Review a product",
        description:
          "One review per user and product, whatever the status of the first (409). The review is `published` at once, " +
          "or `pending` until staff publish it when the shop moderates reviews first (`REVIEW_MODERATION=pre`).",
      },
      successStatus: 201,
      errors: [403, 404, 409],
    })
    .input(
      z.object({ product_id: id(), rating: z.number().int().min(1).max(5), comment: z.string().trim().max(5000).default("") }),
    )
    .output(reviewView)
    .mutation(({ ctx, input: { product_id, ...review } }) => addReview(ctx, product_id, review)),
});
