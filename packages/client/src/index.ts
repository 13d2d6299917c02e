import {
  createTRPCClient,
  httpBatchLink,
  httpLink,
  httpSubscriptionLink,
  splitLink,
  type TRPCClient,
  type TRPCClientError,
} from "@trpc/client";
import { EventSource } from "eventsource";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
// The router's shape, generated from the server's router (scripts/router-shape.ts): the client's
// users compile one file of types, and the bundle carries none of the server's code.
import type { AppRouter } from "./generated/app-router.ts";
import { authLink, refreshWith, type RefreshAccess, type TokenStore, type Tokens } from "./auth-link.ts";

export type { AppRouter, CategoryNode } from "./generated/app-router.ts";
export type { RefreshAccess, Tokens } from "./auth-link.ts";
export { TRPCClientError } from "@trpc/client";

/** Every procedure's input, e.g. `RouterInputs["auth"]["login"]`. */
export type RouterInputs = inferRouterInputs<AppRouter>;
/** Every procedure's output, e.g. `RouterOutputs["profile"]["me"]`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
/** What a failed call rejects with; `error.data` is API.md's error body plus `httpStatus`. */
export type ShopClientError = TRPCClientError<AppRouter>;
export type ShopClient = TRPCClient<AppRouter>;

export interface ShopClientOptions {
  /** The server, e.g. `http://localhost:8000` (its `/trpc` endpoint is used), or the endpoint itself. */
  url: string;
  /**
   * Reads the current tokens on every call (e.g. from localStorage). Without it, the client
   * keeps them in memory. Give `onTokens` with it: refreshed tokens must be stored somewhere.
   */
  getTokens?: () => Tokens | null | undefined | Promise<Tokens | null | undefined>;
  /** Told about new tokens (login, refresh) and about their end (`null`: logout, refresh refused). */
  onTokens?: (tokens: Tokens | null) => void | Promise<void>;
  /**
   * How a stale access token is renewed (default: `auth.refreshToken` with the stored refresh
   * token). A browser app whose refresh token sits in an httpOnly cookie posts to its own route here.
   */
  refresh?: RefreshAccess;
  /** Another fetch (tests, older runtimes). */
  fetch?: typeof fetch;
}

function endpointOf(url: string): string {
  const trimmed = url.replace(/\/+$/, "");
  return trimmed.endsWith("/trpc") ? trimmed : `${trimmed}/trpc`;
}

function tokenStore({ getTokens, onTokens }: ShopClientOptions): TokenStore {
  if (getTokens && !onTokens) throw new TypeError("createShopClient: getTokens needs onTokens to store refreshed tokens.");
  let memory: Tokens | null = null;
  return {
    read: async () => (getTokens ? ((await getTokens()) ?? null) : memory),
    async write(tokens) {
      memory = tokens;
      await onTokens?.(tokens);
    },
  };
}

/**
 * The typed client of the Shop Luxe API: every procedure of the server's router with its
 * input and output types, calls made in one tick sent as one batched request, and bearer
 * authentication that refreshes an expired access token once and retries.
 *
 *     const shop = createShopClient({ url: "http://localhost:8000" });
 *     await shop.auth.login.mutate({ username: "ada", password: "…" }); // tokens kept
 *     const me = await shop.profile.me.query();
 */
export function createShopClient(options: ShopClientOptions): ShopClient {
  const url = endpointOf(options.url);
  const store = tokenStore(options);
  const fetchOption = options.fetch ? { fetch: options.fetch } : {};
  // Refreshes go around the auth link (and the batch), so they can never recurse.
  const refresh = options.refresh ?? refreshWith(createTRPCClient<AppRouter>({ links: [httpLink({ url, ...fetchOption })] }));
  const bearer = async (): Promise<Record<string, string>> => {
    const tokens = await store.read();
    return tokens ? { authorization: `Bearer ${tokens.access}` } : {};
  };
  const fetchImpl = options.fetch ?? fetch;
  return createTRPCClient<AppRouter>({
    links: [
      authLink(store, refresh),
      splitLink({
        condition: (op) => op.type === "subscription",
        // Subscriptions (`orders.onEvent`, `seller.onEvent`) are Server-Sent Events; the `eventsource`
        // package lets every (re)connection carry the bearer token, which a browser EventSource cannot.
        true: httpSubscriptionLink({
          url,
          EventSource,
          eventSourceOptions: async () => {
            const headers = await bearer();
            return { fetch: (input, init) => fetchImpl(input, { ...init, headers: { ...init.headers, ...headers } }) };
          },
        }),
        false: httpBatchLink({ url, ...fetchOption, headers: bearer }),
      }),
    ],
  });
}
