import type { FastifyInstance } from "fastify";
import { checkImage, createCaller, createContext, setProfilePicture, type Deps } from "@shop/api";
import { sendError } from "./http-errors.ts";
import { readMultipart } from "./uploads.ts";

/**
 * PATCH /api/profile/me/ for both bodies API.md allows. JSON goes to the `profile.update`
 * procedure unchanged; multipart/form-data adds `profile_picture`, checked as an image before
 * anything is written. (trpc-to-openapi cannot read multipart, so this route sits before it.)
 */
export function registerProfileRoute(app: FastifyInstance, deps: Deps): void {
  app.patch("/api/profile/me/", async (request, reply) => {
    try {
      const ctx = await createContext(deps, { authorization: request.headers.authorization, ip: request.ip });
      const caller = createCaller(ctx);
      if (!request.isMultipart()) return await caller.profile.update(request.body as never);
      const { fields, file } = await readMultipart(request, "profile_picture");
      if (file) checkImage(file);
      let profile = await caller.profile.update(fields);
      if (file) profile = await setProfilePicture(deps, ctx.user!.id, file);
      return profile;
    } catch (error) {
      return sendError(reply, error);
    }
  });
}
