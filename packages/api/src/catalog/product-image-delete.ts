import type { AuthUser, Deps } from "../context.ts";
import { notFound } from "../errors.ts";
import { ownProduct, writeProduct } from "./product-writes.ts";

/** Only the owning seller; the row goes in a transaction, then the stored file (a leftover file is only logged). */
export async function deleteProductImage(deps: Deps, user: AuthUser, productId: number, imageId: number): Promise<void> {
  await ownProduct(deps, user, productId);
  const image = await deps.db.productImage.findFirst({ where: { id: imageId, productId }, select: { key: true } });
  if (!image) throw notFound("Image not found.");
  await writeProduct(deps, async (tx) => {
    await tx.productImage.delete({ where: { id: imageId } });
    return { productId };
  });
  await deps.files.delete(image.key).catch((error: unknown) => {
    deps.logger.warn({ err: error, key: image.key }, "product image file left behind");
  });
}
