/**
 * The read-through cache port. Each entry is stored with the version tag it was read under:
 * a write bumps the versions of what it changed, so readers stop using older entries at once,
 * even one a slow reader stores after the write (its tag no longer matches, so it is a miss).
 */
export interface Cache {
  /** False for noCache: callers can skip preparing values nobody will store. */
  readonly enabled: boolean;
  /** The current tag of `versionName`, and `key`'s entry if it was stored under that tag (one round trip). */
  lookup(versionName: string, key: string): Promise<{ tag: string; value: string | undefined }>;
  set(key: string, tag: string, value: string, ttlSeconds: number): Promise<void>;
  bump(versionNames: string[]): Promise<void>;
  /** Throws while the cache cannot answer (readiness). */
  ping(): Promise<void>;
}

/** No Redis configured: every read goes to PostgreSQL. */
export const noCache: Cache = {
  enabled: false,
  lookup: async () => ({ tag: "0", value: undefined }),
  set: async () => {},
  bump: async () => {},
  ping: async () => {},
};

export const CACHE_TTL_SECONDS = 300;

/** The cached JSON for `key` under `versionName`, or `load()`'s result, stored for next time. */
export async function readThrough<T>(cache: Cache, versionName: string, key: string, load: () => Promise<T>): Promise<T> {
  const { tag, value } = await cache.lookup(versionName, key);
  if (value !== undefined) return JSON.parse(value) as T;
  const loaded = await load();
  if (cache.enabled) await cache.set(key, tag, JSON.stringify(loaded), CACHE_TTL_SECONDS);
  return loaded;
}
