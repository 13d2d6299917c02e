import type { FastifyInstance } from "fastify";
import { createCaller, createContext, type Deps } from "@shop/api";
import { sendError } from "./http-errors.ts";
import { readMultipart } from "./uploads.ts";

/** POST /api/products/{product_pk}/upload-image/ (multipart `image`, `alt_text?`) → 201 {id, url, alt_text}. */
export function registerProductImageRoute(app: FastifyInstance, deps: Deps): void {
  app.post<{ Params: { product_pk: string } }>("/api/products/:product_pk/upload-image/", async (request, reply) => {
    try {
      const ctx = await createContext(deps, { authorization: request.headers.authorization, ip: request.ip });
      const caller = createCaller(ctx);
      if (!request.isMultipart()) {
        return reply.code(415).send({ detail: "Send the image as multipart/form-data.", code: "UNSUPPORTED_MEDIA_TYPE" });
      }
      const { fields, file } = await readMultipart(request, "image");
      if (!file)
        return reply
          .code(400)
          .send({ detail: "No image.", code: "VALIDATION_ERROR", fields: { image: ["This field is required."] } });
      const image = await caller.products.uploadImage({
        product_id: request.params.product_pk as never,
        image: file,
        alt_text: fields.alt_text ?? "",
      });
      return reply.code(201).send(image);
    } catch (error) {
      return sendError(reply, error);
    }
  });
}
