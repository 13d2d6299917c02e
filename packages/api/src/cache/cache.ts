/**
 * The read-through cache port. Keys carry version numbers: a write bumps the version of what
 * it changed, so readers stop using older entries at once, even one a slow reader stores
 * after the write (it lands under the old version, which nobody reads any more).
 */
export interface Cache {
  /** False for noCache: callers can skip preparing values nobody will store. */
  readonly enabled: boolean;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** A tag for the current state of each named version, in order, to build keys from. */
  versions(names: string[]): Promise<string[]>;
  bump(names: string[]): Promise<void>;
}

/** No Redis configured: every read goes to PostgreSQL. */
export const noCache: Cache = {
  enabled: false,
  get: async () => undefined,
  set: async () => {},
  versions: async (names) => names.map(() => "0"),
  bump: async () => {},
};

export const CACHE_TTL_SECONDS = 300;

/** The cached JSON for `key`, or `load()`'s result, stored for next time. */
export async function readThrough<T>(cache: Cache, key: string, load: () => Promise<T>): Promise<T> {
  const hit = await cache.get(key);
  if (hit !== undefined) return JSON.parse(hit) as T;
  const value = await load();
  if (cache.enabled) await cache.set(key, JSON.stringify(value), CACHE_TTL_SECONDS);
  return value;
}
