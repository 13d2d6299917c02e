import type { Context } from "../context.ts";
import { rateLimited } from "../errors.ts";

/** Each rule: at most `limit` hits per `windowSeconds` for one key (an IP or an account). */
export const LIMITS = {
  loginPerIp: { limit: 30, windowSeconds: 5 * 60 },
  loginPerAccount: { limit: 10, windowSeconds: 15 * 60 },
  registerPerIp: { limit: 10, windowSeconds: 60 * 60 },
  resetPerIp: { limit: 10, windowSeconds: 60 * 60 },
  resetPerEmail: { limit: 5, windowSeconds: 60 * 60 },
  resetConfirmPerIp: { limit: 20, windowSeconds: 60 * 60 },
} as const;

type Rule = keyof typeof LIMITS;

/** Counts one hit against each rule given; throws 429 when any is exceeded. */
export async function enforceLimits(ctx: Context, hits: [Rule, string][]): Promise<void> {
  const allowed = await Promise.all(
    hits.map(([rule, id]) => ctx.rateLimiter.hit(`${rule}:${id}`, LIMITS[rule].limit, LIMITS[rule].windowSeconds)),
  );
  const exceeded = hits.filter((_, i) => !allowed[i]).map(([rule]) => LIMITS[rule].windowSeconds);
  if (exceeded.length > 0) throw rateLimited(Math.max(...exceeded));
}
