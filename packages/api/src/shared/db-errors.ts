import { Prisma } from "@shop/db";

/** A unique index refused the write: a race the service's own pre-check could not see. */
export const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * A write found its row gone (Prisma's P2025): another request deleted it between the
 * service's own check and this write. For the caller, the row is not found (404).
 */
export const isRecordGone = (error: unknown): boolean =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";

// Prisma: can't reach, timed out, server closed the connection, pool timeout, too many connections.
const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
// Driver adapter error kinds that mean the server is gone, not that the query was wrong.
const ADAPTER_UNAVAILABLE = new Set(["DatabaseNotReachable", "ConnectionClosed", "TooManyConnections", "SocketTimeout"]);
// SQLSTATE: connection exceptions (08…), admin/crash shutdown, cannot connect now, too many connections.
const SQLSTATE_UNAVAILABLE = /^(08...|57P0[1-3]|53300)$/;
const NODE_UNAVAILABLE = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND"]);
// Without a code of their own: pg's lost sockets and pool timeouts, and a database closed to new
// connections (ALTER DATABASE … ALLOW_CONNECTIONS false: SQLSTATE 55000, which queries raise for other reasons too).
const MESSAGE_UNAVAILABLE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed|is not currently accepting connections/i;

/**
 * Why the database could not be reached or dropped the connection — a code ("57P01",
 * "ECONNREFUSED", "P1001", "ConnectionClosed") or "connection lost" — or null when the error is
 * something else. Such a request may succeed when retried (503), unlike an error in the query
 * itself (500). Follows the cause chain, since Prisma, its pg adapter and pg each wrap the one
 * below. The reason carries no SQL and no Prisma message, so it can be logged as it is.
 */
export function databaseUnavailableReason(error: unknown): string | null {
  for (let current = error, depth = 0; current && depth < 8; depth++) {
    if (current instanceof Prisma.PrismaClientInitializationError) return current.errorCode ?? "PrismaClientInitializationError";
    if (current instanceof Prisma.PrismaClientKnownRequestError && PRISMA_UNAVAILABLE.has(current.code)) return current.code;
    if (typeof current !== "object") return null;
    const { code, kind, message, cause } = current as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown };
    if (typeof kind === "string" && ADAPTER_UNAVAILABLE.has(kind)) return kind;
    if (typeof code === "string" && (SQLSTATE_UNAVAILABLE.test(code) || NODE_UNAVAILABLE.has(code))) return code;
    if (typeof message === "string" && MESSAGE_UNAVAILABLE.test(message))
      return typeof code === "string" ? code : "connection lost";
    // The adapter keeps the driver's error as `cause`; Prisma keeps the adapter's in `meta.driverAdapterError`.
    const meta = (current as { meta?: { driverAdapterError?: unknown } }).meta;
    current = meta?.driverAdapterError ?? cause;
  }
  return null;
}

/** True when the database could not be reached or dropped the connection (see databaseUnavailableReason). */
export const isDatabaseUnavailable = (error: unknown): boolean => databaseUnavailableReason(error) !== null;
