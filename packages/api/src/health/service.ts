import type { Context } from "../context.ts";

export type CheckStatus = "ok" | "down";

/** API.md: `down` without the database (503); `degraded` while a service with a fallback is down (200). */
export interface Readiness {
  status: "ok" | "degraded" | "down";
  checks: { database: CheckStatus; redis?: CheckStatus; meilisearch?: CheckStatus };
}

async function probe(ctx: Context, name: string, check: () => Promise<unknown>): Promise<CheckStatus> {
  try {
    await check();
    return "ok";
  } catch (error) {
    ctx.logger.warn({ err: error instanceof Error ? error.message : error, check: name }, "readiness check failed");
    return "down";
  }
}

/** Checks the database and each configured backing service (Redis, Meilisearch) at once. */
export async function checkReadiness(ctx: Context): Promise<Readiness> {
  const [database, redis, meilisearch] = await Promise.all([
    probe(ctx, "database", () => ctx.client.$queryRaw`select 1`),
    ctx.cache.enabled ? probe(ctx, "redis", () => ctx.cache.ping()) : undefined,
    ctx.search.name.startsWith("meilisearch") ? probe(ctx, "meilisearch", () => ctx.search.ping()) : undefined,
  ]);
  const checks: Readiness["checks"] = { database, ...(redis && { redis }), ...(meilisearch && { meilisearch }) };
  const status = database === "down" ? "down" : Object.values(checks).includes("down") ? "degraded" : "ok";
  return { status, checks };
}
