import type { FastifyRequest } from "fastify";
import { MAX_IMAGE_BYTES } from "@shop/api";

export interface MultipartUpload {
  fields: Record<string, string>;
  file?: Buffer;
}

/**
 * Reads a multipart/form-data body: text fields and the one file field expected. A file over
 * 5 MB stops the read with Fastify's 413 error, before it is all in memory.
 */
export async function readMultipart(request: FastifyRequest, fileField: string): Promise<MultipartUpload> {
  const upload: MultipartUpload = { fields: {} };
  for await (const part of request.parts({ limits: { fileSize: MAX_IMAGE_BYTES, files: 1, fields: 20 } })) {
    if (part.type === "file") {
      const bytes = await part.toBuffer();
      if (part.fieldname === fileField) upload.file = bytes;
    } else if (typeof part.value === "string") {
      upload.fields[part.fieldname] = part.value;
    }
  }
  return upload;
}
