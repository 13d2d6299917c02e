import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import prettier from "prettier";
import ts from "typescript";

/**
 * Writes src/generated/app-router.ts: the server router's shape (every procedure's kind, input and
 * output, and the error shape) as plain types over @trpc/server's, so a consumer's compiler reads
 * one file instead of the server's sources and their dependencies.
 */
const apiDir = path.resolve(import.meta.dirname, "../../api");
export const GENERATED = path.resolve(import.meta.dirname, "../src/generated/app-router.ts");
const FLAGS = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.InTypeAlias;
const IMPORTED_NAME = /import\("([^"]+)"\)\.(\w+)/g;

/** tRPC's own types that its package does not export by name, written out here (tracked subscription data). */
const TRPC_INTERNALS: Record<string, string> = {
  TrackedData: "export interface TrackedData<TData> {\n  id: string;\n  data: TData;\n}",
};

/** The name a bundled declaration file exports under `short` (tRPC's bundles shorten them), or `short`. */
async function originalName(file: string, short: string): Promise<string> {
  const text = await readFile(`${file}.d.mts`, "utf8").catch(() => "");
  return new RegExp(`(\\w+) as ${short}\\b`).exec(text)?.[1] ?? short;
}

function apiProgram() {
  const configFile = path.join(apiDir, "tsconfig.json");
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configFile,
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  if (!parsed) throw new Error(`cannot read ${configFile}`);
  return ts.createProgram({ rootNames: [path.join(apiDir, "src/root.ts")], options: parsed.options });
}

export async function renderRouterShape(): Promise<string> {
  const program = apiProgram();
  const checker = program.getTypeChecker();
  const root = program.getSourceFile(path.join(apiDir, "src/root.ts"))!;
  const appRouter = checker.getSymbolsInScope(root, ts.SymbolFlags.Variable).find((symbol) => symbol.name === "appRouter")!;
  const prop = (type: ts.Type, name: string) => {
    const symbol = type.getProperty(name);
    return symbol ? checker.getTypeOfSymbolAtLocation(symbol, root) : undefined;
  };

  // Named types of the server's own code (e.g. a recursive CategoryNode) become declarations here.
  const named = new Map<string, string>();
  const pending: { file: string; name: string }[] = [];
  const trpcInternals = new Map<string, string>();
  for (const [, file, short] of JSON.stringify(
    checker.typeToString(checker.getTypeOfSymbolAtLocation(appRouter, root), root, FLAGS),
  ).matchAll(/import\(\\"([^"\\]+@trpc\/server[^"\\]+)\\"\)\.(\w+)/g)) {
    const original = await originalName(file!, short!);
    if (TRPC_INTERNALS[original]) trpcInternals.set(short!, original);
  }
  const print = (type: ts.Type, trpcName?: string): string =>
    checker
      .typeToString(type, root, FLAGS)
      // Node's Buffer (a server-only input, e.g. a webhook's raw body) is a Uint8Array to a browser.
      .replace(/\bBuffer(<[^>]*>)?/g, "Uint8Array")
      .replace(IMPORTED_NAME, (_match, file: string, name: string) => {
        if (trpcName && file.includes("@trpc/server")) return trpcName;
        const internal = file.includes("@trpc/server") ? trpcInternals.get(name) : undefined;
        if (internal) {
          named.set(internal, TRPC_INTERNALS[internal]!);
          return internal;
        }
        if (file.includes("node_modules")) throw new Error(`router-shape.ts cannot inline ${name} from ${file} yet`);
        if (!named.has(name) && !pending.some((p) => p.name === name)) pending.push({ file, name });
        return name;
      });
  const declare = ({ file, name }: { file: string; name: string }) => {
    const source = program.getSourceFile(`${file}.ts`)!;
    const symbol = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!).find((s) => s.name === name)!;
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    named.set(name, "");
    const members = type
      .getProperties()
      .map((member) => {
        const optional = member.flags & ts.SymbolFlags.Optional ? "?" : "";
        return `  ${member.name}${optional}: ${print(checker.getTypeOfSymbolAtLocation(member, root))};`;
      })
      .join("\n");
    named.set(name, `export interface ${name} {\n${members}\n}`);
  };

  const def = prop(checker.getTypeOfSymbolAtLocation(appRouter, root), "_def")!;
  // Its `code` is tRPC's error code type, which tRPC's bundled declarations name only by an alias.
  const errorShape = print(prop(prop(prop(def, "_config")!, "$types")!, "errorShape")!, "TRPC_ERROR_CODE_KEY");
  const kinds: Record<string, string> = { query: "Query", mutation: "Mutation", subscription: "Subscription" };
  const used = new Set<string>();
  const walk = (record: ts.Type, indent: string): string =>
    record
      .getProperties()
      .map((entry) => {
        const type = checker.getTypeOfSymbolAtLocation(entry, root);
        const entryDef = prop(type, "_def");
        const types = entryDef && prop(entryDef, "$types");
        if (entryDef && types) {
          const kind = kinds[print(prop(entryDef, "type")!).replaceAll('"', "")]!;
          used.add(kind);
          const input = print(prop(types, "input")!);
          const output = print(prop(types, "output")!);
          return `${indent}${entry.name}: TRPC${kind}Procedure<{ input: ${input}; output: ${output}; meta: object }>;`;
        }
        const nested = entryDef ? (prop(entryDef, "record") ?? type) : type;
        return `${indent}${entry.name}: {\n${walk(nested, `${indent}  `)}\n${indent}};`;
      })
      .join("\n");
  const record = walk(prop(def, "record")!, "    ");
  while (pending.length > 0) declare(pending.shift()!);

  const procedureTypes = [...used].sort().map((kind) => `TRPC${kind}Procedure`);
  const text = [
    "// Generated from packages/api's router by packages/client/scripts/router-shape.ts; do not edit.",
    "// `pnpm --filter @shop/client generate` rewrites it, and a test fails while it is stale.",
    `import type { TRPCBuiltRouter, ${procedureTypes.join(", ")} } from "@trpc/server";`,
    'import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";',
    "",
    ...[...named.values()].flatMap((declaration) => [declaration, ""]),
    "/** The server's router as its clients see it: procedures with their inputs and outputs, and the error shape. */",
    "export type AppRouter = TRPCBuiltRouter<",
    `  { ctx: object; meta: object; errorShape: ${errorShape}; transformer: false },`,
    "  {",
    record,
    "  }",
    ">;",
    "",
  ].join("\n");
  return prettier.format(text, { ...(await prettier.resolveConfig(GENERATED)), filepath: GENERATED });
}

export async function isUpToDate(): Promise<boolean> {
  const current = await readFile(GENERATED, "utf8").catch(() => "");
  return current === (await renderRouterShape());
}

// Run as a script (not imported by a test).
if (import.meta.filename === path.resolve(process.argv[1] ?? "")) {
  await writeFile(GENERATED, await renderRouterShape());
  console.log(`wrote ${path.relative(process.cwd(), GENERATED)}`);
}
