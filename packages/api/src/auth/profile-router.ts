import { z } from "zod";
import { authedProcedure, router } from "../trpc.ts";
import { getProfile, updateProfile } from "./profile-service.ts";

export const profileOutput = z.object({
  id: z.number().int(),
  username: z.string(),
  email: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  profile_picture: z.string().nullable(),
  role: z.enum(["customer", "seller", "admin"]),
  is_active: z.boolean(),
  date_joined: z.string(),
});

export const profileRouter = router({
  me: authedProcedure
    .meta({ openapi: { method: "GET", path: "/profile/me/", tags: ["profile"], summary: "Your profile" } })
    .input(z.void())
    .output(profileOutput)
    .query(({ ctx }) => getProfile(ctx.deps, ctx.user.id)),

  // Also served for multipart/form-data with `profile_picture` by a plain Fastify route.
  update: authedProcedure
    .meta({ openapi: { method: "PATCH", path: "/profile/me/", tags: ["profile"], summary: "Change your names or email" } })
    .input(
      z.strictObject({
        first_name: z.string().trim().max(150).optional(),
        last_name: z.string().trim().max(150).optional(),
        email: z.email().max(254).optional(),
      }),
    )
    .output(profileOutput)
    .mutation(({ ctx, input }) =>
      updateProfile(ctx.deps, ctx.user.id, { firstName: input.first_name, lastName: input.last_name, email: input.email }),
    ),
});
