// Search latency (PostgreSQL engine) over the demo catalog scaled to 10,000 products, in one run:
// the REST endpoint through the real server in-process (app.inject), the engine's ranked query
// alone, and a bare full-text SQL query on the same GIN index. p50 and p95 of ROUNDS each.
// Run: pnpm bench:search  (uses the test PostgreSQL, like pnpm test)
import { parseArgs } from "node:util";
import { postgresSearchEngine, reindexAll } from "@shop/api";
import { ensureTemplateDatabase } from "@shop/testing";
import { seedCatalog } from "../src/seed/seed.ts";
import { startTestApp } from "../test/support.ts";

const { values } = parseArgs({
  options: { products: { type: "string", default: "10000" }, rounds: { type: "string", default: "300" } },
});
const PRODUCTS = Number(values.products);
const ROUNDS = Number(values.rounds);
const QUERIES = [
  "Zanzibar Silk Scarf",
  "zanz",
  "silk scarf kyoto",
  "zanzibr scarff",
  "DEMO-00042-1",
  "cashmere wrap",
  "midnight lisbon tote",
  "marakech pouch",
];

const percentiles = (timings: number[]) => {
  const sorted = [...timings].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2);
  return `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`;
};

async function measure(label: string, run: (query: string) => Promise<void>): Promise<void> {
  for (const query of QUERIES) await run(query); // warm-up: JIT, pool, plan cache
  const timings: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    await run(QUERIES[i % QUERIES.length]!);
    timings.push(performance.now() - started);
  }
  console.log(`${label.padEnd(62)} ${percentiles(timings)}`);
}

await ensureTemplateDatabase();
const t = await startTestApp();
try {
  let started = performance.now();
  await seedCatalog(t.db, { products: PRODUCTS, log: () => {} });
  console.log(`seeded ${PRODUCTS} products in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  started = performance.now();
  await reindexAll(await t.context(), { batchSize: 1000 });
  console.log(`indexed them (pnpm search:reindex path) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await t.db.$executeRaw`analyze product_search`;

  for (const query of QUERIES) {
    const res = await t.app.inject({ method: "GET", url: `/api/search/?type=product&q=${encodeURIComponent(query)}` });
    const names = (res.json().products as { name: string }[]).slice(0, 3).map((p) => p.name);
    console.log(`  ${JSON.stringify(query).padEnd(24)} → ${names.join(" | ")}`);
  }
  console.log(`${ROUNDS} searches each, queries cycling over ${QUERIES.length} (exact, prefix, multi-word, typos, SKU):`);

  await measure("GET /api/search/?type=product (HTTP, 20 product views)", async (q) => {
    const res = await t.app.inject({ method: "GET", url: `/api/search/?type=product&q=${encodeURIComponent(q)}` });
    if (res.statusCode !== 200) throw new Error(`search answered ${res.statusCode}: ${res.body}`);
  });
  const engine = postgresSearchEngine(t.db);
  await measure("engine alone (trigram corrections + ranked full text, 20 ids)", async (q) => {
    await engine.search("product", q, { offset: 0, limit: 20 });
  });
  await measure("bare SQL: document @@ prefix tsquery, ts_rank, limit 20", async (q) => {
    const tsquery = q
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .map((w) => `${w}:*`)
      .join(" & ");
    await t.db.$queryRaw`
      select product_id from product_search where document @@ to_tsquery('simple', ${tsquery})
      order by ts_rank(document, to_tsquery('simple', ${tsquery})) desc limit 20`;
  });
  const plan = await t.db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
    `explain select product_id from product_search where document @@ to_tsquery('simple', '(''zanzibr'':* | ''zanzibar'') & (''scarff'':* | ''scarf'')')`,
  );
  const terms = await t.db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
    `explain select word from search_terms where word % 'zanzibr'`,
  );
  const used = [...plan, ...terms].map((row) => /Index Scan on (\S+)/.exec(row["QUERY PLAN"])?.[1]).filter(Boolean);
  console.log(`indexes the typo query uses: ${[...new Set(used)].join(", ") || "none (sequential scans)"}`);
} finally {
  await t.close();
}
