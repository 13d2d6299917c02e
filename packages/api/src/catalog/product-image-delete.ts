import type { AuthedContext } from "../context.ts";
import { notFound } from "../errors.ts";
import { ownProduct, writeProduct } from "./product-writes.ts";

/** Only the owning seller; the row goes in a transaction, the stored file after its commit (a leftover file is only logged). */
export async function deleteProductImage(ctx: AuthedContext, productId: number, imageId: number): Promise<void> {
  await ownProduct(ctx, productId);
  const image = await ctx.db.productImage.findFirst({ where: { id: imageId, productId }, select: { key: true } });
  if (!image) throw notFound("Image not found.");
  await writeProduct(ctx, async (ctx) => {
    await ctx.db.productImage.delete({ where: { id: imageId } });
    ctx.afterCommit(() =>
      ctx.files.delete(image.key).catch((error: unknown) => {
        ctx.logger.warn({ err: error, key: image.key }, "product image file left behind");
      }),
    );
    return { productId };
  });
}
