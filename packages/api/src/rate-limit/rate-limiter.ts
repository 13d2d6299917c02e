/** A key's current fixed window: its count, and the seconds until it closes (0 when none is open). */
export interface WindowState {
  count: number;
  retryAfterSeconds: number;
}

/** Counts hits per key in fixed windows. */
export interface RateLimiter {
  /** Adds one to the key's window (opening one of `windowSeconds` if none is open). */
  increment(key: string, windowSeconds: number): Promise<WindowState>;
  /** Takes one back from the key's window if it is still open (an attempt counted ahead that went well). */
  decrement(key: string): Promise<void>;
  /** The key's window, unchanged. */
  peek(key: string): Promise<WindowState>;
  /** Counts one hit; true while the window holds at most `limit`. */
  hit(key: string, limit: number, windowSeconds: number): Promise<boolean>;
}

export type WindowCounter = Omit<RateLimiter, "hit">;

export function rateLimiterOf(counter: WindowCounter): RateLimiter {
  return {
    increment: (key, windowSeconds) => counter.increment(key, windowSeconds),
    decrement: (key) => counter.decrement(key),
    peek: (key) => counter.peek(key),
    hit: async (key, limit, windowSeconds) => (await counter.increment(key, windowSeconds)).count <= limit,
  };
}

/** Whole seconds until `resetAt`, at least 1 while the window is open. */
export const secondsUntil = (resetAt: number, now: number) => Math.max(1, Math.ceil((resetAt - now) / 1000));

/** One process's counters: the default without Redis, and the fallback while Redis is down. */
export function memoryRateLimiter(now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  let nextSweep = now() + 60_000;
  const openWindow = (key: string, time: number) => {
    const window = windows.get(key);
    return window && window.resetAt > time ? window : undefined;
  };
  const stateOf = (window: { count: number; resetAt: number } | undefined, time: number): WindowState =>
    window ? { count: window.count, retryAfterSeconds: secondsUntil(window.resetAt, time) } : { count: 0, retryAfterSeconds: 0 };
  return rateLimiterOf({
    async increment(key, windowSeconds) {
      const time = now();
      if (time > nextSweep) {
        for (const [k, w] of windows) if (w.resetAt <= time) windows.delete(k);
        nextSweep = time + 60_000;
      }
      let window = openWindow(key, time);
      if (!window) {
        window = { count: 0, resetAt: time + windowSeconds * 1000 };
        windows.set(key, window);
      }
      window.count++;
      return stateOf(window, time);
    },
    async decrement(key) {
      const window = openWindow(key, now());
      if (window && window.count > 0) window.count--;
    },
    async peek(key) {
      const time = now();
      return stateOf(openWindow(key, time), time);
    },
  });
}
