import { z } from "zod";
import { publicProcedure, router } from "../trpc.ts";
import { checkReadiness } from "./service.ts";

const readinessOutput = z.object({
  status: z.enum(["ok", "unavailable"]),
  checks: z.record(z.string(), z.enum(["ok", "down"])),
});

export const healthRouter = router({
  ready: publicProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/health/",
        tags: ["health"],
        summary: "Readiness of the API and what it depends on",
        protect: false,
      },
    })
    .input(z.void())
    .output(readinessOutput)
    .query(({ ctx }) => checkReadiness(ctx.deps)),
});
