import { z } from "zod";
import type { Prisma } from "@shop/db";
import { formatMoney, moneyOutput } from "../shared/money.ts";
import { ORDER_STATUSES } from "./state.ts";
import { PAYMENT_STATUSES } from "../payments/port.ts";

export const orderSelect = {
  id: true,
  status: true,
  total: true,
  shippingAddress: true,
  createdAt: true,
  updatedAt: true,
  items: {
    select: { id: true, variantId: true, productName: true, variantName: true, sku: true, unitPrice: true, quantity: true },
    orderBy: { id: "asc" },
  },
  payments: {
    select: {
      id: true,
      amount: true,
      status: true,
      provider: true,
      refundRequired: true,
      reviewRequired: true,
      createdAt: true,
      completedAt: true,
    },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.OrderSelect;

type OrderRow = Prisma.OrderGetPayload<{ select: typeof orderSelect }>;

export const shippingAddressOutput = z.object({
  full_name: z.string(),
  line1: z.string(),
  line2: z.string(),
  city: z.string(),
  postal_code: z.string(),
  country: z.string(),
});

/** An order line as the buyer and the seller both see it. */
export const orderItemFields = () => ({
  id: z.number().int(),
  variant_id: z.number().int().nullable(),
  product_name: z.string(),
  variant_name: z.string(),
  sku: z.string(),
  unit_price: moneyOutput(),
  quantity: z.number().int(),
  subtotal: moneyOutput(),
});

export const orderOutput = z.object({
  id: z.number().int(),
  status: z.enum(ORDER_STATUSES),
  total: moneyOutput(),
  shipping_address: shippingAddressOutput,
  items: z.array(z.object(orderItemFields())),
  payments: z.array(
    z.object({
      id: z.string(),
      amount: moneyOutput(),
      status: z.enum(PAYMENT_STATUSES),
      provider: z.string(),
      refund_required: z.boolean(),
      review_required: z.boolean(),
      created_at: z.string(),
      completed_at: z.string().nullable(),
    }),
  ),
  created_at: z.string(),
  updated_at: z.string(),
});

export type OrderView = z.infer<typeof orderOutput>;

interface OrderItemRow {
  id: number;
  variantId: number | null;
  productName: string;
  variantName: string;
  sku: string;
  unitPrice: number;
  quantity: number;
}

/** The fields of an order line every view shows (see orderItemFields). */
export function toOrderItemFields(item: OrderItemRow) {
  return {
    id: item.id,
    variant_id: item.variantId,
    product_name: item.productName,
    variant_name: item.variantName,
    sku: item.sku,
    unit_price: formatMoney(item.unitPrice),
    quantity: item.quantity,
    subtotal: formatMoney(item.unitPrice * item.quantity),
  };
}

export function toOrderView(order: OrderRow): OrderView {
  return {
    id: order.id,
    status: order.status,
    total: formatMoney(order.total),
    shipping_address: order.shippingAddress as OrderView["shipping_address"],
    items: order.items.map(toOrderItemFields),
    payments: order.payments.map((payment) => ({
      id: payment.id,
      amount: formatMoney(payment.amount),
      status: payment.status,
      provider: payment.provider,
      refund_required: payment.refundRequired,
      review_required: payment.reviewRequired,
      created_at: payment.createdAt.toISOString(),
      completed_at: payment.completedAt?.toISOString() ?? null,
    })),
    created_at: order.createdAt.toISOString(),
    updated_at: order.updatedAt.toISOString(),
  };
}
