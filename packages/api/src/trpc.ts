import { initTRPC, TRPCError } from "@trpc/server";
import type { OpenApiMeta } from "trpc-to-openapi";
import { z } from "zod";
import type { Role } from "@shop/db";
import type { AuthedContext, Context } from "./context.ts";
import { shapeError, toTRPCError } from "./error-shape.ts";
import { invalid } from "./errors.ts";
import { findNul } from "./shared/text.ts";
import { validationMessage } from "./shared/validation-messages.ts";

// Plain validation messages for every schema, installed here because every procedure — and so
// every process that validates input (server, worker, CLI, tests) — imports this module. zod
// reads its global config when it builds an issue, not when a schema is built, so schemas made
// before this line runs get the same words; messages a schema sets itself still win.
z.config({ customError: validationMessage });

export type Meta = OpenApiMeta<{
  /** HTTP status of a successful REST call (default 200). */
  successStatus?: 200 | 201 | 204;
  /** Error statuses the operation answers besides those its procedure type implies (OpenAPI). */
  errors?: readonly ErrorStatus[];
  /** The role a procedure needs (set by sellerProcedure and adminProcedure): 403 for any other. */
  role?: Role;
}>;

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429;

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    // Subscriptions over SSE: a ping keeps idle streams open through proxies.
    sse: { ping: { enabled: true, intervalMs: 10_000 } },
    errorFormatter({ shape, error }) {
      const { status, body } = shapeError(error);
      // No `stack` (tRPC adds one outside production); the server logs it instead.
      return { message: body.detail, code: shape.code, data: { ...body, httpStatus: status, path: shape.data.path } };
    },
  });

export const router = t.router;
export const mergeRouters = t.mergeRouters;
export const createCallerFactory = t.createCallerFactory;

/**
 * Every procedure: input without NUL characters (PostgreSQL text cannot hold them), and errors
 * mapped to the transport code of their status by the one error shaper.
 */
const baseProcedure = t.procedure.use(async ({ getRawInput, next }) => {
  const nulAt = findNul(await getRawInput());
  if (nulAt !== null) {
    throw toTRPCError(
      invalid("Text may not contain NUL characters.", {
        fields: { [nulAt || "non_field_errors"]: ["NUL characters are not allowed."] },
      }),
    );
  }
  const result = await next();
  if (!result.ok) throw toTRPCError(result.error);
  return result;
});

export const publicProcedure = baseProcedure;

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Authentication credentials were not provided or are invalid." });
  }
  return next({ ctx: ctx as AuthedContext });
});

function withRole(role: Role) {
  return authedProcedure.meta({ role }).use(({ ctx, next }) => {
    if (ctx.user.role !== role) {
      throw new TRPCError({ code: "FORBIDDEN", message: "You do not have permission to perform this action." });
    }
    return next();
  });
}

export const sellerProcedure = withRole("seller");
export const adminProcedure = withRole("admin");
