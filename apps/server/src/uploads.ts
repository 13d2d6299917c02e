import type { FastifyInstance, FastifyRequest } from "fastify";
import { createCaller, DomainError, invalid, MAX_IMAGE_BYTES, type Context, type Deps } from "@shop/api";
import { contextOf } from "./request-context.ts";
import type { MultipartHandler } from "./rest-routes.ts";

export interface MultipartUpload {
  fields: Record<string, string>;
  file?: Buffer;
}

const isHttpError = (error: unknown) =>
  error instanceof DomainError || typeof (error as { statusCode?: unknown })?.statusCode === "number";

/**
 * Reads a multipart/form-data body: its text fields and the one file expected in `fileField`.
 * A file over 5 MB stops the read with a 413 before it is all in memory; a second file, or a
 * body the parser cannot read (no boundary, cut short), is a 400.
 */
export async function readMultipart(request: FastifyRequest, fileField: string): Promise<MultipartUpload> {
  const upload: MultipartUpload = { fields: {} };
  try {
    for await (const part of request.parts({ limits: { fileSize: MAX_IMAGE_BYTES, files: 2, fields: 20 } })) {
      if (part.type === "file") {
        const bytes = await part.toBuffer();
        if (part.fieldname !== fileField) continue;
        if (upload.file) throw invalid("Send one file.", { fields: { [fileField]: ["Only one file is allowed."] } });
        upload.file = bytes;
      } else if (typeof part.value === "string") {
        upload.fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if (isHttpError(error)) throw error;
    throw invalid("The multipart/form-data body could not be read.", { code: "INVALID_MULTIPART" });
  }
  return upload;
}

/** PATCH /api/profile/me/ as multipart/form-data: the text fields, then `profile_picture`. */
export const profileMultipart: MultipartHandler = async (request, ctx) => {
  const { fields, file } = await readMultipart(request, "profile_picture");
  const caller = createCaller(ctx);
  return file ? caller.profile.updateWithPicture({ ...fields, profile_picture: file }) : caller.profile.update(fields);
};

const uploadImage = async (request: FastifyRequest<{ Params: { product_pk: string } }>, ctx: Context) => {
  if (!request.isMultipart()) {
    throw new DomainError("UNSUPPORTED_MEDIA_TYPE", "Send the image as multipart/form-data.");
  }
  const { fields, file } = await readMultipart(request, "image");
  if (!file) throw invalid("No image.", { fields: { image: ["This field is required."] } });
  return createCaller(ctx).products.uploadImage({
    product_id: request.params.product_pk,
    image: file,
    alt_text: fields.alt_text,
  });
};

/** POST /api/products/{product_pk}/upload-image/ (multipart `image`, `alt_text?`) → 201 {id, url, alt_text}. */
export function registerUploadRoutes(app: FastifyInstance, deps: Deps): void {
  app.post<{ Params: { product_pk: string } }>("/api/products/:product_pk/upload-image/", async (request, reply) =>
    reply.code(201).send(await uploadImage(request, await contextOf(deps, request))),
  );
}
