// pnpm search:reindex [--batch N]: rebuilds the search index from PostgreSQL, safe while the API serves.
import pino from "pino";
import { reindexAll } from "@shop/api";
import { wholeNumberOption } from "./cli-options.ts";
import { createRuntime, loadEnvOrExit } from "@shop/runtime";

const batchSize = wholeNumberOption("batch", 500, 10_000);

const env = loadEnvOrExit();
const runtime = await createRuntime(env, pino({ level: "warn" }));
let exitCode = 0;
try {
  const started = performance.now();
  console.log(`rebuilding the ${runtime.deps.search.name} search index`);
  const summary = await reindexAll(await runtime.localContext(), { batchSize, log: (message) => console.log(message) });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`done in ${seconds} s: ${summary.products} products, ${summary.categories} categories`);
} catch (error) {
  console.error(`reindex failed: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await runtime.close();
}
// The schema engine's wasm leaves a timer behind; nothing else is pending once closed.
process.exit(exitCode);
