import { z } from "zod";
import { publicProcedure, router } from "../trpc.ts";
import { checkReadiness } from "./service.ts";

const checkStatus = z.enum(["ok", "down"]);

export const readinessOutput = z
  .object({
    status: z.enum(["ok", "degraded", "down"]),
    checks: z.object({ database: checkStatus, redis: checkStatus.optional(), meilisearch: checkStatus.optional() }),
  })
  .meta({ id: "Readiness" });

// Over REST this is GET /health/ready, served by the host beside /health/live.
export const healthRouter = router({
  ready: publicProcedure
    .input(z.void())
    .output(readinessOutput)
    .query(({ ctx }) => checkReadiness(ctx)),
});
