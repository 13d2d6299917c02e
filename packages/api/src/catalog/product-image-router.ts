import { z } from "zod";
import { router, sellerProcedure } from "../trpc.ts";
import { deleteProductImage } from "./product-image-delete.ts";

const id = () => z.coerce.number().int().positive().max(2_147_483_647);

// Uploads go through POST /api/products/{product_pk}/upload-image/ (multipart); deletes are typed-client only.
export const productImageRouter = router({
  delete: sellerProcedure
    .input(z.object({ product_id: id(), image_id: id() }))
    .output(z.void())
    .mutation(({ ctx, input }) => deleteProductImage(ctx, input.product_id, input.image_id)),
});
