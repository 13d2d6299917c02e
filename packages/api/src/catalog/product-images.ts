import type { AuthedContext } from "../context.ts";
import { checkImage } from "../files/images.ts";
import { ownProduct, writeProduct } from "./product-writes.ts";

export interface ImageView {
  id: number;
  url: string;
  alt_text: string;
}

/** Only the owning seller; the image is checked by content, stored, then appended last. */
export async function addProductImage(
  ctx: AuthedContext,
  productId: number,
  bytes: Uint8Array,
  altText = "",
): Promise<ImageView> {
  await ownProduct(ctx, productId);
  const { contentType, extension } = checkImage(bytes);
  const stored = await ctx.files.put({ folder: `products/${productId}`, extension, contentType, bytes });
  try {
    const { image } = await writeProduct(ctx, async ({ db }) => {
      await db.$queryRaw`select id from products where id = ${productId} for update`;
      const last = await db.productImage.aggregate({ where: { productId }, _max: { position: true } });
      const image = await db.productImage.create({
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
