// Generates the Prisma client, skipping the work when schema.prisma has not changed since.
// `prisma generate` only needs PRISMA_SCHEMA_ENGINE_BINARY to name an existing file to skip
// the engine download Prisma's CLI would otherwise attempt.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const stampFile = `${packageDir}src/generated/prisma/.schema-sha256`;
const prismaVersion = JSON.parse(readFileSync(`${packageDir}node_modules/prisma/package.json`, "utf8")).version;
const digest = createHash("sha256")
  .update(readFileSync(`${packageDir}prisma/schema.prisma`))
  .update(prismaVersion)
  .digest("hex");

if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === digest) {
  console.log("Prisma client is up to date.");
} else {
  execFileSync("prisma", ["generate"], {
    cwd: packageDir,
    stdio: "inherit",
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  });
  writeFileSync(stampFile, digest);
}
