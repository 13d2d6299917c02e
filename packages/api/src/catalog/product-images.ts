import type { AuthedContext, Context } from "../context.ts";
import { conflict, notFound } from "../errors.ts";
import { deleteFilesAfterCommit, storeUploadedImage } from "../files/image-uploads.ts";
import { ownProduct, writeProduct } from "./product-writes.ts";

export interface ImageView {
  id: number;
  url: string;
  alt_text: string;
}

/** 409 when the product already holds MAX_IMAGES_PER_PRODUCT images. */
async function assertRoomForAnImage(ctx: Context, productId: number): Promise<void> {
  const max = ctx.config.maxImagesPerProduct;
  if ((await ctx.db.productImage.count({ where: { productId } })) >= max) {
    throw conflict(`A product holds at most ${max} images; delete one first.`, { code: "TOO_MANY_IMAGES" });
  }
}

/**
 * Only the owning seller; the image is re-encoded, stored, then appended last. The count is
 * checked before the work and again under the product's lock, so racing uploads cannot pass it.
 */
export async function addProductImage(
  ctx: AuthedContext,
  productId: number,
  bytes: Uint8Array,
  altText = "",
): Promise<ImageView> {
  await ownProduct(ctx, productId);
  await assertRoomForAnImage(ctx, productId);
  const stored = await storeUploadedImage(ctx, `products/${productId}`, bytes);
  try {
    const { image } = await writeProduct(ctx, async (ctx) => {
      await ctx.db.$queryRaw`select id from products where id = ${productId} for update`;
      await assertRoomForAnImage(ctx, productId);
      const last = await ctx.db.productImage.aggregate({ where: { productId }, _max: { position: true } });
      const image = await ctx.db.productImage.create({
        data: { productId, key: stored.key, url: stored.url, altText, position: (last._max.position ?? -1) + 1 },
        select: { id: true, url: true, altText: true },
      });
      return { productId, image };
    });
    return { id: image.id, url: image.url, alt_text: image.altText };
  } catch (error) {
    await ctx.files.delete(stored.key).catch(() => {});
    throw error;
  }
}

/** Only the owning seller; the stored file is deleted once the row is gone for good. */
export async function deleteProductImage(ctx: AuthedContext, productId: number, imageId: number): Promise<void> {
  await ownProduct(ctx, productId);
  await writeProduct(ctx, async (ctx) => {
    const image = await ctx.db.productImage.findFirst({ where: { id: imageId, productId }, select: { key: true } });
    // deleteMany: a concurrent delete of the same image leaves nothing to delete here (404, not a crash).
    if (!image || (await ctx.db.productImage.deleteMany({ where: { id: imageId, productId } })).count === 0) {
      throw notFound("Image not found.");
    }
    deleteFilesAfterCommit(ctx, [image.key]);
    return { productId };
  });
}
