import type { AuthUser, Deps } from "../context.ts";
import { checkImage } from "../files/images.ts";
import { ownProduct, writeProduct } from "./product-writes.ts";

export interface ImageView {
  id: number;
  url: string;
  alt_text: string;
}

/** Only the owning seller; the image is checked by content, stored, then appended last. */
export async function addProductImage(
  deps: Deps,
  user: AuthUser,
  productId: number,
  bytes: Uint8Array,
  altText = "",
): Promise<ImageView> {
  await ownProduct(deps, user, productId);
  const { contentType, extension } = checkImage(bytes);
  const stored = await deps.files.put({ folder: `products/${productId}`, extension, contentType, bytes });
  try {
    const { image } = await writeProduct(deps, async (tx) => {
      await tx.$queryRaw`select id from products where id = ${productId} for update`;
      const last = await tx.productImage.aggregate({ where: { productId }, _max: { position: true } });
      const image = await tx.productImage.create({
        data: { productId, key: stored.key, url: stored.url, altText, position: (last._max.position ?? -1) + 1 },
        select: { id: true, url: true, altText: true },
      });
      return { productId, image };
    });
    return { id: image.id, url: image.url, alt_text: image.altText };
  } catch (error) {
    await deps.files.delete(stored.key).catch(() => {});
    throw error;
  }
}
