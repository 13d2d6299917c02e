// Checkout throughput under contention: every buyer wants the same variant. Measured beside a
// bare SQL transaction doing the same conditional stock update, on the same database with the
// same pool size, in one run. Run: pnpm bench:checkout  (uses the test PostgreSQL, like pnpm test)
import pg from "pg";
import { ensureTemplateDatabase } from "@shop/testing";
import { address, createShopper, createVariant } from "../test/orders-fixtures.ts";
import { startTestApp } from "../test/support.ts";

const BUYERS = 300;
const POOL = 5; // the test app's pool size, given to the bare transactions too
const DEADLINE_MS = 120_000;

const withDeadline = <T>(work: Promise<T>) =>
  Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error("bench took too long")), DEADLINE_MS).unref()),
  ]);

await ensureTemplateDatabase();
const t = await startTestApp();
const pool = new pg.Pool({ connectionString: t.database.url, max: POOL });
try {
  // Checkout: N buyers with one unit each in their carts, all at once through the real server.
  const variant = await createVariant(t, { stock: BUYERS, price: 2500 });
  const buyers = await Promise.all(Array.from({ length: BUYERS }, () => createShopper(t)));
  for (const buyer of buyers) {
    const cart = await t.db.cart.create({ data: { userId: buyer.id }, select: { id: true } });
    await t.db.cartItem.create({ data: { cartId: cart.id, variantId: variant.variantId, quantity: 1 } });
  }
  const body = JSON.stringify({ shipping_address: address });
  const checkoutStarted = performance.now();
  const answers = await withDeadline(
    Promise.all(
      buyers.map((buyer) =>
        t.app.inject({
          method: "POST",
          url: "/api/orders/create/",
          payload: body,
          headers: { "content-type": "application/json", authorization: `Bearer ${buyer.token}` },
        }),
      ),
    ),
  );
  const checkoutMs = performance.now() - checkoutStarted;
  const created = answers.filter((res) => res.statusCode === 201).length;
  if (created !== BUYERS) throw new Error(`only ${created} of ${BUYERS} checkouts succeeded`);

  // Bare: the same conditional update of one hot row, one transaction each, same concurrency.
  const bare = await createVariant(t, { stock: BUYERS });
  const bareStarted = performance.now();
  const taken = await withDeadline(
    Promise.all(
      buyers.map(async () => {
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
  console.log(`${BUYERS} concurrent buyers of one variant, ${POOL} database connections`);
  console.log(`checkout (HTTP, full order transaction): ${perSecond(checkoutMs).toFixed(0)}/s (${checkoutMs.toFixed(0)} ms)`);
  console.log(`bare SQL stock-update transaction:       ${perSecond(bareMs).toFixed(0)}/s (${bareMs.toFixed(0)} ms)`);
  console.log(
    `ratio: checkout runs at ${((bareMs / checkoutMs) * 100).toFixed(1)}% of the bare transaction (1 : ${(checkoutMs / bareMs).toFixed(1)})`,
  );
} finally {
  await pool.end();
  await t.close();
}
