import type { Deps } from "../context.ts";

export type CheckStatus = "ok" | "down";

export interface Readiness {
  status: "ok" | "unavailable";
  checks: Record<string, CheckStatus>;
}

export type ReadinessCheck = () => Promise<void>;

/** Runs every check; any failure makes the whole service unavailable, naming which part. */
export async function checkReadiness(deps: Deps, extraChecks: Record<string, ReadinessCheck> = {}): Promise<Readiness> {
  const checks: Record<string, ReadinessCheck> = {
    database: async () => {
      await deps.db.$queryRaw`select 1`;
    },
    ...extraChecks,
  };
  const results = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      try {
        await check();
        return [name, "ok"] as const;
      } catch (error) {
        deps.logger.warn({ err: error, check: name }, "readiness check failed");
        return [name, "down"] as const;
      }
    }),
  );
  const all = Object.fromEntries(results);
  return { status: results.every(([, s]) => s === "ok") ? "ok" : "unavailable", checks: all };
}
