import { initTRPC, TRPCError } from "@trpc/server";
import type { OpenApiMeta } from "trpc-to-openapi";
import type { Role } from "@shop/db";
import type { AuthUser, Context } from "./context.ts";
import { DomainError } from "./errors.ts";
import { errorBodyOf, toTRPCError } from "./error-shape.ts";

export type Meta = OpenApiMeta<{
  /** HTTP status of a successful REST call (default 200); the server applies it. */
  successStatus?: 200 | 201 | 204;
}>;

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    // Shared by /trpc and /api (trpc-to-openapi spreads this shape into its body).
    errorFormatter({ shape, error }) {
      const body = errorBodyOf(error);
      // No `stack` (tRPC adds one outside production); the server's onError logs it instead.
      return {
        message: body.detail,
        code: shape.code,
        data: { ...body, httpStatus: shape.data.httpStatus, path: shape.data.path },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** The one place where domain errors become transport errors (and so HTTP statuses). */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) throw toTRPCError(result.error.cause);
  return result;
});

export const publicProcedure = t.procedure.use(mapDomainErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Authentication credentials were not provided or are invalid." });
  }
  return next({ ctx: { ...ctx, user: ctx.user as AuthUser } });
});

function withRole(role: Role) {
  return authedProcedure.use(({ ctx, next }) => {
    if (ctx.user.role !== role) {
      throw new TRPCError({ code: "FORBIDDEN", message: "You do not have permission to perform this action." });
    }
    return next();
  });
}

export const sellerProcedure = withRole("seller");
export const adminProcedure = withRole("admin");
