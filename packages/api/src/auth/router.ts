import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { publicProcedure, router } from "../trpc.ts";
import { verifyAccessToken } from "./access-token.ts";

export const authRouter = router({
  verifyToken: publicProcedure
    .meta({
      openapi: { method: "POST", path: "/token/verify/", tags: ["auth"], summary: "Check an access token", protect: false },
    })
    .input(z.object({ token: z.string().min(1).max(4096) }))
    .output(z.object({}))
    .mutation(async ({ ctx, input }) => {
      const claims = await verifyAccessToken(ctx.deps.config.authSecret, input.token);
      if (!claims) throw new TRPCError({ code: "UNAUTHORIZED", message: "Token is invalid or expired." });
      return {};
    }),
});
