import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type PrismaClient } from "@shop/db";
import { createTestDatabase, type TestDatabase } from "@shop/testing";
import { runCliProcess, type CliResult } from "./cli.ts";

// `pnpm admin` as a child process, on a database nothing else has touched: API.md §6 says the CLI
// needs only DATABASE_URL, and no command but create-admin needs a staff account.
let database: TestDatabase;
let db: PrismaClient;
let env: Record<string, string>;
beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url, { max: 1 });
  env = { DATABASE_URL: database.url, DATA_DIR: await mkdtemp(path.join(tmpdir(), "shop-admin-fresh-")), NODE_ENV: "test" };
});
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
  await rm(env.DATA_DIR!, { recursive: true, force: true });
});

const admin = (...args: string[]) => runCliProcess(args, env);
const expectSuccess = (result: CliResult) => expect(result.code, `stderr: ${result.stderr}`).toBe(0);

describe("a fresh database, no staff account", () => {
  it("is onboarded with seller create, seller list and category create", async () => {
    expect(await db.user.count({ where: { role: "admin" } })).toBe(0);
    const seller = await admin(
      "seller",
      "create",
      "--username",
      "first_seller",
      "--email",
      "first@example.com",
      "--password",
      "velvet-Harbor-42",
    );
    expectSuccess(seller);
    expect(seller.stdout).toMatch(/^Created seller first_seller \(id \d+, first@example\.com\)/);
    expectSuccess(await admin("category", "create", "--name", "First", "--slug", "first-category"));

    const listed = await admin("seller", "list");
    expectSuccess(listed);
    expect(listed.stdout).toMatch(/first_seller\s+first@example\.com\s+active/);
    expect(await db.category.count({ where: { slug: "first-category" } })).toBe(1);
    expect(await db.user.count({ where: { role: "admin" } })).toBe(0);
  }, 60_000); // three Node processes, each loading the API

  it("fails with exit 1 and one line when a setting is malformed", async () => {
    const result = await runCliProcess(["seller", "list"], { ...env, DATABASE_URL: "not a url" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^error: Configuration error: DATABASE_URL is invalid/),
    ]);
  });
});
