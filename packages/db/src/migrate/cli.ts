// pnpm db:migrate | db:migrate:new <name> | db:check
import { applyMigrations, createMigration, defaultPrismaDir, pendingSchemaChange } from "./index.ts";

// `new` and `check` only need a server to build a shadow database on.
const localServer = "postgresql://postgres@127.0.0.1:5432/postgres";

async function main([command, name]: string[]): Promise<number> {
  const databaseUrl = process.env.DATABASE_URL;
  const prismaDir = process.env.PRISMA_DIR ?? defaultPrismaDir;
  switch (command) {
    case "apply":
      if (!databaseUrl) throw new Error("DATABASE_URL is required (pnpm start migrates the embedded database by itself).");
      await applyMigrations(databaseUrl, { prismaDir });
      return 0;
    case "new": {
      if (!name) throw new Error("usage: pnpm db:migrate:new <name>");
      const file = await createMigration(databaseUrl ?? localServer, name, prismaDir);
      console.log(file ? `Created ${file}` : "schema.prisma already matches the migrations; nothing to write.");
      return 0;
    }
    case "check": {
      const sql = await pendingSchemaChange(databaseUrl ?? localServer, prismaDir);
      if (!sql) {
        console.log("schema.prisma and the migrations agree.");
        return 0;
      }
      console.error(`schema.prisma has changes no migration holds; run pnpm db:migrate:new <name>. Missing SQL:\n${sql}`);
      return 1;
    }
    default:
      console.error("usage: migrate apply | new <name> | check");
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(process.env.MIGRATE_DEBUG ? error : `Error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
