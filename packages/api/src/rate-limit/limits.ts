import type { Context } from "../context.ts";
import { rateLimited } from "../errors.ts";

/** Each rule: at most `limit` per `windowSeconds` for one key (an address, an account, or both). */
export const LIMITS = {
  registerPerIp: { limit: 10, windowSeconds: 60 * 60 },
  resetPerIp: { limit: 10, windowSeconds: 60 * 60 },
  resetPerEmail: { limit: 5, windowSeconds: 60 * 60 },
  resetConfirmPerIp: { limit: 20, windowSeconds: 60 * 60 },
  // Image uploads (profile pictures and product images) per account: each costs a decode and
  // up to 5 MB of storage. Enough to fill a product's 20 images in one go.
  uploadsPerUser: { limit: 30, windowSeconds: 10 * 60 },
} as const;

type Rule = keyof typeof LIMITS;

/** Counts one hit against each rule given; throws 429 (with the seconds until they free) when any is exceeded. */
export async function enforceLimits(ctx: Context, hits: [Rule, string][]): Promise<void> {
  const states = await Promise.all(
    hits.map(([rule, id]) => ctx.rateLimiter.increment(`${rule}:${id}`, LIMITS[rule].windowSeconds)),
  );
  const waits = states.filter((state, i) => state.count > LIMITS[hits[i]![0]].limit).map((state) => state.retryAfterSeconds);
  if (waits.length > 0) throw rateLimited(Math.max(...waits));
}
