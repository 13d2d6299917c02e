import { Prisma } from "@shop/db";
import type { AuthedContext } from "../context.ts";
import { formatMoney } from "../shared/money.ts";

export const TOP_PRODUCTS = 5;
const DAY_MS = 86_400_000;

export interface SellerStats {
  revenue: string;
  orders: number;
  units: number;
  by_day: { date: string; revenue: string; units: number }[];
  top_products: { product_id: number | null; name: string; units: number; revenue: string }[];
}

interface StatsRow {
  revenue: number;
  orders: number;
  units: number;
  by_day: { date: string; revenue: number; units: number }[];
  top_products: { product_id: number | null; name: string; units: number; revenue: number }[];
}

/** Midnight UTC of `now`'s day, and of the first day of a window of `days` days ending with it. */
export function statsWindow(days: number, now: Date): { from: Date; until: Date } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return { from: new Date(today - (days - 1) * DAY_MS), until: new Date(today + DAY_MS) };
}

/**
 * The seller's sales over today and the `days − 1` days before it (UTC), by the day the order
 * was placed: revenue, distinct orders and units of their lines whose order is paid, shipped or
 * delivered, every day of the window (zeros included), and the best-selling products by revenue.
 *
 * The counted statuses are listed rather than "not pending or cancelled", so a status added
 * later (`refunded`) stays out until someone decides it counts. One statement: the seller's
 * lines come from the (seller_id, order_id) index, their orders by primary key.
 */
export async function sellerStats(ctx: AuthedContext, days: number, now = new Date()): Promise<SellerStats> {
  const { from, until } = statsWindow(days, now);
  const [row] = await ctx.db.$queryRaw<StatsRow[]>(Prisma.sql`
    with lines as materialized (
      select (o.created_at at time zone 'UTC')::date as day, i.order_id, i.product_id, i.quantity,
             i.unit_price::bigint * i.quantity as revenue
      from order_items i
      join orders o on o.id = i.order_id
      where i.seller_id = ${ctx.user.id}
        and o.status in ('paid', 'shipped', 'delivered')
        and o.created_at >= ${from} and o.created_at < ${until}
        -- Implied by the join (a line of an order in the window has that order's id), and it lets
        -- the index read only the seller's lines from the window's first order on, not their history.
        -- ("offset 0" keeps the window's orders found by the (status, created_at) index: without it
        -- the planner walks the primary key from the oldest order to the first one in the window.)
        and i.order_id >= (select coalesce(min(id), 2147483647) from (
                             select id from orders
                             where status in ('paid', 'shipped', 'delivered') and created_at >= ${from} and created_at < ${until}
                             offset 0) as window_orders)
    ),
    per_day as (
      select day, sum(revenue) as revenue, sum(quantity) as units from lines group by day
    ),
    top as (
      select product_id, sum(quantity) as units, sum(revenue) as revenue
      from lines group by product_id
      order by revenue desc, units desc, product_id limit ${TOP_PRODUCTS}
    )
    select
      (select coalesce(sum(revenue), 0) from per_day)::float8 as revenue,
      (select count(distinct order_id) from lines)::int as orders,
      (select coalesce(sum(units), 0) from per_day)::int as units,
      (select json_agg(json_build_object('date', to_char(d.day, 'YYYY-MM-DD'), 'revenue', coalesce(p.revenue, 0),
                                         'units', coalesce(p.units, 0)) order by d.day)
       from generate_series(${from}::timestamptz at time zone 'UTC', ${until}::timestamptz at time zone 'UTC' - interval '1 day',
                            interval '1 day') as d(day)
       left join per_day p on p.day = d.day::date) as by_day,
      (select coalesce(json_agg(json_build_object(
                'product_id', t.product_id,
                -- The product's name now; a deleted product's, the name its last line was sold under.
                'name', coalesce((select name from products where id = t.product_id),
                                 (select product_name from order_items where seller_id = ${ctx.user.id} and product_id = t.product_id
                                  order by order_id desc limit 1)),
                'units', t.units, 'revenue', t.revenue) order by t.revenue desc, t.units desc, t.product_id), '[]')
       from top t) as top_products`);
  const stats = row!;
  return {
    revenue: formatMoney(stats.revenue),
    orders: stats.orders,
    units: stats.units,
    by_day: stats.by_day.map((day) => ({ date: day.date, revenue: formatMoney(Number(day.revenue)), units: Number(day.units) })),
    top_products: stats.top_products.map((p) => ({
      product_id: p.product_id,
      name: p.name,
      units: Number(p.units),
      revenue: formatMoney(Number(p.revenue)),
    })),
  };
}
