import { Prisma } from "@shop/db";

/** A unique index refused the write: a race the service's own pre-check could not see. */
export const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

// Prisma: can't reach, timed out, server closed the connection, pool timeout, too many connections.
const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
// Driver adapter error kinds that mean the server is gone, not that the query was wrong.
const ADAPTER_UNAVAILABLE = new Set(["DatabaseNotReachable", "ConnectionClosed", "TooManyConnections", "SocketTimeout"]);
// SQLSTATE: connection exceptions (08…), admin/crash shutdown, cannot connect now, too many connections.
const SQLSTATE_UNAVAILABLE = /^(08...|57P0[1-3]|53300)$/;
const NODE_UNAVAILABLE = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND"]);
const MESSAGE_UNAVAILABLE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed/i;

/**
 * True when the database could not be reached or dropped the connection: the request may
 * succeed when retried (503), unlike an error in the query itself (500). Follows the cause
 * chain, since Prisma, its pg adapter and pg each wrap the one below.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 8; depth++) {
    if (current instanceof Prisma.PrismaClientInitializationError) return true;
    if (current instanceof Prisma.PrismaClientKnownRequestError && PRISMA_UNAVAILABLE.has(current.code)) return true;
    if (typeof current !== "object") return false;
    const { code, kind, message, cause } = current as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown };
    if (typeof kind === "string" && ADAPTER_UNAVAILABLE.has(kind)) return true;
    if (typeof code === "string" && (SQLSTATE_UNAVAILABLE.test(code) || NODE_UNAVAILABLE.has(code))) return true;
    if (typeof message === "string" && MESSAGE_UNAVAILABLE.test(message)) return true;
    // The adapter keeps the driver's error as `cause`; Prisma keeps the adapter's in `meta.driverAdapterError`.
    const meta = (current as { meta?: { driverAdapterError?: unknown } }).meta;
    current = meta?.driverAdapterError ?? cause;
  }
  return false;
}
