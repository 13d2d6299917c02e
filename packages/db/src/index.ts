import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client.ts";

export { PrismaClient, Prisma } from "./generated/prisma/client.ts";
export type { ReviewStatus, Role } from "./generated/prisma/enums.ts";

/** A client or the transaction client handed to `$transaction` callbacks. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export interface DbOptions {
  /** Pool size; PostgreSQL's default of 100 connections is shared by server, worker and tests. */
  max?: number;
  /** Called with each SQL statement the client sends (tests count queries with it). */
  onQuery?: (sql: string) => void;
}

const pools = new WeakMap<PrismaClient, pg.Pool>();

export function createDb(databaseUrl: string, options: DbOptions = {}): PrismaClient {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.max ?? 10 });
  // An idle client whose connection drops (a restart, pg_terminate_backend, a network cut) is an
  // 'error' event on the pool, which would crash the process unheard: the pool has already
  // discarded that client, and the next query opens a new connection. Prisma's adapter adds its
  // own listener only once it connects, and the catalog reads the pool before that.
  pool.on("error", () => {});
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const db = options.onQuery
    ? new PrismaClient({ adapter, log: [{ level: "query", emit: "event" }] })
    : new PrismaClient({ adapter });
  if (options.onQuery) {
    const onQuery = options.onQuery;
    (db as unknown as { $on(event: "query", listener: (e: { query: string }) => void): void }).$on("query", (e) =>
      onQuery(e.query),
    );
    const query = pool.query.bind(pool) as (config: pg.QueryConfig) => Promise<pg.QueryResult>;
    pool.query = ((config: string | pg.QueryConfig, values?: unknown[]) => {
      const text = typeof config === "string" ? config : config.text;
      // Prisma's own statements are reported by its query event; strings and named (prepared)
      // statements come from sqlPool's users.
      if (typeof config === "string" || config.name) onQuery(text);
      return typeof config === "string" ? query({ text, values: values ?? [] }) : query(config);
    }) as typeof pool.query;
  }
  pools.set(db, pool);
  return db;
}

/**
 * The client's own pg pool, for the few hot reads that build their JSON in SQL (the product
 * catalog): Prisma's raw-query path costs more per call than the query itself there.
 */
export function sqlPool(db: PrismaClient): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error("this PrismaClient was not made by createDb");
  return pool;
}
