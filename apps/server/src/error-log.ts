import type { FastifyBaseLogger } from "fastify";
import { databaseUnavailableReason } from "@shop/api";

/**
 * Logs an answer of 500 or more. A lost database is one line with its reason (a SQLSTATE or
 * socket code): the driver's and Prisma's messages would put the failed call, its arguments and
 * source lines in the log, once per request of an outage. Anything else is logged in full.
 */
export function logServerError(log: FastifyBaseLogger, error: unknown, status: number, fields: object = {}): void {
  if (status < 500) return;
  const reason = databaseUnavailableReason(error);
  if (reason) return log.error({ ...fields, reason }, "database unavailable");
  log.error({ ...fields, err: error }, status === 503 ? "backing service unavailable" : "unhandled error");
}
