import type { Tx } from "@shop/db";

export interface StockLine {
  variantId: number;
  quantity: number;
}

/**
 * Takes stock for every line with one conditional update (`stock >= quantity`) and returns
 * the variants it could take. Rows are locked in id order first, so two checkouts that share
 * variants queue instead of deadlocking; NO KEY UPDATE because every checkout already holds
 * KEY SHARE on these rows from its order_items foreign keys (FOR UPDATE would deadlock with
 * that). The CHECK (stock >= 0) backs all this up.
 */
export async function takeStock(tx: Tx, lines: StockLine[]): Promise<Set<number>> {
  const sorted = [...lines].sort((a, b) => a.variantId - b.variantId);
  const rows = await tx.$queryRaw<{ id: number }[]>`
    with locked as materialized (
      select v.id, w.qty from product_variants v
      join unnest(${sorted.map((l) => l.variantId)}::int[], ${sorted.map((l) => l.quantity)}::int[]) as w(id, qty) on w.id = v.id
      order by v.id
      for no key update of v
    )
    update product_variants v set stock = v.stock - l.qty, updated_at = now()
    from locked l
    where v.id = l.id and v.stock >= l.qty
    returning v.id`;
  return new Set(rows.map((row) => row.id));
}

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
