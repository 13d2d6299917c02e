import type { Tx } from "@shop/db";

/** Puts an order's quantities back (variants deleted since are skipped); returns their products. */
export async function returnStock(tx: Tx, orderId: number): Promise<number[]> {
  const rows = await tx.$queryRaw<{ product_id: number }[]>`
    with locked as materialized (
      select v.id, w.qty from product_variants v
      join (select variant_id, sum(quantity)::int as qty from order_items where order_id = ${orderId} and variant_id is not null group by variant_id) as w(id, qty)
        on w.id = v.id
      order by v.id
      for no key update of v
    )
    update product_variants v set stock = v.stock + l.qty, updated_at = now()
    from locked l
    where v.id = l.id
    returning v.product_id`;
  return [...new Set(rows.map((row) => row.product_id))];
}
