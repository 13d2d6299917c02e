// Seller stats latency at 100,000 order lines: GET /api/seller/stats/ through the real server
// in-process (app.inject), p50 and p95 of ROUNDS calls per scenario. One "big" seller owns half
// the catalog (≈ half the lines), 19 small sellers share the rest; orders spread over a year,
// 80 % of them paid, shipped or delivered; order ids grow with time, as they do in the shop. The same scenarios then run with the stats index
// replaced by a plain seller_id index and with no seller index at all, for comparison.
// Run: pnpm bench:stats [--lines 100000] [--rounds 200]  (uses the test PostgreSQL, like pnpm test)
import { parseArgs } from "node:util";
import { ensureTemplateDatabase } from "@shop/testing";
import { createShopper, type Shopper } from "../test/orders-fixtures.ts";
import { startTestApp, type TestApp } from "../test/support.ts";

const { values } = parseArgs({
  options: {
    lines: { type: "string", default: "100000" },
    rounds: { type: "string", default: "200" },
    explain: { type: "boolean", default: false },
  },
});
const LINES = Number(values.lines);
const ROUNDS = Number(values.rounds);
const LINES_PER_ORDER = 2;
const SMALL_SELLERS = 19;
const PRODUCTS = 200;

/** The index the migration creates first, then the alternatives it was chosen over. */
const INDEXES: [string, string | null][] = [
  ["order_items (seller_id, order_id, product_id, quantity, unit_price) — the migration's", null],
  ["order_items (seller_id, order_id)", "seller_id, order_id"],
  ["order_items (seller_id) — before this change", "seller_id"],
  ["no seller index on order_items", null],
];
const STATS_INDEX = "order_items_seller_id_order_id_product_id_quantity_unit_pri_idx";

const percentiles = (timings: number[]) => {
  const sorted = [...timings].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2);
  return `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`;
};

async function measure(t: TestApp, label: string, seller: Shopper, days: number): Promise<void> {
  const call = async () => {
    const res = await t.app.inject({
      method: "GET",
      url: `/api/seller/stats/?days=${days}`,
      headers: { authorization: `Bearer ${seller.token}` },
    });
    if (res.statusCode !== 200) throw new Error(`stats answered ${res.statusCode}: ${res.body}`);
    return res.json() as { units: number };
  };
  for (let i = 0; i < 10; i++) await call(); // warm-up: JIT, pool, plan cache
  const timings: number[] = [];
  let units = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    units = (await call()).units;
    timings.push(performance.now() - started);
  }
  console.log(`  ${label.padEnd(44)} ${String(units).padStart(7)} units   ${percentiles(timings)}`);
}

/** Sellers, products (half of them the big seller's), then orders and lines in bulk SQL. */
async function seed(t: TestApp): Promise<{ big: Shopper; small: Shopper }> {
  const big = await createShopper(t, "seller");
  const smalls: Shopper[] = [];
  for (let i = 0; i < SMALL_SELLERS; i++) smalls.push(await createShopper(t, "seller"));
  const buyer = await createShopper(t);
  const category = await t.db.category.create({ data: { name: "Bench", slug: "bench" }, select: { id: true } });
  for (let p = 0; p < PRODUCTS; p++) {
    const sellerId = p % 2 === 0 ? big.id : smalls[p % SMALL_SELLERS]!.id;
    await t.db.product.create({
      data: {
        sellerId,
        categoryId: category.id,
        name: `Bench product ${p}`,
        slug: `bench-product-${p}`,
        priceFrom: 500 + p * 10,
        variants: { create: { sku: `BENCH-${p}`, name: "Default", price: 500 + p * 10, stock: 1_000_000 } },
      },
    });
  }
  const orders = Math.ceil(LINES / LINES_PER_ORDER);
  await t.db.$executeRaw`select setseed(0.42)`;
  await t.db.$executeRaw`
    insert into orders (user_id, status, total, shipping_address, created_at, updated_at)
    select ${buyer.id},
           (case when r < 0.3 then 'paid' when r < 0.55 then 'shipped' when r < 0.8 then 'delivered'
                 when r < 0.9 then 'pending' else 'cancelled' end)::order_status,
           0, '{}'::jsonb, ts, ts
    from (select random() as r, now() - interval '365 days' * (1 - g::float8 / ${orders}) + random() * interval '1 hour' as ts
          from generate_series(1, ${orders}) g) s`;
  await t.db.$executeRaw`
    with catalog as (
      select row_number() over (order by p.id) - 1 as n, p.id as product_id, p.seller_id, p.name, v.id as variant_id,
             v.name as variant_name, v.sku, v.price
      from products p join product_variants v on v.product_id = p.id
    )
    insert into order_items (order_id, variant_id, product_id, seller_id, product_name, variant_name, sku, unit_price, quantity)
    select o.id, c.variant_id, c.product_id, c.seller_id, c.name, c.variant_name, c.sku, c.price, 1 + (o.id * 7 + k) % 3
    from orders o cross join generate_series(1, ${LINES_PER_ORDER}) k
    join catalog c on c.n = (o.id * 31 + k * 17) % ${PRODUCTS}`;
  // What autovacuum does soon after a bulk load: statistics, and the visibility map index-only scans need.
  await t.db.$executeRaw`vacuum analyze orders`;
  await t.db.$executeRaw`vacuum analyze order_items`;
  return { big, small: smalls[0]! };
}

