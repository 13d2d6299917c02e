import { z } from "zod";
import { emailField, usernameField } from "../auth/fields.ts";
import { profileOutput } from "../auth/profile-router.ts";
import { adminProcedure, router } from "../trpc.ts";
import * as admin from "./service.ts";

const username = usernameField();
const email = emailField();

/** A staff-made account; also parsed by the admin CLI's `create-admin`, which has no caller yet. */
export const newAccountInput = z.object({
  username,
  email,
  password: z.string().min(1).max(128),
  first_name: z.string().trim().max(150).default(""),
  last_name: z.string().trim().max(150).default(""),
});

const byEmail = z.object({ email });

// Staff operations for the admin CLI; not part of the REST contract, so no OpenAPI meta.
export const adminRouter = router({
  createSeller: adminProcedure
    .input(newAccountInput)
    .output(profileOutput)
    .mutation(({ ctx, input }) => admin.createSeller(ctx, { ...input, firstName: input.first_name, lastName: input.last_name })),

  promoteToSeller: adminProcedure
    .input(byEmail)
    .output(profileOutput)
    .mutation(({ ctx, input }) => admin.promoteToSeller(ctx, input.email)),

  listSellers: adminProcedure
    .input(z.void())
    .output(z.array(profileOutput))
    .query(({ ctx }) => admin.listSellers(ctx)),

  revokeSeller: adminProcedure
    .input(byEmail)
    .output(profileOutput)
    .mutation(({ ctx, input }) => admin.revokeSeller(ctx, input.email)),
});
