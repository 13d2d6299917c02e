// Search latency (PostgreSQL engine) over the demo catalog at 1,000, 10,000 and 100,000
// products, in one run: the REST endpoint through the real server in-process (app.inject),
// the engine's ranked ids alone, and a bare full-text SQL query on the same GIN index (plain
// pg on the same pool, as the engine's own statements run).
// p50 and p95 of ROUNDS each (the three interleaved), per scale, and how they grow. Every
// statement, the bare one included, runs as a named prepared statement.
// Run: pnpm bench:search [--scales 1000,10000,100000] [--rounds 300]  (uses the test PostgreSQL, like pnpm test)
import { parseArgs } from "node:util";
import { postgresSearchEngine, reindexAll } from "@shop/api";
import { sqlPool } from "@shop/db";
import { ensureTemplateDatabase } from "@shop/testing";
import { seedCatalog } from "../src/seed/seed.ts";
import { startTestApp } from "../test/support.ts";
import { percentiles, printTable, type Timing } from "./timing.ts";

const { values } = parseArgs({
  options: { scales: { type: "string", default: "1000,10000,100000" }, rounds: { type: "string", default: "300" } },
});
const SCALES = values.scales.split(",").map(Number);
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
  "zanzibar silk scraf",
];

/**
 * The three ways of answering a query, interleaved round by round (in a rotating order), so a
 * busy moment on the shared machine falls on all of them alike.
 */
async function measureTogether(runs: ((query: string) => Promise<void>)[]): Promise<Timing[]> {
  for (const query of QUERIES) for (const run of runs) await run(query); // warm-up: JIT, pool, prepared statements
  const timings = runs.map((): number[] => []);
  for (let i = 0; i < ROUNDS; i++) {
    const query = QUERIES[i % QUERIES.length]!;
    for (let k = 0; k < runs.length; k++) {
      const which = (i + k) % runs.length;
      const started = performance.now();
      await runs[which]!(query);
      timings[which]!.push(performance.now() - started);
    }
  }
  return timings.map(percentiles);
}

const bareTsquery = (q: string) =>
  q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => `${w}:*`)
    .join(" & ");

await ensureTemplateDatabase();
const t = await startTestApp({ contract: false });
const engine = postgresSearchEngine(t.db);
const rows: { scale: number; http: Timing; engine: Timing; bare: Timing }[] = [];
try {
  for (const scale of SCALES) {
    let started = performance.now();
    await seedCatalog(t.db, { products: scale, log: () => {} });
    const seeded = (performance.now() - started) / 1000;
    started = performance.now();
    await reindexAll(await t.context(), { batchSize: 1000 });
    console.log(
      `\n${scale} products: seeded in ${seeded.toFixed(1)} s, indexed (pnpm search:reindex path) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    await t.db.$executeRawUnsafe("analyze");

    for (const query of QUERIES) {
      const res = await t.app.inject({ method: "GET", url: `/api/search/?type=product&q=${encodeURIComponent(query)}` });
      const names = (res.json().products as { name: string }[]).slice(0, 3).map((p) => p.name);
      console.log(`  ${JSON.stringify(query).padEnd(24)} → ${names.join(" | ")}`);
    }
    const [http, alone, bare] = await measureTogether([
      async (q) => {
        const res = await t.app.inject({ method: "GET", url: `/api/search/?type=product&q=${encodeURIComponent(q)}` });
        if (res.statusCode !== 200) throw new Error(`search answered ${res.statusCode}: ${res.body}`);
      },
      async (q) => {
        await engine.search("product", q, { offset: 0, limit: 20 });
      },
      async (q) => {
        await sqlPool(t.db).query({
          name: "bench_bare_search",
          text: `select product_id from product_search where document @@ to_tsquery('simple', $1)
                 order by ts_rank(document, to_tsquery('simple', $1)) desc limit 20`,
          values: [bareTsquery(q)],
        });
      },
    ]);
    rows.push({ scale, http: http!, engine: alone!, bare: bare! });
  }

  console.log(
    `\n${ROUNDS} searches per cell, queries cycling over ${QUERIES.length} (exact, prefix, multi-word, typos, transposition, SKU):\n`,
  );
  printTable(
    ["products", "HTTP p50", "HTTP p95", "engine p50", "engine p95", "bare SQL p50", "bare SQL p95", "HTTP p95 / bare p95"],
    rows.map((r) => [
      r.scale.toLocaleString("en"),
      `${r.http.p50.toFixed(1)} ms`,
      `${r.http.p95.toFixed(1)} ms`,
      `${r.engine.p50.toFixed(1)} ms`,
      `${r.engine.p95.toFixed(1)} ms`,
      `${r.bare.p50.toFixed(1)} ms`,
      `${r.bare.p95.toFixed(1)} ms`,
      (r.http.p95 / r.bare.p95).toFixed(2),
    ]),
  );
  const at = (scale: number) => rows.find((r) => r.scale === scale);
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  console.log(`\nHTTP p95 growth ${first.scale} → ${last.scale} products: ×${(last.http.p95 / first.http.p95).toFixed(2)}`);
  if (at(10_000))
    console.log(
      `HTTP p95 / bare SQL p95 at 10,000 products: ${(at(10_000)!.http.p95 / at(10_000)!.bare.p95).toFixed(2)}  (target ≤ 2)`,
    );

  const plan = await t.db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
    `explain select product_id from product_search where document @@ '(''zanzibr'':* | ''zanzibar'') & (''scarff'':* | ''scarf'')'::tsquery`,
  );
  const variants = await t.db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
    `explain select word from search_term_variants where variant = any('{zanzibr,anzibr,znzibr}'::text[])`,
  );
  const used = [...plan, ...variants]
    .map((row) => /Index (?:Only )?Scan (?:using \S+ )?on (\S+)/.exec(row["QUERY PLAN"])?.[1])
    .filter(Boolean);
  const bitmap = plan.some((row) => /Bitmap Index Scan on product_search_document_idx/.test(row["QUERY PLAN"]));
  console.log(
    `indexes the typo query uses: ${[...new Set([...used, ...(bitmap ? ["product_search_document_idx"] : [])])].join(", ") || "none (sequential scans)"}`,
  );
} finally {
  await t.close();
}
