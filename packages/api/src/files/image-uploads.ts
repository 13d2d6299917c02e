import type { AuthedContext, Context } from "../context.ts";
import { enforceLimits } from "../rate-limit/limits.ts";
import type { StoredFile } from "./file-store.ts";
import { reencodeImage } from "./images.ts";

/**
 * An uploaded image, re-encoded and stored under `folder`. Counted against the caller's upload
 * rate first (429), before any decoding work is spent on it.
 */
export async function storeUploadedImage(ctx: AuthedContext, folder: string, bytes: Uint8Array): Promise<StoredFile> {
  await enforceLimits(ctx, [["uploadsPerUser", String(ctx.user.id)]]);
  const image = await reencodeImage(bytes);
  return ctx.files.put({ folder, ...image });
}

/** Once the rows are gone for good; a file that fails to delete is only an orphan, so it is logged. */
export function deleteFilesAfterCommit(ctx: Context, keys: string[]): void {
  for (const key of keys) {
    ctx.afterCommit(() =>
      ctx.files.delete(key).catch((error: unknown) => ctx.logger.warn({ err: error, key }, "could not delete a stored file")),
    );
  }
}
