// Prisma's schema engine as WebAssembly, driven through the pg driver adapter: migrations
// apply, diff and check offline, where Prisma's CLI would download a native engine first.
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import * as wasmRuntime from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

// Node has WebAssembly, but lib ES2023 and @types/node 24 do not declare it.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- augments the global namespace
  namespace WebAssembly {
    class Module {
      constructor(bytes: Uint8Array);
    }
    class Instance {
      constructor(module: Module, imports: Record<string, unknown>);
      readonly exports: Record<string, unknown>;
    }
  }
}

async function execOnServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// The engine's introspection reads pg_catalog `"char"` columns (OID 18, e.g. contype), which
// adapter-pg 7.10 cannot map ("Column type 'char' could not be deserialized"). The pool reports
// them as text so the adapter can read them, remembering which columns they were per SQL text,
// and the adapter's result then types those columns as Character, which the engine expects.
const CHARACTER = 6; // ColumnTypeEnum.Character of @prisma/driver-adapter-utils

async function connectPg(connectionString: string, pools: pg.Pool[]) {
  const pool = new pg.Pool({ connectionString, max: 2 });
  pools.push(pool);
  const charColumnsBySql = new Map<string, string[]>();
  const query = pool.query.bind(pool) as (config: pg.QueryConfig) => Promise<pg.QueryResult>;
  pool.query = (async (config: pg.QueryConfig) => {
    const result = await query(config);
    const charFields = (result.fields ?? []).filter((field) => field.dataTypeID === 18);
    if (charFields.length > 0)
      charColumnsBySql.set(
        config.text,
        charFields.map((field) => field.name),
      );
    for (const field of charFields) field.dataTypeID = 25;
    return result;
  }) as typeof pool.query;
  const adapter = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (sqlQuery) => {
    const result = await queryRaw(sqlQuery);
    const charColumns = charColumnsBySql.get(sqlQuery.sql) ?? [];
    const columnTypes = result.columnTypes.map((type, i) => (charColumns.includes(result.columnNames[i]!) ? CHARACTER : type));
    return { ...result, columnTypes: columnTypes as typeof result.columnTypes };
  };
  // adapter-pg splits a script at every ";", which cuts DO blocks and function bodies apart. The
  // whole script goes as one simple query instead (PostgreSQL runs it as one implicit transaction).
  const adapterErrors = adapter as unknown as { onError(error: unknown): never };
  adapter.executeScript = async (script) => {
    try {
      await query({ text: script });
    } catch (error) {
      adapterErrors.onError(error);
    }
  };
  return adapter;
}

// PrismaPg's own shadow database would reuse the main database's connection string (whose
// database name wins in pg), so the shadow database is created and dropped here instead.
function adapterFactory(url: string, pools: pg.Pool[]): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectPg(url, pools),
    async connectToShadowDb() {
      const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
      await execOnServer(url, `create database "${name}"`);
      const shadowUrl = new URL(url);
      shadowUrl.pathname = `/${name}`;
      const adapter = await connectPg(shadowUrl.toString(), pools);
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await execOnServer(url, `drop database if exists "${name}"`);
      };
      return adapter;
    },
  };
}

export interface SchemaFile {
  path: string;
  content: string;
}

export interface OpenEngine {
  engine: SchemaEngine;
  /** Frees the engine and ends its connections (freeing alone leaves the pool open). */
  close(): Promise<void>;
}

// The package's entry imports a .wasm file (bundlers only); instantiate it the way
// Prisma's own wasm loader does.
export async function openSchemaEngine(databaseUrl: string, schema: SchemaFile): Promise<OpenEngine> {
  // The wasm reports a Rust panic's message here before it throws.
  const panics = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
  panics.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (message) => console.error(`schema engine panicked: ${message}`) };
  const runtimePath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = await fs.readFile(path.join(path.dirname(runtimePath), "schema_engine_bg.wasm"));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { "./schema_engine_bg.js": wasmRuntime });
  wasmRuntime.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  const pools: pg.Pool[] = [];
  const adapter = bindMigrationAwareSqlAdapterFactory(adapterFactory(databaseUrl, pools));
  const log = process.env.MIGRATE_DEBUG ? (message: string) => console.error("[schema-engine]", message) : () => {};
  const engine = await wasmRuntime.SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, log, adapter);
  return {
    engine,
    async close() {
      engine.free();
      await Promise.all(pools.filter((pool) => !pool.ended).map((pool) => pool.end()));
    },
  };
}
