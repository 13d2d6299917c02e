import { TRPCClientError, type TRPCClient, type TRPCLink } from "@trpc/client";
import { observable } from "@trpc/server/observable";
import type { AppRouter } from "./generated/app-router.ts";

export interface Tokens {
  access: string;
  refresh: string;
}

/** Where the client keeps the token pair: in memory, or the caller's storage. */
export interface TokenStore {
  read(): Promise<Tokens | null>;
  write(tokens: Tokens | null): Promise<void>;
}

const isUnauthorized = (error: unknown) =>
  error instanceof TRPCClientError && (error.data as { httpStatus?: number } | undefined)?.httpStatus === 401;

// Their 401 means "wrong credentials" or "bad refresh token", not "access token expired".
const NO_REFRESH_FOR = new Set(["auth.login", "auth.refreshToken", "auth.verifyToken"]);

/** A new token pair for a stale one; `null` when the session is over (log in again). May throw a 401. */
export type RefreshAccess = (stale: Tokens) => Promise<Tokens | null>;

/** The default refresh: `auth.refreshToken` with the stored refresh token, on a client without this link. */
export const refreshWith =
  (refresher: TRPCClient<AppRouter>): RefreshAccess =>
  async (stale) => {
    const { access } = await refresher.auth.refreshToken.mutate({ refresh: stale.refresh });
    return { access, refresh: stale.refresh };
  };

/**
 * Bearer authentication for every operation: a 401 on a call that carried an access token
 * refreshes that token once (concurrent failures share one refresh) and retries the call once.
 * A successful `auth.login` stores its tokens and `auth.logout` forgets them.
 */
export function authLink(store: TokenStore, refresh: RefreshAccess): TRPCLink<AppRouter> {
  let refreshing: { stale: string; done: Promise<boolean> } | null = null;

  async function refreshAfter(stale: string): Promise<boolean> {
    const tokens = await store.read();
    if (!tokens) return false;
    if (tokens.access !== stale) return true; // another call refreshed it meanwhile
    if (refreshing?.stale === stale) return refreshing.done;
    const done = refresh(tokens)
      .then(async (renewed) => {
        await store.write(renewed);
        return renewed !== null;
      })
      .catch(async (error: unknown) => {
        if (isUnauthorized(error)) await store.write(null); // revoked or expired: log in again
        return false;
      });
    refreshing = { stale, done };
    void done.finally(() => {
      if (refreshing?.done === done) refreshing = null;
    });
    return done;
  }

  return () =>
    ({ op, next }) =>
      observable((observer) => {
        let subscription: { unsubscribe(): void } | undefined;
        let stopped = false;

        const attempt = async (isRetry: boolean) => {
          const sentWith = (await store.read())?.access;
          if (stopped) return;
          // A login's tokens are stored before the caller sees its result.
          let stored: Promise<void> = Promise.resolve();
          subscription = next(op).subscribe({
            next(envelope) {
              const data = "data" in envelope.result ? envelope.result.data : undefined;
              if (op.path === "auth.login") stored = storeLogin(store, data);
              else if (op.path === "auth.logout") stored = store.write(null);
              stored.then(
                () => observer.next(envelope),
                (error: unknown) => observer.error(TRPCClientError.from(error as Error)),
              );
            },
            error(error) {
              if (isRetry || !sentWith || NO_REFRESH_FOR.has(op.path) || !isUnauthorized(error)) {
                observer.error(error);
                return;
              }
              refreshAfter(sentWith).then(
                (refreshed) => (refreshed ? void attempt(true) : observer.error(error)),
                () => observer.error(error),
              );
            },
            complete() {
              stored.then(
                () => observer.complete(),
                () => {},
              );
            },
          });
        };

        attempt(false).catch((error: unknown) => observer.error(TRPCClientError.from(error as Error)));
        return () => {
          stopped = true;
          subscription?.unsubscribe();
        };
      });
}

async function storeLogin(store: TokenStore, data: unknown): Promise<void> {
  const tokens = data as Partial<Tokens> | undefined;
  if (typeof tokens?.access === "string" && typeof tokens.refresh === "string") {
    await store.write({ access: tokens.access, refresh: tokens.refresh });
  }
}
