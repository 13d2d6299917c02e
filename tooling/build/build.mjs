// Production build: apps/server and apps/worker bundled with esbuild into dist/main.js, so
// production runs plain JavaScript (no tsx, no TypeScript transform at start or at run time).
// Only the workspace's own code is bundled; every npm package stays external, imported from the
// exact file it resolves to in this checkout, so packages that read files next to themselves
// (swagger-ui's assets, Prisma's query compiler) load as they do in development. The build runs
// where the bundle runs (see Dockerfile).
// Run: pnpm build:dist   (then: pnpm start:dist, or node apps/worker/dist/main.js)
import { isBuiltin } from "node:module";
import { fileURLToPath } from "node:url";
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

const root = fileURLToPath(new globalThis.URL("../../", import.meta.url));
const apps = ["server", "worker"];
await Promise.all(
  apps.map((app) =>
    build({
      entryPoints: [`${root}apps/${app}/src/main.ts`],
      outfile: `${root}apps/${app}/dist/main.js`,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node24",
      sourcemap: true,
      logLevel: "warning",
      plugins: [externalByPath],
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
    }),
  ),
);
