import { z } from "zod";
import { authedProcedure, router } from "../trpc.ts";
import { getProfile, updateProfile, updateProfileWithPicture } from "./profile-service.ts";

export const profileOutput = z.object({
  id: z.number().int(),
  username: z.string(),
  email: z.string(),
  pending_email: z.string().nullable(),
  first_name: z.string(),
  last_name: z.string(),
  profile_picture: z.string().nullable(),
  role: z.enum(["customer", "seller", "admin"]),
  is_active: z.boolean(),
  date_joined: z.string(),
});

const profileChanges = {
  first_name: z.string().trim().max(150).optional(),
  last_name: z.string().trim().max(150).optional(),
  email: z.email().max(254).optional(),
  current_password: z.string().min(1).max(128).optional(),
};

const changesOf = (input: { first_name?: string; last_name?: string; email?: string; current_password?: string }) => ({
  firstName: input.first_name,
  lastName: input.last_name,
  email: input.email,
  currentPassword: input.current_password,
});

export const profileRouter = router({
  me: authedProcedure
    .meta({ openapi: { method: "GET", path: "/profile/me/", tags: ["profile"], summary: "Your profile" } })
    .input(z.void())
    .output(profileOutput)
    .query(({ ctx }) => getProfile(ctx)),

  // Also served for multipart/form-data with `profile_picture` by the upload route, which calls setPicture too.
  update: authedProcedure
    .meta({
      // 409: the email is taken; 429 (multipart, with a picture): the per-account upload rate.
      errors: [409, 429],
      openapi: {
        method: "PATCH",
        path: "/profile/me/",
        tags: ["profile"],
        summary: "Change your names, or ask to change your email",
        description:
          "Names change at once. A new `email` needs `current_password`; it shows as `pending_email` and replaces `email` " +
          "only when the link sent to it is opened (GET /api/accounts/confirm-email/{uidb64}/{token}/); the address in use " +
          "gets a notice. Wrong or missing `current_password` → 400 with `fields.current_password`; an email in use → 409.",
      },
    })
    .input(z.strictObject(profileChanges))
    .output(profileOutput)
    .mutation(({ ctx, input }) => updateProfile(ctx, changesOf(input))),

  // PATCH /api/profile/me/ as multipart/form-data with `profile_picture` (no REST path of its own).
  updateWithPicture: authedProcedure
    .input(
      z.strictObject({
        ...profileChanges,
        profile_picture: z.custom<Uint8Array>((value) => value instanceof Uint8Array, "An image file is required."),
      }),
    )
    .output(profileOutput)
    .mutation(({ ctx, input }) => updateProfileWithPicture(ctx, changesOf(input), input.profile_picture)),
});
