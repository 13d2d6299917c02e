import { connect, createServer, type AddressInfo, type Socket } from "node:net";
import { Writable } from "node:stream";
import pg from "pg";
import pino from "pino";
import { databaseUrl } from "@shop/testing";

/** A pino logger whose lines are kept, to check what the server logged. */
export function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level: "info" }, stream), lines };
}

/** An administrator's connection to one test database, to break it in the ways production databases break. */
export async function databaseSaboteur(name: string) {
  const admin = new pg.Client({ connectionString: databaseUrl("postgres") });
  await admin.connect();
  const terminateWhere = async (condition: string) => {
    const { rows } = await admin.query<{ pid: number }>(
      `select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid() and ${condition}`,
      [name],
    );
    await admin.query("select pg_terminate_backend(pid) from unnest($1::int[]) pid", [rows.map((row) => row.pid)]);
    return rows.length;
  };
  return {
    /** Terminates the database's backends (the pool's idle ones and any busy ones), all but `except`'s. */
    terminateAll: (except = 0) => terminateWhere(`pid <> ${Number(except)}`),
    /** Backends of this database waiting on a lock: requests held mid-query. */
    async waitingOnLocks(except: number): Promise<number> {
      const { rows } = await admin.query<{ count: number }>(
        `select count(*)::int as count from pg_stat_activity where datname = $1 and wait_event_type = 'Lock' and pid <> $2`,
        [name, except],
      );
      return rows[0]!.count;
    },
    /** The database refuses new connections and drops the ones it has. */
    async refuseConnections() {
      await admin.query(`alter database ${name} allow_connections false`);
      await terminateWhere("true");
    },
    allowConnections: () => admin.query(`alter database ${name} allow_connections true`),
    close: () => admin.end(),
  };
}

/** A session on the test database holding ACCESS EXCLUSIVE locks on `tables` until released. */
export async function lockTables(url: string, tables: string[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("begin");
  await client.query(`lock table ${tables.join(", ")} in access exclusive mode`);
  const { rows } = await client.query<{ pid: number }>("select pg_backend_pid() as pid");
  return {
    pid: rows[0]!.pid,
    release: async () => {
      await client.query("rollback");
      await client.end();
    },
  };
}

/**
 * A TCP relay to the PostgreSQL server on a port of its own: stopping it drops every
 * connection and leaves nothing listening on the port (ECONNREFUSED) until it starts again.
 */
export async function databaseRelay(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(target);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  await listen(0);
  const { port } = server.address() as AddressInfo;
  return {
    port,
    /** Closes the port and cuts every connection through it. */
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
    start: () => listen(port),
  };
}
