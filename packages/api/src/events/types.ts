/** The event types of API.md §8 (orders) and §9 (products, for webhooks only). */
export const ORDER_EVENT_TYPES = [
  "order.created",
  "order.paid",
  "order.shipped",
  "order.delivered",
  "order.cancelled",
  "order.refunded",
] as const;
export const PRODUCT_EVENT_TYPES = ["product.created", "product.updated", "product.deleted"] as const;
export const EVENT_TYPES = [...ORDER_EVENT_TYPES, ...PRODUCT_EVENT_TYPES] as const;

export type OrderEventType = (typeof ORDER_EVENT_TYPES)[number];
export type ProductEventType = (typeof PRODUCT_EVENT_TYPES)[number];
export type EventType = (typeof EVENT_TYPES)[number];

/** An order event as streams and webhooks show it (API.md §8). */
export interface OrderEvent {
  id: number;
  type: OrderEventType;
  order_id: number;
  status: string;
  created_at: string;
}

/** A line of a seller's own in a seller's event: the other sellers' lines are left out. */
export interface SellerLine {
  id: number;
  product_id: number | null;
  variant_id: number | null;
  sku: string;
  quantity: number;
  shipped_at: string | null;
}

export type SellerOrderEvent = OrderEvent & { items: SellerLine[] };

/** Which stream: a buyer's own orders, or the orders holding a seller's lines. */
export type Audience = "buyer" | "seller";
