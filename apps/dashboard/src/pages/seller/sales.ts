import type { RouterOutputs } from "@shop/client";
import { toMinor } from "../../ui/money.ts";

type SellerItem = RouterOutputs["fulfilment"]["sellerItems"]["results"][number];

export interface SalesDay {
  day: string;
  revenue: number;
  units: number;
}

export interface SalesSummary {
  days: SalesDay[];
  revenue: number;
  units: number;
  orders: number;
  top: { name: string; revenue: number; units: number }[];
}

const SOLD = new Set(["paid", "shipped", "delivered"]);
const dayOf = (iso: string) => iso.slice(0, 10);

/**
 * Revenue (minor units) and units per day over the last `days` days, from the seller's order
 * lines. Interim: the sales-stats procedure will compute the same figures on the server.
 */
export function summarizeSales(items: SellerItem[], days: number, now = new Date()): SalesSummary {
  const byDay = new Map<string, SalesDay>();
  for (let offset = days - 1; offset >= 0; offset--) {
    const day = dayOf(new Date(now.getTime() - offset * 86_400_000).toISOString());
    byDay.set(day, { day, revenue: 0, units: 0 });
  }
  const byProduct = new Map<string, { name: string; revenue: number; units: number }>();
  const orders = new Set<number>();
  for (const item of items) {
    const bucket = byDay.get(dayOf(item.ordered_at));
    if (!bucket || !SOLD.has(item.order_status)) continue;
    const revenue = toMinor(item.subtotal);
    bucket.revenue += revenue;
    bucket.units += item.quantity;
    orders.add(item.order_id);
    const product = byProduct.get(item.product_name) ?? { name: item.product_name, revenue: 0, units: 0 };
    product.revenue += revenue;
    product.units += item.quantity;
    byProduct.set(item.product_name, product);
  }
  const series = [...byDay.values()];
  return {
    days: series,
    revenue: series.reduce((sum, day) => sum + day.revenue, 0),
    units: series.reduce((sum, day) => sum + day.units, 0),
    orders: orders.size,
    top: [...byProduct.values()].sort((a, b) => b.revenue - a.revenue).slice(0, 5),
  };
}
