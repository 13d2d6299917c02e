import type { PrismaClient, Role, Tx } from "@shop/db";
import { verifyAccessToken } from "./auth/access-token.ts";
import { findSessionUser } from "./auth/session-user.ts";
import type { Cache } from "./cache/cache.ts";
import type { LiveEvents } from "./events/hub.ts";
import type { FileStore } from "./files/file-store.ts";
import type { Mailer } from "./mail/mailer.ts";
import type { PaymentGateway } from "./payments/port.ts";
import type { RateLimiter } from "./rate-limit/rate-limiter.ts";
import type { SearchEngine } from "./search/engine.ts";
import type { Clock } from "./shared/clock.ts";
import type { Logger } from "./shared/logger.ts";

export type { Logger } from "./shared/logger.ts";

export interface ApiConfig {
  authSecret: string;
  publicUrl: string;
  /** Signs the simulated payment gateway's callbacks (HMAC-SHA256). */
  paymentWebhookSecret: string;
  /** Pending orders unpaid for this long are cancelled and their stock returned. */
  orderPaymentTimeoutMinutes: number;
  /** False in production unless WEBHOOK_ALLOW_PRIVATE: webhook URLs must resolve to public addresses. Default true. */
  allowPrivateWebhookUrls?: boolean;
  /** Keep-alive comments of the SSE event streams this often. Default 10 s. */
  eventKeepAliveMs?: number;
  /** MAX_IMAGES_PER_PRODUCT: one more upload → 409. */
  maxImagesPerProduct: number;
  /** `post`: new reviews are published at once; `pre`: they wait for staff to publish them. */
  reviewModeration: "post" | "pre";
}

/** The adapters and settings the composition root builds once per process (@shop/runtime). */
export interface Deps {
  db: PrismaClient;
  config: ApiConfig;
  logger: Logger;
  mailer: Mailer;
  files: FileStore;
  rateLimiter: RateLimiter;
  cache: Cache;
  search: SearchEngine;
  /** This node's feed of committed order events (API servers only: streams and subscriptions). */
  liveEvents?: LiveEvents;
  /** The payment provider chosen by PAYMENT_PROVIDER. */
  payments: PaymentGateway;
  /** "Now" for the expiries the API decides itself; systemClock but in tests. */
  clock: Clock;
}

export interface AuthUser {
  id: number;
  role: Role;
  sessionId: string;
}

/**
 * Who acts for the admin CLI: staff rights without an account behind them, so a fresh
 * database can be onboarded before any staff account exists. Id 0 belongs to no user.
 */
export const SYSTEM_USER: AuthUser = { id: 0, role: "admin", sessionId: "system" };

export type AfterCommit = () => unknown;

/**
 * The one request context every service takes first: the ports and settings, the database
 * handle (the client, or the open transaction inside `inTransaction`), who is calling and from
 * where, and `afterCommit` for what must follow a commit (cache bumps, notifications).
 */
export interface Context extends Omit<Deps, "db"> {
  db: Tx;
  /** The root client: opens transactions and lends its pool to SQL-built reads. */
  client: PrismaClient;
  user: AuthUser | null;
  /** The client's address, for rate limits. */
  ip: string;
  /** True while `db` is an open transaction. */
  inTransaction: boolean;
  /** Runs `hook` once the surrounding transaction commits (at once outside a transaction). */
  afterCommit(hook: AfterCommit): void;
}

export type AuthedContext = Context & { user: AuthUser };

export interface Caller {
  ip: string;
  /** An `Authorization` header to resolve the user from. */
  authorization?: string;
  /** Or the user itself (the admin CLI, tests). */
  user?: AuthUser | null;
}

/** Outside a transaction every statement has committed already: run the hook now. */
function runNow(this: Pick<Context, "logger">, hook: AfterCommit): void {
  void runHooks(this.logger, [hook]);
}

export async function runHooks(logger: Logger, hooks: AfterCommit[]): Promise<void> {
  for (const hook of hooks) {
    try {
      await hook();
    } catch (error) {
      logger.warn({ err: error }, "after-commit hook failed");
    }
  }
}

/** The only place a context is built: HTTP (tRPC and REST alike), jobs, the admin CLI and tests. */
export async function createContext(deps: Deps, caller: Caller): Promise<Context> {
  const user = caller.user !== undefined ? caller.user : await userFromAuthorization(deps, caller.authorization);
  const ctx: Context = {
    config: deps.config,
    logger: deps.logger,
    mailer: deps.mailer,
    files: deps.files,
    rateLimiter: deps.rateLimiter,
    cache: deps.cache,
    search: deps.search,
    ...(deps.liveEvents && { liveEvents: deps.liveEvents }),
    payments: deps.payments,
    clock: deps.clock,
    db: deps.db,
    client: deps.db,
    user,
    ip: caller.ip,
    inTransaction: false,
    afterCommit: runNow,
  };
  ctx.afterCommit = runNow.bind(ctx);
  return ctx;
}

export interface TransactionOptions {
  maxWait?: number;
  timeout?: number;
}

/**
 * Runs `work` in a transaction: the caller's own when it is already in one (so services
 * compose), otherwise a new one whose after-commit hooks run, in order, once it commits.
 */
export async function inTransaction<C extends Context, T>(
  ctx: C,
  work: (ctx: C) => Promise<T>,
  options?: TransactionOptions,
): Promise<T> {
  if (ctx.inTransaction) return work(ctx);
  const hooks: AfterCommit[] = [];
  const result = await ctx.client.$transaction(
    (tx) => work({ ...ctx, db: tx, inTransaction: true, afterCommit: (hook: AfterCommit) => void hooks.push(hook) }),
    options,
  );
  await runHooks(ctx.logger, hooks);
  return result;
}

function bearerTokenOf(authorization: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  return match?.[1] ?? null;
}

/**
 * The user behind a bearer access token. The session is looked up too, so logout, password
 * reset and role changes take effect at once instead of when the 15-minute token expires.
 */
export async function userFromAuthorization(deps: Pick<Deps, "db" | "config" | "clock">, authorization: string | undefined) {
  const token = bearerTokenOf(authorization);
  return token ? userFromAccessToken({ client: deps.db, config: deps.config, clock: deps.clock }, token) : null;
}

export async function userFromAccessToken(
  deps: Pick<Context, "client" | "config" | "clock">,
  token: string,
): Promise<AuthUser | null> {
  const now = deps.clock.now();
  const claims = await verifyAccessToken(deps.config.authSecret, token, now);
  if (!claims) return null;
  const session = await findSessionUser(deps.client, claims.sessionId);
  if (!session || session.expiresAt <= now || !session.isActive) return null;
  if (session.id !== claims.userId) return null;
  return { id: session.id, role: session.role, sessionId: claims.sessionId };
}
