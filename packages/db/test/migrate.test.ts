import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdtemp, readdir, readFile, rm, appendFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultPrismaDir } from "../src/migrate/index.ts";

const run = promisify(execFile);
// The test run's PostgreSQL, as @shop/testing finds it (that package depends on this one).
const adminUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const databaseUrl = (name: string) => Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
const packageDir = path.resolve(import.meta.dirname, "..");

/** Runs the real migrate CLI (what `pnpm db:check` etc. run) and returns its exit code and output. */
async function migrateCli(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "src/migrate/cli.ts", ...args], {
      cwd: packageDir,
      env: { ...process.env, ...env },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

let prismaDir: string;
const scratchDb = `shop_migrate_test_${process.pid}`;

beforeAll(async () => {
  prismaDir = await mkdtemp(path.join(tmpdir(), "shop-prisma-"));
  await cp(defaultPrismaDir, prismaDir, { recursive: true });
  await query(adminUrl, `drop database if exists ${scratchDb}`);
  await query(adminUrl, `create database ${scratchDb}`);
});

afterAll(async () => {
  await rm(prismaDir, { recursive: true, force: true });
  await query(adminUrl, `drop database if exists ${scratchDb} with (force)`);
});

describe("the migrations tool", () => {
  it("db:check passes on the repository's schema and migrations", async () => {
    const result = await migrateCli(["check"], { DATABASE_URL: adminUrl });
    expect(result.output).toContain("agree");
    expect(result.code).toBe(0);
  });

  it("a model added to schema.prisma without a migration fails db:check; db:migrate:new mends it", async () => {
    await appendFile(
      path.join(prismaDir, "schema.prisma"),
      "\nmodel Widget {\n  id Int @id @default(autoincrement())\n  name String\n}\n",
    );
    const env = { DATABASE_URL: adminUrl, PRISMA_DIR: prismaDir };

    const drift = await migrateCli(["check"], env);
    expect(drift.code).toBe(1);
    expect(drift.output).toContain('CREATE TABLE "Widget"');

    const created = await migrateCli(["new", "add_widget"], env);
    expect(created.code).toBe(0);
    const folders = await readdir(path.join(prismaDir, "migrations"));
    const added = folders.find((name) => /^\d{14}_add_widget$/.test(name));
    expect(added).toBeDefined();
    expect(await readFile(path.join(prismaDir, "migrations", added!, "migration.sql"), "utf8")).toContain(
      'CREATE TABLE "Widget"',
    );

    expect((await migrateCli(["check"], env)).code).toBe(0);
  });

  it("db:migrate applies pending migrations once, recorded as Prisma records them", async () => {
    const env = { DATABASE_URL: databaseUrl(scratchDb), PRISMA_DIR: prismaDir };
    const first = await migrateCli(["apply"], env);
    expect(first.code).toBe(0);
    const folders = (await readdir(path.join(prismaDir, "migrations"))).filter((name) => /^\d{14}_/.test(name)).sort();
    expect(first.output).toContain(`Applied migrations: ${folders.join(", ")}`);
    const again = await migrateCli(["apply"], env);
    expect(again.output).toContain("No pending migrations.");

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      databaseUrl(scratchDb),
      "select migration_name, checksum, finished_at from _prisma_migrations order by migration_name",
    );
    expect(rows.map((row) => row.migration_name)).toEqual(folders);
    for (const row of rows) {
      const sql = await readFile(path.join(prismaDir, "migrations", row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
    }
    await query(databaseUrl(scratchDb), "insert into \"Widget\" (name) values ('w')");
  });
});

describe("case-insensitive usernames (migration 20261127103000)", () => {
  const migration = "20261127103000_case_insensitive_usernames";
  const clashDb = `shop_migrate_clash_test_${process.pid}`;
  let olderDir: string;

  beforeAll(async () => {
    olderDir = await mkdtemp(path.join(tmpdir(), "shop-prisma-older-"));
    await cp(defaultPrismaDir, olderDir, { recursive: true });
    const later = (await readdir(path.join(olderDir, "migrations"))).filter((name) => name >= migration);
    for (const name of later) await rm(path.join(olderDir, "migrations", name), { recursive: true });
    await query(adminUrl, `drop database if exists ${clashDb}`);
    await query(adminUrl, `create database ${clashDb}`);
  });

  afterAll(async () => {
    await rm(olderDir, { recursive: true, force: true });
    await query(adminUrl, `drop database if exists ${clashDb} with (force)`);
  });

  it("names the usernames that clash instead of failing blind; once they are renamed it applies", async () => {
    const url = databaseUrl(clashDb);
    expect((await migrateCli(["apply"], { DATABASE_URL: url, PRISMA_DIR: olderDir })).code).toBe(0);
    for (const username of ["Ada", "ada", "Grace", "ADA", "grace", "alan"])
      await query(url, "insert into users (username, email, password_hash) values ($1, $2, 'x')", [
        username,
        `${username}-${Math.random()}@example.com`,
      ]);

    const refused = await migrateCli(["apply"], { DATABASE_URL: url });
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(/Ada \(id \d+\), ada \(id \d+\), ADA \(id \d+\)/);
    expect(refused.output).toMatch(/Grace \(id \d+\), grace \(id \d+\)/);
    expect(refused.output).not.toContain("alan");

    await query(url, "delete from _prisma_migrations where migration_name = $1", [migration]);
    await query(url, "update users set username = username || '_' || id where username in ('ada', 'ADA', 'grace')");
    const applied = await migrateCli(["apply"], { DATABASE_URL: url });
    expect(applied.output).toContain(migration);
    expect(applied.code).toBe(0);
    await expect(
      query(url, "insert into users (username, email, password_hash) values ('ALAN', 'alan2@example.com', 'x')"),
    ).rejects.toThrow(/users_username_lower_key/);
  });
});
