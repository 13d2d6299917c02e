import { createShopClient, type RouterOutputs, type Tokens } from "@shop/client";
import { QueryClient } from "@tanstack/react-query";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@shop/client";

export type User = RouterOutputs["profile"]["me"];
export interface SignedIn {
  access: string;
  user: User;
}

/** The dashboard's own auth routes (apps/server/src/dashboard.ts): the refresh token stays in an httpOnly cookie. */
const AUTH = "/dashboard/auth";

let access: string | null = null;
let onSignedOut: () => void = () => {};

export function setAccess(token: string | null): void {
  access = token;
}

export function whenSignedOut(listener: () => void): void {
  onSignedOut = listener;
}

export class AuthRouteError extends Error {
  constructor(
    readonly status: number,
    readonly body: { detail?: string; code?: string; fields?: Record<string, string[]> },
  ) {
    super(body.detail ?? `HTTP ${status}`);
  }
}

async function postAuth(route: string, body?: unknown): Promise<Response> {
  return fetch(`${AUTH}/${route}`, {
    method: "POST",
    credentials: "same-origin",
    headers: {
      ...(body !== undefined && { "content-type": "application/json" }),
      ...(access && { authorization: `Bearer ${access}` }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

async function signedInFrom(response: Response): Promise<SignedIn> {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new AuthRouteError(response.status, body);
  access = (body as SignedIn).access;
  return body as SignedIn;
}

export const signIn = async (username: string, password: string) => signedInFrom(await postAuth("login", { username, password }));

/** A new access token from the cookie; null when there is no live session. */
export async function resume(): Promise<SignedIn | null> {
  const response = await postAuth("refresh");
  if (response.status === 401 || response.status === 403) return null;
  return signedInFrom(response);
}

export async function signOut(): Promise<void> {
  await postAuth("logout");
  access = null;
}

export const shop = createShopClient({
  url: window.location.origin,
  // The refresh token is not ours to read: the token pair carries an empty one.
  getTokens: () => (access ? { access, refresh: "" } : null),
  onTokens: (tokens: Tokens | null) => {
    access = tokens?.access ?? null;
    if (!tokens) onSignedOut();
  },
  refresh: async () => {
    const renewed = await resume();
    return renewed && { access: renewed.access, refresh: "" };
  },
});

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: 1, staleTime: 5_000, refetchOnWindowFocus: false },
  },
});

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

/** A REST call with the access token (renewed once on a 401), for what tRPC does not carry: multipart uploads. */
export async function authorizedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const send = () => fetch(url, { ...init, headers: { ...init.headers, ...(access && { authorization: `Bearer ${access}` }) } });
  const response = await send();
  if (response.status !== 401 || !(await resume())) return response;
  return send();
}
