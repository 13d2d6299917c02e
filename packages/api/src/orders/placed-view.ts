import { formatMoney } from "../shared/money.ts";
import type { CheckoutRow } from "./checkout-statement.ts";
import { toOrderItemFields, type OrderView } from "./view.ts";

/** The view of an order the checkout statement has just placed: no payments yet. */
export function placedOrderView(row: CheckoutRow): OrderView {
  return {
    id: row.id!,
    status: row.status as OrderView["status"],
    total: formatMoney(row.total!),
    shipping_address: row.shipping_address as OrderView["shipping_address"],
    items: (row.items ?? []).map((line) =>
      toOrderItemFields({
        id: line.id,
        variantId: line.variant_id,
        productName: line.product_name,
        variantName: line.variant_name,
        sku: line.sku,
        unitPrice: line.unit_price,
        quantity: line.quantity,
      }),
    ),
    payments: [],
    created_at: row.created_at!.toISOString(),
    updated_at: row.updated_at!.toISOString(),
  };
}
