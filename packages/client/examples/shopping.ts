// Logs in, browses products, fills a cart, then places and cancels an order while watching its
// live events (the `orders.onEvent` subscription), through the typed client, against a running server:
//
//   pnpm start                                     # in another terminal (loads a demo catalog)
//   pnpm --filter @shop/client example <username> <password> [http://localhost:8000]
import { createShopClient, TRPCClientError, type RouterOutputs } from "../src/index.ts";

type Product = RouterOutputs["products"]["list"]["results"][number];

const [username, password, url = "http://localhost:8000"] = process.argv.slice(2);
if (!username || !password) {
  console.error("Usage: pnpm --filter @shop/client example <username> <password> [server url]");
  process.exit(1);
}

const shop = createShopClient({ url });

try {
  const { user } = await shop.auth.login.mutate({ username, password }); // the client keeps the tokens
  console.log(`Logged in as ${user.username} (${user.role}).`);

  // Both queries go out in one batched HTTP request.
  const [categories, page] = await Promise.all([
    shop.categories.list.query(),
    shop.products.list.query({ in_stock: "true", ordering: "price", page_size: 5 }),
  ]);
  console.log(`${categories.length} root categories; the ${page.results.length} cheapest of ${page.count} products in stock:`);
  for (const product of page.results) console.log(`  ${product.name} from ${product.price_from} (by ${product.seller.username})`);

  const variants = page.results.flatMap((product: Product) => product.variants.filter((v) => v.stock > 0).slice(0, 1));
  for (const variant of variants.slice(0, 2)) {
    await shop.cart.add.mutate({ variant_id: variant.id, quantity: 1 });
  }
  const cart = await shop.cart.get.query();
  console.log(`Cart: ${cart.item_count} items, total ${cart.total}.`);
  for (const item of cart.items)
    console.log(`  ${item.quantity} × ${item.variant.product.name} (${item.variant.name}) = ${item.subtotal}`);
  if (cart.items.length === 0) process.exit(0);

  // Live order events over Server-Sent Events (any API node delivers them). A reconnect resumes
  // after the last event seen: the client sends its tracked id back as `lastEventId`.
  let seen = 0;
  const watched = { orderId: 0 }; // set once the order exists; earlier events are replayed too
  let bothSeen!: () => void;
  const done = new Promise<void>((resolve) => (bothSeen = resolve));
  const subscription = shop.orders.onEvent.subscribe(
    { lastEventId: 0 },
    {
      onData: ({ id, data }) => {
        console.log(`  event ${id}: ${data.type} (order ${data.order_id} is ${data.status})`);
        if (data.order_id === watched.orderId && ++seen === 2) bothSeen();
      },
      onError: (error) => console.error(`  subscription failed: ${error.message}`),
    },
  );
  const order = await shop.orders.create.mutate({
    shipping_address: { full_name: user.username, line1: "1 Example Street", city: "Paris", postal_code: "75001", country: "FR" },
  });
  watched.orderId = order.id;
  console.log(`Placed order ${order.id} (${order.total}); cancelling it again.`);
  await shop.orders.cancel.mutate({ id: order.id });
  await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  subscription.unsubscribe();
} catch (error) {
  // error.data is API.md's error body: { detail, code, fields?, httpStatus }.
  if (error instanceof TRPCClientError) console.error(`Failed: ${error.message} (${error.data?.code ?? "no code"})`);
  else console.error(error);
  process.exitCode = 1;
}
