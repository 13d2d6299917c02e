import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";

export { PrismaClient, Prisma } from "./generated/prisma/client.ts";
export type { Role } from "./generated/prisma/enums.ts";

/** A client or the transaction client handed to `$transaction` callbacks. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export interface DbOptions {
  /** Pool size; PostgreSQL's default of 100 connections is shared by server, worker and tests. */
  max?: number;
}

export function createDb(databaseUrl: string, options: DbOptions = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.max ?? 10 });
  return new PrismaClient({ adapter });
}
