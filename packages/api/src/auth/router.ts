import { z } from "zod";
import { authedProcedure, publicProcedure, router } from "../trpc.ts";
import { emailField, usernameField } from "./fields.ts";
import { profileOutput } from "./profile-router.ts";
import { confirmEmailChange } from "./email-change.ts";
import * as auth from "./service.ts";

const message = z.object({ message: z.string() });
const refreshToken = z.string().min(1).max(255);

export const authRouter = router({
  register: publicProcedure
    .meta({
      errors: [409, 429],
      openapi: { method: "POST", path: "/auth/register/", tags: ["auth"], summary: "Create an account", protect: false },
      successStatus: 201,
    })
    .input(
      z.object({
        username: usernameField(),
        email: emailField(),
        password: z.string().min(1).max(128),
        first_name: z.string().trim().max(150).default(""),
        last_name: z.string().trim().max(150).default(""),
      }),
    )
    .output(message)
    .mutation(async ({ ctx, input }) => {
      await auth.register(ctx, { ...input, firstName: input.first_name, lastName: input.last_name });
      return { message: "User registered successfully. Please check your email to verify your account." };
    }),

  verifyEmail: publicProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/accounts/verify-email/{uidb64}/{token}/",
        tags: ["auth"],
        summary: "Activate an account",
        protect: false,
      },
    })
    .input(z.object({ uidb64: z.string().min(1).max(64), token: z.string().min(1).max(128) }))
    .output(message)
    .query(async ({ ctx, input }) => {
      await auth.verifyEmail(ctx, input.uidb64, input.token);
      return { message: "Email verified. You can now log in." };
    }),

  confirmEmail: publicProcedure
    .meta({
      errors: [409],
      openapi: {
        method: "GET",
        path: "/accounts/confirm-email/{uidb64}/{token}/",
        tags: ["auth"],
        summary: "Confirm a new email address",
        description:
          "The link sent to the address asked for in PATCH /api/profile/me/: the account's email becomes that address.",
        protect: false,
      },
    })
    .input(z.object({ uidb64: z.string().min(1).max(64), token: z.string().min(1).max(128) }))
    .output(message)
    .query(async ({ ctx, input }) => {
      await confirmEmailChange(ctx, input.uidb64, input.token);
      return { message: "Email address confirmed. It is now the address of your account." };
    }),

  login: publicProcedure
    .meta({
      errors: [401, 403, 429],
      openapi: { method: "POST", path: "/auth/login/", tags: ["auth"], summary: "Log in with username or email", protect: false },
    })
    .input(z.object({ username: z.string().trim().min(1).max(254), password: z.string().min(1).max(128) }))
    .output(z.object({ access: z.string(), refresh: z.string(), user: profileOutput }))
    .mutation(({ ctx, input }) => auth.login(ctx, input)),

  logout: authedProcedure
    .meta({ openapi: { method: "POST", path: "/auth/logout/", tags: ["auth"], summary: "Revoke a refresh token" } })
    .input(z.object({ refresh: refreshToken }))
    .output(message)
    .mutation(async ({ ctx, input }) => {
      await auth.logout(ctx, input.refresh);
      return { message: "Logged out." };
    }),

  requestPasswordReset: publicProcedure
    .meta({
      errors: [429],
      openapi: {
        method: "POST",
        path: "/auth/password-reset/",
        tags: ["auth"],
        summary: "Email a password reset link",
        protect: false,
      },
    })
    .input(z.object({ email: emailField() }))
    .output(message)
    .mutation(async ({ ctx, input }) => {
      await auth.requestPasswordReset(ctx, input.email);
      return { message: "If an account uses this email, a password reset link is on its way." };
    }),

  confirmPasswordReset: publicProcedure
    .meta({
      errors: [429],
      openapi: {
        method: "POST",
        path: "/auth/password-reset/confirm/",
        tags: ["auth"],
        summary: "Set a new password",
        protect: false,
      },
    })
    .input(
      z.object({ uid: z.string().min(1).max(64), token: z.string().min(1).max(128), new_password: z.string().min(1).max(128) }),
    )
    .output(message)
    .mutation(async ({ ctx, input }) => {
      await auth.confirmPasswordReset(ctx, { uid: input.uid, token: input.token, newPassword: input.new_password });
      return { message: "Password has been reset. Log in with the new password." };
    }),

  refreshToken: publicProcedure
    .meta({
      errors: [401],
      openapi: { method: "POST", path: "/token/refresh/", tags: ["auth"], summary: "A new access token", protect: false },
    })
    .input(z.object({ refresh: refreshToken }))
    .output(z.object({ access: z.string() }))
    .mutation(({ ctx, input }) => auth.refreshAccessToken(ctx, input.refresh)),

  verifyToken: publicProcedure
    .meta({
      errors: [401],
      openapi: { method: "POST", path: "/token/verify/", tags: ["auth"], summary: "Check an access token", protect: false },
    })
    .input(z.object({ token: z.string().min(1).max(4096) }))
    .output(z.object({}))
    .mutation(async ({ ctx, input }) => {
      await auth.verifyAccessTokenSession(ctx, input.token);
      return {};
    }),
});
