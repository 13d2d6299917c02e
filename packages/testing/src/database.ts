import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { runMigrations as runWorkerMigrations } from "graphile-worker";
import { applyMigrations, migrationsDigest } from "@shop/db/migrate";

export const localServerUrl = "postgresql://postgres@127.0.0.1:5432/postgres";

/** The server tests create their databases on: TEST_DATABASE_URL, else the machine's own. */
export function adminUrl(): string {
  return process.env.TEST_DATABASE_URL ?? localServerUrl;
}

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function templateName(): Promise<string> {
  const digest = createHash("sha256")
    .update(await migrationsDigest())
    .update("graphile-worker 0.18")
    .digest("hex");
  return `shop_template_${digest.slice(0, 16)}`;
}

/**
 * Makes sure a database with every migration (ours and graphile-worker's) exists to copy
 * from. Named after the migrations' digest, so it is rebuilt only when they change.
 */
export async function ensureTemplateDatabase(): Promise<string> {
  const name = await templateName();
  await withAdmin(async (admin) => {
    await admin.query("select pg_advisory_lock(724001)");
    try {
      const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
      if (exists.rowCount) return;
      const building = `${name}_building`;
      await admin.query(`drop database if exists ${building} with (force)`);
      await admin.query(`create database ${building}`);
      await applyMigrations(databaseUrl(building), { log: () => {} });
      const pool = new pg.Pool({ connectionString: databaseUrl(building), max: 1 });
      pool.on("error", () => {});
      await runWorkerMigrations({ pgPool: pool }).finally(() => pool.end());
      // Renamed only when complete, so a failed build never leaves a half-made template.
      await admin.query(`alter database ${building} rename to ${name}`);
    } finally {
      await admin.query("select pg_advisory_unlock(724001)");
    }
  });
  return name;
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh database for one test file, copied from the migrated template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = await templateName();
  const name = `shop_test_${randomBytes(6).toString("hex")}`;
  await withAdmin((admin) => admin.query(`create database ${name} template ${template}`));
  return {
    name,
    url: databaseUrl(name),
    drop: () => withAdmin(async (admin) => void (await admin.query(`drop database if exists ${name} with (force)`))),
  };
}
