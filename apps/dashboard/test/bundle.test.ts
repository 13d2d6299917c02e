import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build, type Plugin } from "vite";
import { describe, expect, it } from "vitest";
import { buildDashboardIfStale } from "../scripts/build-if-stale.ts";

const appDir = path.resolve(import.meta.dirname, "..");
const dist = path.join(appDir, "dist");
const OUTPUT_DIR = path.join(appDir, "test-output");
const BUDGET = 300 * 1024;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/** A chunk's file and the files of its static imports, recursively: what loads before it runs. */
function staticClosure(manifest: Record<string, ManifestChunk>, key: string, seen = new Set<string>()): Set<string> {
  const chunk = manifest[key]!;
  if (seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

const gzipped = async (files: Iterable<string>) => {
  let total = 0;
  for (const file of files) total += gzipSync(await readFile(path.join(dist, file))).byteLength;
  return total;
};

describe("the dashboard bundle", () => {
  it("keeps the first page's JavaScript under 300 KB gzipped", async () => {
    await buildDashboardIfStale();
    const manifest = JSON.parse(await readFile(path.join(dist, ".vite/manifest.json"), "utf8")) as Record<string, ManifestChunk>;
    const entry = staticClosure(manifest, "index.html");
    // Signed in, the first page is Products: its chunk is fetched while the session resumes.
    const products = staticClosure(manifest, "src/pages/seller/ProductsPage.tsx", new Set(entry));
    const sizes = { signInPageGzip: await gzipped(entry), productsPageGzip: await gzipped(products) };
    await mkdir(OUTPUT_DIR, { recursive: true });
    await writeFile(path.join(OUTPUT_DIR, "bundle-size.json"), JSON.stringify(sizes, null, 2));
    console.log(
      `first page JS, gzipped: sign-in ${(sizes.signInPageGzip / 1024).toFixed(1)} KB, ` +
        `Products ${(sizes.productsPageGzip / 1024).toFixed(1)} KB (budget 300 KB)`,
    );
    expect(sizes.signInPageGzip).toBeLessThanOrEqual(BUDGET);
    expect(sizes.productsPageGzip).toBeLessThanOrEqual(BUDGET);
  });

  it("holds no server code: the router is a type-only import", async () => {
    const modules: string[] = [];
    const collect: Plugin = {
      name: "collect-modules",
      moduleParsed: (info) => void modules.push(info.id),
    };
    await build({
      root: appDir,
      configFile: path.join(appDir, "vite.config.ts"),
      mode: "production",
      logLevel: "silent",
      plugins: [collect],
      build: { write: false },
    });
    expect(modules.some((id) => id.includes("@trpc/client"))).toBe(true);
    expect(modules.some((id) => id.includes("/apps/dashboard/src/main.tsx"))).toBe(true);
    const server = modules.filter((id) =>
      /\/packages\/(api|db)\/|\/apps\/server\/|node_modules\/(@prisma|@node-rs|graphile-worker|fastify|nodemailer|pg|ioredis|zod)\//.test(
        id,
      ),
    );
    expect(server).toEqual([]);
  });
});
