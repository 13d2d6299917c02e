import type { Context } from "../context.ts";
import { rateLimited } from "../errors.ts";
import type { WindowState } from "./rate-limiter.ts";

/**
 * Wrong passwords (at login, and when a signed-in user confirms a change with their password)
 * are limited per client address, per account from one address, and per account overall. The
 * owner's own address is locked only by its own failures or by the account's ceiling, so a
 * guesser elsewhere cannot lock the owner out below 100 failures in 15 minutes.
 */
export const PASSWORD_FAILURE_LIMITS = {
  perAddress: { limit: 30, windowSeconds: 5 * 60 },
  perAccountAndAddress: { limit: 10, windowSeconds: 15 * 60 },
  perAccount: { limit: 100, windowSeconds: 15 * 60 },
} as const;

type Rule = keyof typeof PASSWORD_FAILURE_LIMITS;

/** `account` names one account however it was spelled: `user:<id>`, or the lowercased name tried. */
function keysOf(ip: string, account: string): [Rule, string][] {
  return [
    ["perAddress", `pwfail:ip:${ip}`],
    ["perAccountAndAddress", `pwfail:account-ip:${account}:${ip}`],
    ["perAccount", `pwfail:account:${account}`],
  ];
}

/**
 * Runs `checkPassword` unless a limit is reached (429 then, its `Retry-After` the seconds until
 * every exceeded window frees) and answers what it answered. Only failures count: each check is
 * counted ahead and given back when the password was right, so parallel guesses cannot all slip
 * past a limit before the first failure is recorded.
 */
export async function checkPasswordWithinLimits(
  ctx: Context,
  account: string,
  checkPassword: () => Promise<boolean>,
): Promise<boolean> {
  const keys = keysOf(ctx.ip, account);
  const limiter = ctx.rateLimiter;
  const waitIfOver = (states: WindowState[], margin: number) => {
    const waits = states
      .filter((state, i) => state.count + margin > PASSWORD_FAILURE_LIMITS[keys[i]![0]].limit)
      .map((state) => state.retryAfterSeconds);
    return waits.length > 0 ? Math.max(...waits) : null;
  };
  const giveBack = () => Promise.all(keys.map(([, key]) => limiter.decrement(key)));

  const before = waitIfOver(await Promise.all(keys.map(([, key]) => limiter.peek(key))), 1);
  if (before !== null) throw rateLimited(before);
  const counted = await Promise.all(
    keys.map(([rule, key]) => limiter.increment(key, PASSWORD_FAILURE_LIMITS[rule].windowSeconds)),
  );
  const raced = waitIfOver(counted, 0);
  if (raced !== null) {
    await giveBack();
    throw rateLimited(raced);
  }
  let right: boolean;
  try {
    right = await checkPassword();
  } catch (error) {
    await giveBack();
    throw error;
  }
  if (right) await giveBack();
  return right;
}
