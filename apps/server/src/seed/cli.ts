// pnpm db:seed [--products N]: the demo catalog, on DATABASE_URL or the embedded database.
import pino from "pino";
import { reindexAll } from "@shop/api";
import { wholeNumberOption } from "../cli-options.ts";
import { createRuntime, loadEnvOrExit } from "@shop/runtime";
import { DEMO_CUSTOMER_PASSWORD, DEMO_SELLER_PASSWORD } from "./catalog-data.ts";
import { DEMO_PRODUCTS, seedCatalog } from "./seed.ts";

const products = wholeNumberOption("products", DEMO_PRODUCTS, 100_000);

const env = loadEnvOrExit();
const runtime = await createRuntime(env, pino({ level: "warn" }));
try {
  const started = performance.now();
  const created = await seedCatalog(runtime.deps.db, { products, log: (message) => console.log(message) });
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s: ${created.length} new products`);
  // Seeding writes rows in bulk, without index jobs: rebuild the search index from them.
  await reindexAll(await runtime.localContext(), { log: (message) => console.log(`search index: ${message}`) });
  console.log(`demo sellers: atelier_nova, maison_lumen, verde_home (password ${DEMO_SELLER_PASSWORD})`);
  console.log(`demo customers: demo_ada, demo_grace, ... (password ${DEMO_CUSTOMER_PASSWORD})`);
} finally {
  await runtime.close();
}
// The schema engine's wasm leaves a timer behind; nothing else is pending once closed.
process.exit(0);