async function scenarios(t: TestApp, sellers: { big: Shopper; small: Shopper }): Promise<void> {
  await measure(t, "big seller, days=30", sellers.big, 30);
  await measure(t, "big seller, days=365", sellers.big, 365);
  await measure(t, "small seller, days=30", sellers.small, 30);
  await measure(t, "small seller, days=365", sellers.small, 365);
}

/** EXPLAIN ANALYZE of the stats statement as the service sends it (captured from the client's query log). */
async function explain(t: TestApp, seller: Shopper, days: number): Promise<void> {
  await t.app.inject({
    method: "GET",
    url: `/api/seller/stats/?days=${days}`,
    headers: { authorization: `Bearer ${seller.token}` },
  });
  const now = new Date();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const from = new Date(today - (days - 1) * 86_400_000);
  const until = new Date(today + 86_400_000);
  const rows = await t.db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
    `explain (analyze, buffers) ${statsSql}`,
    // The statement's parameters, in order (see seller/stats.ts).
    seller.id,
    from,
    until,
    from,
    until,
    5,
    from,
    until,
    seller.id,
  );
  const plan = rows.map((row) => row["QUERY PLAN"]);
  const scans = plan
    .filter((line) => /Scan .*on (order_items|orders)\b|Join {2}\(/.test(line))
    .map((line) => line.trim().split("  (")[0]);
  console.log(`    days=${days} plan: ${scans.join("; ")}; ${plan.find((line) => line.startsWith("Execution Time"))}`);
}

await ensureTemplateDatabase();
let statsSql = "";
const t = await startTestApp({ contract: false, onQuery: (sql) => void (sql.includes("with lines as") && (statsSql = sql)) });
try {
  const started = performance.now();
  const sellers = await seed(t);
  const [lines] = await t.db.$queryRaw<{ all: number; big: number }[]>`
    select count(*)::int as all, count(*) filter (where seller_id = ${sellers.big.id})::int as big from order_items`;
  console.log(
    `seeded ${lines!.all} order lines (${lines!.big} of the big seller's) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(`GET /api/seller/stats/ (HTTP in-process, ${ROUNDS} calls each):`);
  for (const [index, [label, columns]] of INDEXES.entries()) {
    if (index > 0) {
      await t.db.$executeRawUnsafe(`drop index if exists ${STATS_INDEX}`);
      await t.db.$executeRawUnsafe(`drop index if exists bench_seller_idx`);
      if (columns) await t.db.$executeRawUnsafe(`create index bench_seller_idx on order_items (${columns})`);
      await t.db.$executeRaw`vacuum analyze order_items`;
    }
    console.log(`${label}:`);
    await scenarios(t, sellers);
    if (values.explain) {
      await explain(t, sellers.big, 30);
      await explain(t, sellers.big, 365);
    }
  }
} finally {
  await t.close();
}
