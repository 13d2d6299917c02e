import { inspect } from "node:util";

type Pending = undefined | null | false;

export interface EventuallyOptions<T = unknown> {
  /** What is awaited, for the timeout message. */
  what?: string;
  /** Default 10 s. */
  timeoutMs?: number;
  /** Default 50 ms. */
  intervalMs?: number;
  /** When the value is final; by default anything but undefined, null or false. */
  until?: (value: T) => boolean;
  /** More to say on a timeout, e.g. a child process's output. */
  detail?: () => string;
}

/**
 * Calls `check` until its value is final and resolves with that value: the one polling helper
 * of the tests, instead of fixed sleeps. Fails after the timeout with what was awaited and the
 * last value seen. An error thrown by `check` ends the wait at once (e.g. a child that exited).
 */
export async function eventually<T>(
  check: () => T | Promise<T>,
  options: EventuallyOptions<T> & { until: (value: T) => boolean },
): Promise<T>;
export async function eventually<T>(check: () => T | Pending | Promise<T | Pending>, options?: EventuallyOptions): Promise<T>;
export async function eventually<T>(check: () => T | Promise<T>, options: EventuallyOptions<T> = {}): Promise<T> {
  const { what = "a condition", timeoutMs = 10_000, intervalMs = 50, until = isFinal, detail } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (until(value)) return value;
    if (Date.now() > deadline) {
      const more = detail ? `\n${detail()}` : "";
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last value: ${inspect(value)}${more}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

const isFinal = (value: unknown): boolean => value !== undefined && value !== null && value !== false;
