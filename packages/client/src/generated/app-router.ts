// Generated from packages/api's router by packages/client/scripts/router-shape.ts; do not edit.
// `pnpm --filter @shop/client generate` rewrites it, and a test fails while it is stale.
import type { TRPCBuiltRouter, TRPCMutationProcedure, TRPCQueryProcedure, TRPCSubscriptionProcedure } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";

export interface TrackedData<TData> {
  id: string;
  data: TData;
}

export interface CategoryNode {
  id: number;
  name: string;
  slug: string;
  description: string;
  parent: number | null;
  children: CategoryNode[];
}

export interface OrderEvent {
  id: number;
  type: "order.created" | "order.paid" | "order.shipped" | "order.delivered" | "order.cancelled" | "order.refunded";
  order_id: number;
  status: string;
  created_at: string;
}

export interface SellerOrderEvent {
  id: number;
  type: "order.created" | "order.paid" | "order.shipped" | "order.delivered" | "order.cancelled" | "order.refunded";
  order_id: number;
  status: string;
  created_at: string;
  items: SellerLine[];
}

export interface SellerLine {
  id: number;
  product_id: number | null;
  variant_id: number | null;
  sku: string;
  quantity: number;
  shipped_at: string | null;
}

/** The server's router as its clients see it: procedures with their inputs and outputs, and the error shape. */
export type AppRouter = TRPCBuiltRouter<
  {
    ctx: object;
    meta: object;
    errorShape: {
      message: string;
      code: TRPC_ERROR_CODE_KEY;
      data: {
        httpStatus: number;
        path: string | undefined;
        detail: string;
        code: string;
        fields?: Record<string, string[]> | undefined;
      };
    };
    transformer: false;
  },
  {
    admin: {
      createSeller: TRPCMutationProcedure<{
        input: {
          username: string;
          email: string;
          password: string;
          first_name?: string | undefined;
          last_name?: string | undefined;
        };
        output: {
          id: number;
          username: string;
          email: string;
          pending_email: string | null;
          first_name: string;
          last_name: string;
          profile_picture: string | null;
          role: "customer" | "seller" | "admin";
          is_active: boolean;
          date_joined: string;
        };
        meta: object;
      }>;
      promoteToSeller: TRPCMutationProcedure<{
        input: { email: string };
        output: {
          id: number;
          username: string;
          email: string;
          pending_email: string | null;
          first_name: string;
          last_name: string;
          profile_picture: string | null;
          role: "customer" | "seller" | "admin";
          is_active: boolean;
          date_joined: string;
        };
        meta: object;
      }>;
      listSellers: TRPCQueryProcedure<{
        input: void;
        output: {
          id: number;
          username: string;
          email: string;
          pending_email: string | null;
          first_name: string;
          last_name: string;
          profile_picture: string | null;
          role: "customer" | "seller" | "admin";
          is_active: boolean;
          date_joined: string;
        }[];
        meta: object;
      }>;
      revokeSeller: TRPCMutationProcedure<{
        input: { email: string };
        output: {
          id: number;
          username: string;
          email: string;
          pending_email: string | null;
          first_name: string;
          last_name: string;
          profile_picture: string | null;
          role: "customer" | "seller" | "admin";
          is_active: boolean;
          date_joined: string;
        };
        meta: object;
      }>;
    };
    auth: {
      register: TRPCMutationProcedure<{
        input: {
          username: string;
          email: string;
          password: string;
          first_name?: string | undefined;
          last_name?: string | undefined;
        };
        output: { message: string };
        meta: object;
      }>;
      verifyEmail: TRPCQueryProcedure<{ input: { uidb64: string; token: string }; output: { message: string }; meta: object }>;
      confirmEmail: TRPCQueryProcedure<{ input: { uidb64: string; token: string }; output: { message: string }; meta: object }>;
      login: TRPCMutationProcedure<{
        input: { username: string; password: string };
        output: {
          access: string;
          refresh: string;
          user: {
            id: number;
            username: string;
            email: string;
            pending_email: string | null;
            first_name: string;
            last_name: string;
            profile_picture: string | null;
            role: "customer" | "seller" | "admin";
            is_active: boolean;
            date_joined: string;
          };
        };
        meta: object;
      }>;
      logout: TRPCMutationProcedure<{ input: { refresh: string }; output: { message: string }; meta: object }>;
      requestPasswordReset: TRPCMutationProcedure<{ input: { email: string }; output: { message: string }; meta: object }>;
      confirmPasswordReset: TRPCMutationProcedure<{
        input: { uid: string; token: string; new_password: string };
        output: { message: string };
        meta: object;
      }>;
      refreshToken: TRPCMutationProcedure<{ input: { refresh: string }; output: { access: string }; meta: object }>;
      verifyToken: TRPCMutationProcedure<{ input: { token: string }; output: { [x: string]: never }; meta: object }>;
    };
    cart: {
      get: TRPCQueryProcedure<{
        input: void;
        output: {
          id: number;
          items: {
            id: number;
            variant: { id: number; sku: string; name: string; price: string; product: { id: number; name: string } };
            quantity: number;
            subtotal: string;
          }[];
          item_count: number;
          total: string;
        };
        meta: object;
      }>;
      clear: TRPCMutationProcedure<{ input: void; output: void; meta: object }>;
      add: TRPCMutationProcedure<{
        input: { variant_id: number; quantity?: number | undefined };
        output: {
          id: number;
          items: {
            id: number;
            variant: { id: number; sku: string; name: string; price: string; product: { id: number; name: string } };
            quantity: number;
            subtotal: string;
          }[];
          item_count: number;
          total: string;
        };
        meta: object;
      }>;
      update: TRPCMutationProcedure<{
        input: { id: unknown; quantity: number };
        output: {
          id: number;
          items: {
            id: number;
            variant: { id: number; sku: string; name: string; price: string; product: { id: number; name: string } };
            quantity: number;
            subtotal: string;
          }[];
          item_count: number;
          total: string;
        };
        meta: object;
      }>;
      remove: TRPCMutationProcedure<{ input: { id: unknown }; output: void; meta: object }>;
    };
    categories: {
      list: TRPCQueryProcedure<{ input: void; output: CategoryNode[]; meta: object }>;
      get: TRPCQueryProcedure<{ input: { id: unknown }; output: CategoryNode; meta: object }>;
      create: TRPCMutationProcedure<{
        input: { name: string; slug: string; description?: string | undefined; parent_slug?: string | null | undefined };
        output: CategoryNode;
        meta: object;
      }>;
      update: TRPCMutationProcedure<{
        input: {
          id: number;
          name?: string | undefined;
          slug?: string | undefined;
          description?: string | undefined;
          parent_slug?: string | null | undefined;
        };
        output: CategoryNode;
        meta: object;
      }>;
    };
    fulfilment: {
      sellerItems: TRPCQueryProcedure<{
        input: {
          status?: "pending" | "paid" | "shipped" | "delivered" | "cancelled" | "refunded" | undefined;
          page?: unknown;
          page_size?: unknown;
        };
        output: {
          count: number;
          next: string | null;
          previous: string | null;
          results: {
            order_id: number;
            order_status: "pending" | "paid" | "shipped" | "delivered" | "cancelled" | "refunded";
            product_id: number | null;
            shipped_at: string | null;
            shipping_address: {
              full_name: string;
              line1: string;
              line2: string;
              city: string;
              postal_code: string;
              country: string;
            };
            ordered_at: string;
            id: number;
            variant_id: number | null;
            product_name: string;
            variant_name: string;
            sku: string;
            unit_price: string;
            quantity: number;
            subtotal: string;
          }[];
        };
        meta: object;
      }>;
      shipItem: TRPCMutationProcedure<{
        input: { id: unknown };
        output: {
          order_id: number;
          order_status: "pending" | "paid" | "shipped" | "delivered" | "cancelled" | "refunded";
          product_id: number | null;
          shipped_at: string | null;
          shipping_address: {
            full_name: string;
            line1: string;
            line2: string;
            city: string;
            postal_code: string;
            country: string;
          };
          ordered_at: string;
          id: number;
          variant_id: number | null;
          product_name: string;
          variant_name: string;
          sku: string;
          unit_price: string;
          quantity: number;
          subtotal: string;
        };
        meta: object;
      }>;
      markDelivered: TRPCMutationProcedure<{
        input: { id: unknown };
        output: {
          id: number;
          status: "pending" | "paid" | "shipped" | "delivered" | "cancelled" | "refunded";
          total: string;
          shipping_address: {
            full_name: string;
            line1: string;
            line2: string;
            city: string;
            postal_code: string;
            country: string;
          };
          items: {
            id: number;
            variant_id: number | null;
            product_name: string;
            variant_name: string;
            sku: string;
            unit_price: string;
            quantity: number;
            subtotal: string;
          }[];
          payments: {
            id: string;
            amount: string;
            status: "refunded" | "initiated" | "succeeded" | "failed";
            provider: string;
            refund_required: boolean;
            review_required: boolean;
            created_at: string;
            completed_at: string | null;
          }[];
          created_at: string;
          updated_at: string;
        };
        meta: object;
      }>;
      refund: TRPCMutationProcedure<{
        input: { id: unknown };
        output: {
          id: number;
          status: "pending" | "paid" | "shipped" | "delivered" | "cancelled" | "refunded";
          total: string;
          shipping_address: {
            full_name: string;
            line1: string;
            line2: string;
            city: string;
            postal_code: string;
            country: string;
          };
          items: {
            id: number;
            variant_id: number | null;
            product_name: string;
            variant_name: string;
            sku: string;
            unit_price: string;
            quantity: number;
            subtotal: string;
          }[];
          payments: {
            id: string;
            amount: string;
            status: "refunded" | "initiated" | "succeeded" | "failed";
            provider: string;
            refund_required: boolean;
            review_required: boolean;
            created_at: string;
            completed_at: string | null;
          }[];
          created_at: string;
          updated_at: string;
        };
        meta: object;
      }>;
    };
    orders: {
      create: TRPCMutationProcedure<{
        input: {
          shipping_address: {
            full_name: string;
            line1: string;
            city: string;
            postal_code: string;
            country: string;
            line2?: string | undefined;
          };
        };
        output: {
          id: number;
          status: "pending" | "paid" | "shipped" | "delivered" | "cancelled" | "refunded";
          total: string;
          shipping_address: {
            full_name: string;
            line1: string;
            line2: string;
            city: string;
            postal_code: string;
            country: string;
          };
          items: {
            id: number;
            variant_id: number | null;
            product_name: string;
            variant_name: string;
            sku: string;
            unit_price: string;
            quantity: number;
            subtotal: string;
          }[];
          payments: {
            id: string;
            amount: string;
            status: "refunded" | "initiated" | "succeeded" | "failed";
            provider: string;
            refund_required: boolean;
            review_required: boolean;
            created_at: string;
            completed_at: string | null;
          }[];
          created_at: string;
          updated_at: string;
        };
        meta: object;
      }>;
      list: TRPCQueryProcedure<{
        input: { page?: unknown; page_size?: unknown };
        output: {
          count: number;
          next: string | null;
          previous: string | null;
          results: {
            id: number;
            status: "pending" | "paid" | "shipped" | "delivered" | "cancelled" | "refunded";
            total: string;
            shipping_address: {
              full_name: string;
              line1: string;
              line2: string;
              city: string;
              postal_code: string;
              country: string;
            };
            items: {
              id: number;
              variant_id: number | null;
              product_name: string;
              variant_name: string;
              sku: string;
              unit_price: string;
              quantity: number;
              subtotal: string;
            }[];
            payments: {
              id: string;
              amount: string;
              status: "refunded" | "initiated" | "succeeded" | "failed";
              provider: string;
              refund_required: boolean;
              review_required: boolean;
              created_at: string;
              completed_at: string | null;
            }[];
            created_at: string;
            updated_at: string;
          }[];
        };
        meta: object;
      }>;
      detail: TRPCQueryProcedure<{
        input: { id: unknown };
        output: {
          id: number;
          status: "pending" | "paid" | "shipped" | "delivered" | "cancelled" | "refunded";
          total: string;
          shipping_address: {
            full_name: string;
            line1: string;
            line2: string;
            city: string;
            postal_code: string;
            country: string;
          };
          items: {
            id: number;
            variant_id: number | null;
            product_name: string;
            variant_name: string;
            sku: string;
            unit_price: string;
            quantity: number;
            subtotal: string;
          }[];
          payments: {
            id: string;
            amount: string;
            status: "refunded" | "initiated" | "succeeded" | "failed";
            provider: string;
            refund_required: boolean;
            review_required: boolean;
            created_at: string;
            completed_at: string | null;
          }[];
          created_at: string;
          updated_at: string;
        };
        meta: object;
      }>;
      cancel: TRPCMutationProcedure<{
        input: { id: unknown };
        output: {
          id: number;
          status: "pending" | "paid" | "shipped" | "delivered" | "cancelled" | "refunded";
          total: string;
          shipping_address: {
            full_name: string;
            line1: string;
            line2: string;
            city: string;
            postal_code: string;
            country: string;
          };
          items: {
            id: number;
            variant_id: number | null;
            product_name: string;
            variant_name: string;
            sku: string;
            unit_price: string;
            quantity: number;
            subtotal: string;
          }[];
          payments: {
            id: string;
            amount: string;
            status: "refunded" | "initiated" | "succeeded" | "failed";
            provider: string;
            refund_required: boolean;
            review_required: boolean;
            created_at: string;
            completed_at: string | null;
          }[];
          created_at: string;
          updated_at: string;
        };
        meta: object;
      }>;
      onEvent: TRPCSubscriptionProcedure<{
        input: { lastEventId?: unknown } | undefined;
        output: AsyncIterable<TrackedData<OrderEvent | SellerOrderEvent>, void, any>;
        meta: object;
      }>;
    };
    payments: {
      initiate: TRPCMutationProcedure<{
        input: { order_id: number };
        output: {
          payment_id: string;
          order_id: number;
          amount: string;
          status: "initiated";
          provider: "simulated" | "stripe";
          payment_url: string;
        };
        meta: object;
      }>;
      callback: TRPCQueryProcedure<{
        input: { payment_id: string; status: "success" | "failed"; signature: string };
        output: {
          payment_id: string;
          status: "refunded" | "initiated" | "succeeded" | "failed";
          order_status: "pending" | "paid" | "shipped" | "delivered" | "cancelled" | "refunded";
        };
        meta: object;
      }>;
      page: TRPCQueryProcedure<{
        input: { id: string };
        output: {
          paymentId: string;
          orderId: number;
          amount: string;
          status: "refunded" | "initiated" | "succeeded" | "failed";
          payUrl: string;
          failUrl: string;
        };
        meta: object;
      }>;
      outcome: TRPCQueryProcedure<{
        input: { id: string };
        output: {
          paymentId: string;
          orderId: number;
          amount: string;
          status: "refunded" | "initiated" | "succeeded" | "failed";
          reviewRequired: boolean;
          orderStatus: "pending" | "paid" | "shipped" | "delivered" | "cancelled" | "refunded";
        };
        meta: object;
      }>;
      stripeWebhook: TRPCMutationProcedure<{
        input: { rawBody: Uint8Array; signature?: string | undefined };
        output: { received: true };
        meta: object;
      }>;
    };
    health: {
      ready: TRPCQueryProcedure<{
        input: void;
        output: {
          status: "ok" | "degraded" | "down";
          checks: { database: "ok" | "down"; redis?: "ok" | "down" | undefined; meilisearch?: "ok" | "down" | undefined };
        };
        meta: object;
      }>;
    };
    products: {
      list: TRPCQueryProcedure<{
        input: {
          page?: unknown;
          page_size?: unknown;
          category?: unknown;
          seller?: unknown;
          min_price?: string | number | undefined;
          max_price?: string | number | undefined;
          in_stock?: string | undefined;
          ordering?: "name" | "price" | "created_at" | "-price" | "-created_at" | "rating" | "-rating" | "-name" | undefined;
        };
        output: {
          count: number;
          next: string | null;
          previous: string | null;
          results: {
            id: number;
            name: string;
            slug: string;
            description: string;
            category: number;
            seller: { id: number; username: string };
            price_from: string;
            images: { id: number; url: string; alt_text: string }[];
            variants: {
              id: number;
              sku: string;
              name: string;
              price: string;
              stock: number;
              attributes: Record<string, string | number | boolean>;
            }[];
            average_rating: number | null;
            review_count: number;
            created_at: string;
            updated_at: string;
          }[];
        };
        meta: object;
      }>;
      get: TRPCQueryProcedure<{
        input: { id: unknown };
        output: {
          id: number;
          name: string;
          slug: string;
          description: string;
          category: number;
          seller: { id: number; username: string };
          price_from: string;
          images: { id: number; url: string; alt_text: string }[];
          variants: {
            id: number;
            sku: string;
            name: string;
            price: string;
            stock: number;
            attributes: Record<string, string | number | boolean>;
          }[];
          average_rating: number | null;
          review_count: number;
          created_at: string;
          updated_at: string;
        };
        meta: object;
      }>;
      create: TRPCMutationProcedure<{
        input: {
          name: string;
          category: number;
          variants: {
            sku: string;
            name: string;
            price: string | number;
            stock: number;
            attributes?: Record<string, string | number | boolean> | undefined;
          }[];
          description?: string | undefined;
        };
        output: {
          id: number;
          name: string;
          slug: string;
          description: string;
          category: number;
          seller: { id: number; username: string };
          price_from: string;
          images: { id: number; url: string; alt_text: string }[];
          variants: {
            id: number;
            sku: string;
            name: string;
            price: string;
            stock: number;
            attributes: Record<string, string | number | boolean>;
          }[];
          average_rating: number | null;
          review_count: number;
          created_at: string;
          updated_at: string;
        };
        meta: object;
      }>;
      update: TRPCMutationProcedure<{
        input: { id: unknown; name?: string | undefined; description?: string | undefined; category?: number | undefined };
        output: {
          id: number;
          name: string;
          slug: string;
          description: string;
          category: number;
          seller: { id: number; username: string };
          price_from: string;
          images: { id: number; url: string; alt_text: string }[];
          variants: {
            id: number;
            sku: string;
            name: string;
            price: string;
            stock: number;
            attributes: Record<string, string | number | boolean>;
          }[];
          average_rating: number | null;
          review_count: number;
          created_at: string;
          updated_at: string;
        };
        meta: object;
      }>;
      delete: TRPCMutationProcedure<{ input: { id: unknown }; output: void; meta: object }>;
      addVariant: TRPCMutationProcedure<{
        input: {
          sku: string;
          name: string;
          price: string | number;
          stock: number;
          id: unknown;
          attributes?: Record<string, string | number | boolean> | undefined;
        };
        output: {
          id: number;
          name: string;
          slug: string;
          description: string;
          category: number;
          seller: { id: number; username: string };
          price_from: string;
          images: { id: number; url: string; alt_text: string }[];
          variants: {
            id: number;
            sku: string;
            name: string;
            price: string;
            stock: number;
            attributes: Record<string, string | number | boolean>;
          }[];
          average_rating: number | null;
          review_count: number;
          created_at: string;
          updated_at: string;
        };
        meta: object;
      }>;
      updateVariant: TRPCMutationProcedure<{
        input: {
          id: unknown;
          variant_id: unknown;
          sku?: string | undefined;
          name?: string | undefined;
          price?: string | number | undefined;
          stock?: number | undefined;
          attributes?: Record<string, string | number | boolean> | undefined;
        };
        output: {
          id: number;
          name: string;
          slug: string;
          description: string;
          category: number;
          seller: { id: number; username: string };
          price_from: string;
          images: { id: number; url: string; alt_text: string }[];
          variants: {
            id: number;
            sku: string;
            name: string;
            price: string;
            stock: number;
            attributes: Record<string, string | number | boolean>;
          }[];
          average_rating: number | null;
          review_count: number;
          created_at: string;
          updated_at: string;
        };
        meta: object;
      }>;
      deleteVariant: TRPCMutationProcedure<{
        input: { id: unknown; variant_id: unknown };
        output: {
          id: number;
          name: string;
          slug: string;
          description: string;
          category: number;
          seller: { id: number; username: string };
          price_from: string;
          images: { id: number; url: string; alt_text: string }[];
          variants: {
            id: number;
            sku: string;
            name: string;
            price: string;
            stock: number;
            attributes: Record<string, string | number | boolean>;
          }[];
          average_rating: number | null;
          review_count: number;
          created_at: string;
          updated_at: string;
        };
        meta: object;
      }>;
      uploadImage: TRPCMutationProcedure<{
        input: { product_id: unknown; image: Uint8Array<ArrayBufferLike>; alt_text?: string | undefined };
        output: { id: number; url: string; alt_text: string };
        meta: object;
      }>;
      deleteImage: TRPCMutationProcedure<{ input: { id: unknown; image_id: unknown }; output: void; meta: object }>;
      reviews: TRPCQueryProcedure<{
        input: { product_id: unknown; page?: unknown; page_size?: unknown };
        output: {
          count: number;
          next: string | null;
          previous: string | null;
          results: {
            id: number;
            user: { id: number; username: string };
            rating: number;
            comment: string;
            status: "pending" | "published" | "hidden";
            created_at: string;
          }[];
        };
        meta: object;
      }>;
      addReview: TRPCMutationProcedure<{
        input: { product_id: unknown; rating: number; comment?: string | undefined };
        output: {
          id: number;
          user: { id: number; username: string };
          rating: number;
          comment: string;
          status: "pending" | "published" | "hidden";
          created_at: string;
        };
        meta: object;
      }>;
    };
    profile: {
      me: TRPCQueryProcedure<{
        input: void;
        output: {
          id: number;
          username: string;
          email: string;
          pending_email: string | null;
          first_name: string;
          last_name: string;
          profile_picture: string | null;
          role: "customer" | "seller" | "admin";
          is_active: boolean;
          date_joined: string;
        };
        meta: object;
      }>;
      update: TRPCMutationProcedure<{
        input: {
          first_name?: string | undefined;
          last_name?: string | undefined;
          email?: string | undefined;
          current_password?: string | undefined;
        };
        output: {
          id: number;
          username: string;
          email: string;
          pending_email: string | null;
          first_name: string;
          last_name: string;
          profile_picture: string | null;
          role: "customer" | "seller" | "admin";
          is_active: boolean;
          date_joined: string;
        };
        meta: object;
      }>;
      updateWithPicture: TRPCMutationProcedure<{
        input: {
          profile_picture: Uint8Array<ArrayBufferLike>;
          first_name?: string | undefined;
          last_name?: string | undefined;
          email?: string | undefined;
          current_password?: string | undefined;
        };
        output: {
          id: number;
          username: string;
          email: string;
          pending_email: string | null;
          first_name: string;
          last_name: string;
          profile_picture: string | null;
          role: "customer" | "seller" | "admin";
          is_active: boolean;
          date_joined: string;
        };
        meta: object;
      }>;
    };
    reviews: {
      moderationQueue: TRPCQueryProcedure<{
        input: { page?: unknown; page_size?: unknown; status?: "pending" | "published" | "hidden" | undefined };
        output: {
          count: number;
          next: string | null;
          previous: string | null;
          results: {
            id: number;
            product: { id: number; name: string };
            user: { id: number; username: string };
            rating: number;
            comment: string;
            status: "pending" | "published" | "hidden";
            created_at: string;
            hidden_at: string | null;
            hidden_by: { id: number; username: string } | null;
            hidden_reason: string | null;
          }[];
        };
        meta: object;
      }>;
      publish: TRPCMutationProcedure<{
        input: { id: unknown };
        output: {
          id: number;
          product: { id: number; name: string };
          user: { id: number; username: string };
          rating: number;
          comment: string;
          status: "pending" | "published" | "hidden";
          created_at: string;
          hidden_at: string | null;
          hidden_by: { id: number; username: string } | null;
          hidden_reason: string | null;
        };
        meta: object;
      }>;
      hide: TRPCMutationProcedure<{
        input: { id: unknown; reason?: string | undefined };
        output: {
          id: number;
          product: { id: number; name: string };
          user: { id: number; username: string };
          rating: number;
          comment: string;
          status: "pending" | "published" | "hidden";
          created_at: string;
          hidden_at: string | null;
          hidden_by: { id: number; username: string } | null;
          hidden_reason: string | null;
        };
        meta: object;
      }>;
    };
    search: {
      search: TRPCQueryProcedure<{
        input: { q: string; type?: "category" | "product" | undefined; page?: unknown; limit?: unknown };
        output: {
          query: string;
          products?:
            | {
                id: number;
                name: string;
                slug: string;
                description: string;
                category: number;
                seller: { id: number; username: string };
                price_from: string;
                images: { id: number; url: string; alt_text: string }[];
                variants: {
                  id: number;
                  sku: string;
                  name: string;
                  price: string;
                  stock: number;
                  attributes: Record<string, string | number | boolean>;
                }[];
                average_rating: number | null;
                review_count: number;
                created_at: string;
                updated_at: string;
              }[]
            | undefined;
          categories?: { id: number; name: string; slug: string; description: string; parent: number | null }[] | undefined;
        };
        meta: object;
      }>;
    };
    staffOrders: {
      list: TRPCQueryProcedure<{
        input: {
          page?: unknown;
          page_size?: unknown;
          id?: number | undefined;
          status?: "pending" | "paid" | "shipped" | "delivered" | "cancelled" | "refunded" | undefined;
        };
        output: {
          count: number;
          results: {
            id: number;
            status: "pending" | "paid" | "shipped" | "delivered" | "cancelled" | "refunded";
            total: string;
            shipping_address: {
              full_name: string;
              line1: string;
              line2: string;
              city: string;
              postal_code: string;
              country: string;
            };
            items: {
              id: number;
              variant_id: number | null;
              product_name: string;
              variant_name: string;
              sku: string;
              unit_price: string;
              quantity: number;
              subtotal: string;
            }[];
            payments: {
              id: string;
              amount: string;
              status: "refunded" | "initiated" | "succeeded" | "failed";
              provider: string;
              refund_required: boolean;
              review_required: boolean;
              created_at: string;
              completed_at: string | null;
            }[];
            created_at: string;
            updated_at: string;
          }[];
        };
        meta: object;
      }>;
    };
    seller: {
      onEvent: TRPCSubscriptionProcedure<{
        input: { lastEventId?: unknown } | undefined;
        output: AsyncIterable<TrackedData<OrderEvent | SellerOrderEvent>, void, any>;
        meta: object;
      }>;
      stats: TRPCQueryProcedure<{
        input: { days?: unknown };
        output: {
          revenue: string;
          orders: number;
          units: number;
          by_day: { date: string; revenue: string; units: number }[];
          top_products: { product_id: number | null; name: string; units: number; revenue: string }[];
        };
        meta: object;
      }>;
    };
    webhooks: {
      create: TRPCMutationProcedure<{
        input: {
          url: string;
          events: (
            | "order.created"
            | "order.paid"
            | "order.shipped"
            | "order.delivered"
            | "order.cancelled"
            | "order.refunded"
            | "product.created"
            | "product.updated"
            | "product.deleted"
          )[];
          description?: string | undefined;
        };
        output: { id: number; url: string; events: string[]; description: string; created_at: string; secret: string };
        meta: object;
      }>;
      list: TRPCQueryProcedure<{
        input: void;
        output: { id: number; url: string; events: string[]; description: string; created_at: string }[];
        meta: object;
      }>;
      remove: TRPCMutationProcedure<{ input: { id: unknown }; output: void; meta: object }>;
      deliveries: TRPCQueryProcedure<{
        input: { id: unknown; page?: unknown; page_size?: unknown };
        output: {
          count: number;
          next: string | null;
          previous: string | null;
          results: {
            id: number;
            webhook_id: number;
            event_type: string;
            attempt: number;
            status_code: number | null;
            error: string | null;
            delivered_at: string;
            next_attempt_at: string | null;
          }[];
        };
        meta: object;
      }>;
    };
  }
>;
