import type { PrismaClient, Role } from "@shop/db";
import { verifyAccessToken } from "./auth/access-token.ts";
import type { Cache } from "./cache/cache.ts";
import type { FileStore } from "./files/file-store.ts";
import type { Mailer } from "./mail/mailer.ts";
import type { RateLimiter } from "./rate-limit/rate-limiter.ts";
import type { SearchEngine } from "./search/engine.ts";

export interface Logger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

export interface ApiConfig {
  authSecret: string;
  publicUrl: string;
  /** Signs the simulated payment gateway's callbacks (HMAC-SHA256). */
  paymentWebhookSecret: string;
  /** Pending orders unpaid for this long are cancelled and their stock returned. */
  orderPaymentTimeoutMinutes: number;
}

/** What every procedure may use; built once by the app that hosts the router. */
export interface Deps {
  db: PrismaClient;
  config: ApiConfig;
  logger: Logger;
  mailer: Mailer;
  files: FileStore;
  rateLimiter: RateLimiter;
  cache: Cache;
  search: SearchEngine;
}

export interface AuthUser {
  id: number;
  role: Role;
  sessionId: string;
}

export interface Context {
  deps: Deps;
  user: AuthUser | null;
  /** The client's address, for rate limits. */
  ip: string;
}

/** The context without any transport: for tests, the admin CLI and server-side callers. */
export function createContextInner(deps: Deps, user: AuthUser | null = null, ip = "local"): Context {
  return { deps, user, ip };
}

function bearerTokenOf(authorization: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  return match?.[1] ?? null;
}

/**
 * The user behind a bearer access token. The session is looked up too, so logout, password
 * reset and role changes take effect at once instead of when the 15-minute token expires.
 */
export async function userFromAuthorization(deps: Deps, authorization: string | undefined): Promise<AuthUser | null> {
  const token = bearerTokenOf(authorization);
  if (!token) return null;
  const claims = await verifyAccessToken(deps.config.authSecret, token);
  if (!claims) return null;
  const session = await deps.db.session.findUnique({
    where: { id: claims.sessionId },
    select: { expiresAt: true, user: { select: { id: true, role: true, isActive: true } } },
  });
  if (!session || session.expiresAt <= new Date() || !session.user.isActive) return null;
  if (session.user.id !== claims.userId) return null;
  return { id: session.user.id, role: session.user.role, sessionId: claims.sessionId };
}

export async function createContext(deps: Deps, request: { authorization?: string; ip: string }): Promise<Context> {
  return createContextInner(deps, await userFromAuthorization(deps, request.authorization), request.ip);
}
