import { WEBHOOK_MAX_ATTEMPTS } from "../webhooks/schedule.ts";

/**
 * Checkout as one SQL statement: one round trip, and one transaction of its own when the caller
 * has none open. Parameters: $1 user id, $2 shipping address (JSON text), $3 payment timeout (ms).
 *
 * The guarantees, in the order the data dependencies force:
 * - the cart row and its items are locked first (FOR UPDATE on the items: a concurrent checkout of
 *   the same cart finds them deleted and answers "empty", an edited quantity is re-read);
 * - the variants are locked in id order (NO KEY UPDATE: the order_items foreign keys take KEY SHARE
 *   on them) and their newest stock read; stock is taken only if EVERY line can be served, with the
 *   conditional `stock >= quantity` again on the update, and the CHECK (stock >= 0) behind it;
 * - the order, its lines, the emptied cart and the jobs exist only if all stock was taken, so a
 *   short line changes nothing and the answer names the short variants with their stock.
 * Data-modifying CTEs always run; the jobs CTE is a SELECT, so the final query reads it.
 *
 * The order's `order.created` event (and its webhook jobs) is written by the same statement, so
 * the event commits with the order or not at all.
 */
export const CHECKOUT_SQL = `
with cart as (
  select id from carts where user_id = $1 for no key update
),
items as materialized (
  select ci.id, ci.quantity, v.id as variant_id, v.name as variant_name, v.sku, v.price,
         p.id as product_id, p.name as product_name, p.seller_id
  from cart c
  join cart_items ci on ci.cart_id = c.id
  join product_variants v on v.id = ci.variant_id
  join products p on p.id = v.product_id
  order by ci.id
  for update of ci
),
locked as materialized (
  select v.id, v.stock, i.quantity
  from product_variants v join items i on i.variant_id = v.id
  order by v.id
  for no key update of v
),
verdict as (
  select (select count(*) from items) > 0
     and (select count(*) from locked) = (select count(*) from items)
     and coalesce((select bool_and(stock >= quantity) from locked), false) as ok
),
taken as (
  update product_variants v set stock = v.stock - l.quantity, updated_at = now()
  from locked l
  where v.id = l.id and v.stock >= l.quantity and (select ok from verdict)
  returning v.id
),
placed as (
  insert into orders (user_id, total, shipping_address, updated_at)
  select $1, (select sum(price * quantity) from items)::int, $2::jsonb, now()
  where (select ok from verdict) and (select count(*) from taken) = (select count(*) from items)
  returning id, status::text as status, total, shipping_address, created_at, updated_at
),
lines as (
  insert into order_items (order_id, variant_id, product_id, seller_id, product_name, variant_name, sku, unit_price, quantity)
  select o.id, i.variant_id, i.product_id, i.seller_id, i.product_name, i.variant_name, i.sku, i.price, i.quantity
  from placed o cross join items i
  order by i.id
  returning id, variant_id, product_name, variant_name, sku, unit_price, quantity
),
emptied as (
  delete from cart_items where id in (select id from items) and exists (select 1 from placed)
),
-- The order-events outbox (events/record.ts does the same for every other change): the row, and
-- one webhook delivery job per endpoint subscribed to order.created; id and NOTIFY come at commit.
order_created as (
  insert into events (type, order_id, user_id, status)
  select 'order.created', o.id, $1, 'pending' from placed o
  returning key
),
jobs as (
  select count(*)::int as added
  from placed o, graphile_worker.add_jobs(array(
    select row('send_order_confirmation', json_build_object('orderId', o.id), null, null, null, null, null, null)::graphile_worker.job_spec
    union all
    select row('expire_order', json_build_object('orderId', o.id), null, now() + $3::float8 * interval '1 millisecond', null, null, null, null)::graphile_worker.job_spec
    union all
    select row('index_product', json_build_object('productId', p.product_id), null, null, null, 'index_product:' || p.product_id, null, null)::graphile_worker.job_spec
    from (select distinct product_id from items order by product_id) p
    union all
    select row('deliver_webhook', json_build_object('webhookId', w.id, 'eventKey', e.key),
               null, null, ${WEBHOOK_MAX_ATTEMPTS}, null, null, null)::graphile_worker.job_spec
    from order_created e, webhook_endpoints w where 'order.created' = any(w.events)
  ))
)
select o.id, o.status, o.total, o.shipping_address, o.created_at, o.updated_at,
  (select json_agg(l order by l.id) from lines l) as items,
  (select array_agg(distinct product_id order by product_id) from items) as product_ids,
  (select count(*)::int from items) as item_count,
  (select json_agg(json_build_object('variant_id', i.variant_id, 'stock', coalesce(l.stock, 0), 'quantity', i.quantity) order by i.variant_id)
     from items i left join locked l on l.id = i.variant_id
     where l.id is null or l.stock < i.quantity) as short,
  (select added from jobs) as jobs_added
from (select 1) as one
left join placed o on true
`;

/** The prepared statement's name: each pool connection parses it once and may keep one plan. */
export const CHECKOUT_STATEMENT = "shop_checkout";

export interface CheckoutRow {
  id: number | null;
  status: string | null;
  total: number | null;
  shipping_address: unknown;
  created_at: Date | null;
  updated_at: Date | null;
  items: CheckoutLine[] | null;
  product_ids: number[] | null;
  item_count: number;
  short: { variant_id: number; stock: number; quantity: number }[] | null;
  jobs_added: number | null;
}

export interface CheckoutLine {
  id: number;
  variant_id: number | null;
  product_name: string;
  variant_name: string;
  sku: string;
  unit_price: number;
  quantity: number;
}

export const checkoutParams = (userId: number, address: unknown, paymentTimeoutMs: number) =>
  [userId, JSON.stringify(address), paymentTimeoutMs] as const;
