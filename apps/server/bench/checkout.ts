// Checkout throughput under contention: every buyer wants the same variant. Measured in one run
// beside (1) the one-statement reference — a hand-written Fastify + pg route doing the same writes
// (bench/checkout-reference.ts) — and (2) a bare SQL transaction doing only the conditional stock
// update, all on the same database with the same pool size.
// Run: pnpm bench:checkout  (uses the test PostgreSQL, like pnpm test)
import pg from "pg";
import { ensureTemplateDatabase } from "@shop/testing";
import { address, createShopper, createVariant, type Shopper } from "../test/orders-fixtures.ts";
import { startTestApp } from "../test/support.ts";
import { checkoutReferenceServer } from "./checkout-reference.ts";

const BUYERS = 300;
const POOL = 5; // the test app's pool size, given to the reference and the bare transactions too
const DEADLINE_MS = 120_000;

const withDeadline = <T>(work: Promise<T>) =>
  Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error("bench took too long")), DEADLINE_MS).unref()),
  ]);

await ensureTemplateDatabase();
const t = await startTestApp({ contract: false });
const pool = new pg.Pool({ connectionString: t.database.url, max: POOL });
const reference = await checkoutReferenceServer(t.database.url, t.deps.config.authSecret, POOL);

/** N buyers, each with one unit of the same fresh variant in their cart. */
async function buyersOfOneVariant(): Promise<Shopper[]> {
  const variant = await createVariant(t, { stock: BUYERS, price: 2500 });
  const buyers = await Promise.all(Array.from({ length: BUYERS }, () => createShopper(t)));
  for (const buyer of buyers) {
    const cart = await t.db.cart.create({ data: { userId: buyer.id }, select: { id: true } });
    await t.db.cartItem.create({ data: { cartId: cart.id, variantId: variant.variantId, quantity: 1 } });
  }
  return buyers;
}

/** Every buyer checks out at once through `inject`; returns the milliseconds taken. */
async function checkoutAll(app: typeof t.app | typeof reference.app, url: string, buyers: Shopper[]): Promise<number> {
  const body = JSON.stringify({ shipping_address: address });
  const started = performance.now();
  const answers = await withDeadline(
    Promise.all(
      buyers.map((buyer) =>
        app.inject({
          method: "POST",
          url,
          payload: body,
          headers: { "content-type": "application/json", authorization: `Bearer ${buyer.token}` },
        }),
      ),
    ),
  );
  const ms = performance.now() - started;
  const created = answers.filter((res) => res.statusCode === 201).length;
  if (created !== BUYERS) throw new Error(`${url}: only ${created} of ${BUYERS} checkouts succeeded`);
  return ms;
}

try {
  const checkoutMs = await checkoutAll(t.app, "/api/orders/create/", await buyersOfOneVariant());
  const referenceMs = await checkoutAll(reference.app, "/orders", await buyersOfOneVariant());

  // Bare: the same conditional update of one hot row, one transaction each, same concurrency.
  const bare = await createVariant(t, { stock: BUYERS });
  const bareStarted = performance.now();
  const taken = await withDeadline(
    Promise.all(
      Array.from({ length: BUYERS }, async () => {
        const client = await pool.connect();
        try {
          await client.query("begin");
          const res = await client.query("update product_variants set stock = stock - 1 where id = $1 and stock >= 1", [
            bare.variantId,
          ]);
          await client.query("commit");
          return res.rowCount;
        } finally {
          client.release();
        }
      }),
    ),
  );
  const bareMs = performance.now() - bareStarted;
  if (taken.reduce<number>((sum, n) => sum + (n ?? 0), 0) !== BUYERS) throw new Error("bare transactions took the wrong stock");

  const perSecond = (ms: number) => (BUYERS / ms) * 1000;
  const line = (label: string, ms: number) =>
    console.log(`${label.padEnd(52)} ${perSecond(ms).toFixed(0).padStart(6)}/s (${ms.toFixed(0)} ms)`);
  console.log(`${BUYERS} concurrent buyers of one variant, ${POOL} database connections`);
  line("checkout (HTTP through the server, one statement):", checkoutMs);
  line("reference (Fastify + pg route, same statement):", referenceMs);
  line("bare SQL stock-update transaction:", bareMs);
  console.log(`ratio: checkout runs at ${((bareMs / checkoutMs) * 100).toFixed(1)}% of the bare transaction (goal >= 25%)`);
  console.log(`ratio: checkout runs at ${(referenceMs / checkoutMs).toFixed(2)}x the one-statement reference (goal >= 0.7x)`);
} finally {
  await pool.end();
  await reference.pool.end();
  await reference.app.close();
  await t.close();
}
