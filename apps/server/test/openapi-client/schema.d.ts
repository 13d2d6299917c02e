// Generated from the OpenAPI document by `pnpm openapi:types` (openapi-typescript): do not edit.

export interface paths {
    "/api/auth/register/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an account
         * @description Create an account. Public.
         */
        post: operations["auth-register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/verify-email/{uidb64}/{token}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Activate an account
         * @description Activate an account. Public.
         */
        get: operations["auth-verifyEmail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/accounts/confirm-email/{uidb64}/{token}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Confirm a new email address
         * @description The link sent to the address asked for in PATCH /api/profile/me/: the account's email becomes that address. Public.
         */
        get: operations["auth-confirmEmail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in with username or email
         * @description Log in with username or email. Public.
         */
        post: operations["auth-login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a refresh token
         * @description Revoke a refresh token. Needs a bearer access token.
         */
        post: operations["auth-logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Email a password reset link
         * @description Email a password reset link. Public.
         */
        post: operations["auth-requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset/confirm/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password
         * @description Set a new password. Public.
         */
        post: operations["auth-confirmPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/token/refresh/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A new access token
         * @description A new access token. Public.
         */
        post: operations["auth-refreshToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/token/verify/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check an access token
         * @description Check an access token. Public.
         */
        post: operations["auth-verifyToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cart/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your cart, priced at current prices
         * @description Your cart, priced at current prices. Needs a bearer access token.
         */
        get: operations["cart-get"];
        put?: never;
        post?: never;
        /**
         * Empty your cart
         * @description Empty your cart. Needs a bearer access token.
         */
        delete: operations["cart-clear"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cart/add/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a variant (again: more of it)
         * @description Add a variant (again: more of it). Needs a bearer access token.
         */
        post: operations["cart-add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cart/update/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Set an item's quantity
         * @description Set an item's quantity. Needs a bearer access token.
         */
        patch: operations["cart-update"];
        trace?: never;
    };
    "/api/cart/remove/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove an item
         * @description Remove an item. Needs a bearer access token.
         */
        delete: operations["cart-remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/categories/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Root categories with nested children
         * @description Root categories with nested children. Public.
         */
        get: operations["categories-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/categories/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A category with its subtree
         * @description A category with its subtree. Public.
         */
        get: operations["categories-get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/seller/order-items/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Order lines of your products (sellers)
         * @description Newest first; `status` filters by the order's status (ship the lines of `paid` orders). Needs a bearer access token.
         */
        get: operations["fulfilment-sellerItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/seller/order-items/{id}/ship/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark an order line of your product shipped (sellers)
         * @description Only lines of `paid` orders, once each (otherwise 409). When every line of the order is shipped the order becomes `shipped`. Another seller's line → 404. Needs a bearer access token.
         */
        post: operations["fulfilment-shipItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/orders/{id}/deliver/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a shipped order delivered (staff)
         * @description Only `shipped` orders; any other status → 409 `INVALID_ORDER_STATE`. Needs a bearer access token.
         */
        post: operations["fulfilment-markDelivered"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/orders/{id}/refund/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund a paid order before it ships (staff)
         * @description Only `paid` orders (shipped, pending, cancelled… → 409 `INVALID_ORDER_STATE`). The order becomes `refunded` and its stock returns at once; the payment is refunded through its gateway by a job (retried until the gateway confirms; the payment shows `refund_required` until then), and the buyer gets a refund email. Needs a bearer access token.
         */
        post: operations["fulfilment-refund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/create/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check out: the cart becomes a pending order
         * @description Prices are copied from the variants now and stock is taken atomically. Empty cart → 400; a line short of stock → 409 `OUT_OF_STOCK` with `fields["variants.<id>"]` for each such variant, and nothing changes. Needs a bearer access token.
         */
        post: operations["orders-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your orders, newest first
         * @description Your orders, newest first. Needs a bearer access token.
         */
        get: operations["orders-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of your orders
         * @description One of your orders. Needs a bearer access token.
         */
        get: operations["orders-detail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/cancel/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel your pending order (its stock returns)
         * @description Only `pending` orders can be cancelled; any other status → 409 `INVALID_ORDER_STATE`. Needs a bearer access token.
         */
        post: operations["orders-cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/initiate/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start paying a pending order
         * @description `payment_url` opens the provider's checkout: the simulated gateway's page, or a Stripe Checkout Session (PAYMENT_PROVIDER=stripe). An attempt still open for the order is resumed, not duplicated. Order not own → 404; not `pending` → 409; the provider unreachable → 503. Needs a bearer access token.
         */
        post: operations["payments-initiate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/callback/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The gateway's signed result (applied once)
         * @description `signature` is the lowercase hex HMAC-SHA256 with PAYMENT_WEBHOOK_SECRET over `payment_id:status:amount` (amount as in JSON, e.g. "99.80"). Unknown payment or bad signature → 400 and nothing changes; a replay answers the same and changes nothing. Public.
         */
        get: operations["payments-callback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Products, filtered and paginated
         * @description Products, filtered and paginated. Public.
         */
        get: operations["products-list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A product with variants, images and rating
         * @description A product with variants, images and rating. Public.
         */
        get: operations["products-get"];
        put?: never;
        post?: never;
        /**
         * Delete your product
         * @description Delete your product. Needs a bearer access token.
         */
        delete: operations["products-delete"];
        options?: never;
        head?: never;
        /**
         * Change your product
         * @description Change your product. Needs a bearer access token.
         */
        patch: operations["products-update"];
        trace?: never;
    };
    "/api/products/create/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a product (sellers)
         * @description Create a product (sellers). Needs a bearer access token.
         */
        post: operations["products-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/{id}/variants/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a variant to your product
         * @description Add a variant to your product. Needs a bearer access token.
         */
        post: operations["products-addVariant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/{id}/variants/{variant_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a variant of your product
         * @description Delete a variant of your product. Needs a bearer access token.
         */
        delete: operations["products-deleteVariant"];
        options?: never;
        head?: never;
        /**
         * Change a variant of your product
         * @description Change a variant of your product. Needs a bearer access token.
         */
        patch: operations["products-updateVariant"];
        trace?: never;
    };
    "/api/products/{id}/images/{image_id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete an image of your product
         * @description The seller who owns the product. The stored file is deleted too. Needs a bearer access token.
         */
        delete: operations["products-deleteImage"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/{product_id}/reviews/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A product's published reviews
         * @description A product's published reviews. Public.
         */
        get: operations["products-reviews"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/{product_id}/reviews/add/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Review a product
         * @description One review per user and product, whatever the status of the first (409). The review is `published` at once, or `pending` until staff publish it when the shop moderates reviews first (`REVIEW_MODERATION=pre`). Needs a bearer access token.
         */
        post: operations["products-addReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/profile/me/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your profile
         * @description Your profile. Needs a bearer access token.
         */
        get: operations["profile-me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change your names, or ask to change your email
         * @description Names change at once. A new `email` needs `current_password`; it shows as `pending_email` and replaces `email` only when the link sent to it is opened (GET /api/accounts/confirm-email/{uidb64}/{token}/); the address in use gets a notice. Wrong or missing `current_password` → 400 with `fields.current_password`; an email in use → 409. Needs a bearer access token.
         */
        patch: operations["profile-update"];
        trace?: never;
    };
    "/api/admin/reviews/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Reviews by status, with product and author (staff)
         * @description `status` defaults to `pending` (the queue, oldest first); `published` and `hidden` list newest first. Needs a bearer access token.
         */
        get: operations["reviews-moderationQueue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/reviews/{id}/publish/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish a pending or hidden review (staff)
         * @description The review is listed and counted in the product's rating at once. Publishing a published review changes nothing. Needs a bearer access token.
         */
        post: operations["reviews-publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/reviews/{id}/hide/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hide a review (staff)
         * @description The review leaves the product's list and rating at once; who hid it, when, and the optional `reason` are kept. Hiding a hidden review changes nothing. Needs a bearer access token.
         */
        post: operations["reviews-hide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/search/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Products and categories matching a query (typo-tolerant, by relevance)
         * @description Products and categories matching a query (typo-tolerant, by relevance). Public.
         */
        get: operations["search-search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/seller/stats/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your sales over the last `days` days (sellers)
         * @description Revenue, orders and units of your products' lines in paid, shipped and delivered orders placed today or in the `days` − 1 days before (UTC; 1–365, default 30), a `by_day` entry for every day of that window (zeros included), and your 5 best-selling products by revenue. Needs a bearer access token.
         */
        get: operations["seller-stats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/webhooks/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Webhook endpoints (staff)
         * @description Webhook endpoints (staff). Needs a bearer access token.
         */
        get: operations["webhooks-list"];
        put?: never;
        /**
         * Subscribe an endpoint to events (staff)
         * @description The answer carries the signing `secret` (`whsec_` + base64), shown only here. In production, URLs that resolve to loopback or private addresses → 400 unless `WEBHOOK_ALLOW_PRIVATE=true`. Needs a bearer access token.
         */
        post: operations["webhooks-create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/webhooks/{id}/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a webhook endpoint (staff)
         * @description Remove a webhook endpoint (staff). Needs a bearer access token.
         */
        delete: operations["webhooks-remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/webhooks/{id}/deliveries/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Delivery attempts of an endpoint, newest first (staff)
         * @description Delivery attempts of an endpoint, newest first (staff). Needs a bearer access token.
         */
        get: operations["webhooks-deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/events/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live events of your orders (Server-Sent Events)
         * @description Your own orders' events as they commit, on whichever API node you reach. The stream ends within 30 s of the session being revoked (logout, password reset, role change). Also the tRPC subscription `orders.onEvent`.
         */
        get: operations["orders-events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/seller/events/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live events of orders holding your lines (sellers; Server-Sent Events)
         * @description Like `/api/orders/events/`, for the orders that contain the seller's lines; each event also has `items`, the seller's own lines of the order only. Also the tRPC subscription `seller.onEvent`.
         */
        get: operations["seller-events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/{product_pk}/upload-image/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add an image to your product
         * @description The seller who owns the product. The image is checked by content. Needs a bearer access token.
         */
        post: operations["products-uploadImage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/{id}/pay/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The simulated gateway's payment page
         * @description An HTML page with the amount and Pay / Fail links to the signed callback. Public.
         */
        get: operations["payments-page"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/{id}/return/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where the buyer lands after Stripe Checkout
         * @description Stripe Checkout's `success_url`: an HTML page saying whether the payment is confirmed, still being confirmed (the webhook decides, not this page), or under review. Public.
         */
        get: operations["payments-returnPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/{id}/cancelled/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where the buyer lands after leaving Stripe Checkout
         * @description Stripe Checkout's `cancel_url`: an HTML page saying nothing was charged and the order can be paid again. Public.
         */
        get: operations["payments-cancelledPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/stripe/webhook/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stripe events (signed)
         * @description Register this URL in Stripe's dashboard. The raw body must carry a valid `Stripe-Signature` header (`t=…,v1=…`: HMAC-SHA256 of `t.body` with STRIPE_WEBHOOK_SECRET, 300 s tolerance); otherwise 400 and nothing changes. Handled: `checkout.session.completed`, `checkout.session.async_payment_succeeded`, `checkout.session.async_payment_failed`, `checkout.session.expired`, `charge.refunded`; other types are acknowledged and ignored. Each event id is applied once. 404 when PAYMENT_PROVIDER is not stripe. Public.
         */
        post: operations["payments-stripeWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness
         * @description 200 while the process serves requests. Public.
         */
        get: operations["health-live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness of the API and each backing service
         * @description 200 while the database answers (`degraded` while Redis or Meilisearch is down: fallbacks serve); 503 without the database. Public.
         */
        get: operations["health-ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ModeratedReview: {
            id: number;
            product: {
                id: number;
                name: string;
            };
            user: {
                id: number;
                username: string;
            };
            rating: number;
            comment: string;
            /** @enum {string} */
            status: "pending" | "published" | "hidden";
            created_at: string;
            hidden_at: string | null;
            hidden_by: {
                id: number;
                username: string;
            } | null;
            hidden_reason: string | null;
        };
        SellerStats: {
            revenue: string;
            orders: number;
            units: number;
            by_day: {
                date: string;
                revenue: string;
                units: number;
            }[];
            top_products: {
                product_id: number | null;
                name: string;
                units: number;
                revenue: string;
            }[];
        };
        __schema0: {
            id: number;
            name: string;
            slug: string;
            description: string;
            parent: number | null;
            children: components["schemas"]["__schema0"][];
        };
        ErrorBody: {
            /** @description What went wrong, for people. */
            detail: string;
            /** @description What went wrong, for programs (e.g. VALIDATION_ERROR, OUT_OF_STOCK). */
            code: string;
            /** @description Validation errors: the messages of each invalid field. */
            fields?: {
                [key: string]: string[];
            };
        };
        Readiness: {
            /** @enum {string} */
            status: "ok" | "degraded" | "down";
            checks: {
                /** @enum {string} */
                database: "ok" | "down";
                /** @enum {string} */
                redis?: "ok" | "down";
                /** @enum {string} */
                meilisearch?: "ok" | "down";
            };
        };
    };
    responses: {
        /** @description Invalid input: `fields` names each invalid field. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description No bearer token, or an invalid or expired one. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description Authenticated, but not allowed to do this. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description No such object (also for other users' private objects). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description Conflicts with the current state (duplicate, out of stock, illegal move). */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description The body (or the uploaded file) is too large. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description The request URL is longer than 8192 characters. */
        UriTooLong: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description The body's content type (or the uploaded file's type) is not accepted. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description Rate limited: wait `Retry-After` seconds. */
        TooManyRequests: {
            headers: {
                /** @description Seconds to wait before trying again. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /** @description The database is unavailable: retry after `Retry-After` seconds. */
        ServiceUnavailable: {
            headers: {
                /** @description Seconds to wait before trying again. */
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    "auth-register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                    /** Format: email */
                    email: string;
                    password: string;
                    /** @default  */
                    first_name?: string;
                    /** @default  */
                    last_name?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "auth-verifyEmail": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                uidb64: string;
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            414: components["responses"]["UriTooLong"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "auth-confirmEmail": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                uidb64: string;
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            409: components["responses"]["Conflict"];
            414: components["responses"]["UriTooLong"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "auth-login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    username: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
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
                            /** @enum {string} */
                            role: "customer" | "seller" | "admin";
                            is_active: boolean;
                            date_joined: string;
                        };
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "auth-logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refresh: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "auth-requestPasswordReset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "auth-confirmPasswordReset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    uid: string;
                    token: string;
                    new_password: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "auth-refreshToken": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refresh: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        access: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "auth-verifyToken": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "cart-get": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        items: {
                            id: number;
                            variant: {
                                id: number;
                                sku: string;
                                name: string;
                                price: string;
                                product: {
                                    id: number;
                                    name: string;
                                };
                            };
                            quantity: number;
                            subtotal: string;
                        }[];
                        item_count: number;
                        total: string;
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            414: components["responses"]["UriTooLong"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "cart-clear": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "cart-add": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    variant_id: number;
                    /** @default 1 */
                    quantity?: number;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        items: {
                            id: number;
                            variant: {
                                id: number;
                                sku: string;
                                name: string;
                                price: string;
                                product: {
                                    id: number;
                                    name: string;
                                };
                            };
                            quantity: number;
                            subtotal: string;
                        }[];
                        item_count: number;
                        total: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "cart-update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    quantity: number;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        items: {
                            id: number;
                            variant: {
                                id: number;
                                sku: string;
                                name: string;
                                price: string;
                                product: {
                                    id: number;
                                    name: string;
                                };
                            };
                            quantity: number;
                            subtotal: string;
                        }[];
                        item_count: number;
                        total: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "cart-remove": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "categories-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["__schema0"][];
                };
            };
            414: components["responses"]["UriTooLong"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "categories-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["__schema0"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "fulfilment-sellerItems": {
        parameters: {
            query?: {
                page?: number;
                page_size?: number;
                status?: "pending" | "paid" | "shipped" | "delivered" | "cancelled" | "refunded";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        next: string | null;
                        previous: string | null;
                        results: {
                            id: number;
                            variant_id: number | null;
                            product_name: string;
                            variant_name: string;
                            sku: string;
                            unit_price: string;
                            quantity: number;
                            subtotal: string;
                            order_id: number;
                            /** @enum {string} */
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
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "fulfilment-shipItem": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        variant_id: number | null;
                        product_name: string;
                        variant_name: string;
                        sku: string;
                        unit_price: string;
                        quantity: number;
                        subtotal: string;
                        order_id: number;
                        /** @enum {string} */
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
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "fulfilment-markDelivered": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        /** @enum {string} */
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
                            /** @enum {string} */
                            status: "initiated" | "succeeded" | "failed" | "refunded";
                            provider: string;
                            refund_required: boolean;
                            review_required: boolean;
                            created_at: string;
                            completed_at: string | null;
                        }[];
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "fulfilment-refund": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        /** @enum {string} */
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
                            /** @enum {string} */
                            status: "initiated" | "succeeded" | "failed" | "refunded";
                            provider: string;
                            refund_required: boolean;
                            review_required: boolean;
                            created_at: string;
                            completed_at: string | null;
                        }[];
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "orders-create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    shipping_address: {
                        full_name: string;
                        line1: string;
                        /** @default  */
                        line2?: string;
                        city: string;
                        postal_code: string;
                        country: string;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        /** @enum {string} */
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
                            /** @enum {string} */
                            status: "initiated" | "succeeded" | "failed" | "refunded";
                            provider: string;
                            refund_required: boolean;
                            review_required: boolean;
                            created_at: string;
                            completed_at: string | null;
                        }[];
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "orders-list": {
        parameters: {
            query?: {
                page?: number;
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        next: string | null;
                        previous: string | null;
                        results: {
                            id: number;
                            /** @enum {string} */
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
                                /** @enum {string} */
                                status: "initiated" | "succeeded" | "failed" | "refunded";
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
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "orders-detail": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        /** @enum {string} */
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
                            /** @enum {string} */
                            status: "initiated" | "succeeded" | "failed" | "refunded";
                            provider: string;
                            refund_required: boolean;
                            review_required: boolean;
                            created_at: string;
                            completed_at: string | null;
                        }[];
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "orders-cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        /** @enum {string} */
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
                            /** @enum {string} */
                            status: "initiated" | "succeeded" | "failed" | "refunded";
                            provider: string;
                            refund_required: boolean;
                            review_required: boolean;
                            created_at: string;
                            completed_at: string | null;
                        }[];
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "payments-initiate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    order_id: number;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        payment_id: string;
                        order_id: number;
                        amount: string;
                        /** @constant */
                        status: "initiated";
                        /** @enum {string} */
                        provider: "simulated" | "stripe";
                        payment_url: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "payments-callback": {
        parameters: {
            query: {
                payment_id: string;
                status: "success" | "failed";
                signature: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        payment_id: string;
                        /** @enum {string} */
                        status: "initiated" | "succeeded" | "failed" | "refunded";
                        /** @enum {string} */
                        order_status: "pending" | "paid" | "shipped" | "delivered" | "cancelled" | "refunded";
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            414: components["responses"]["UriTooLong"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "products-list": {
        parameters: {
            query?: {
                category?: number;
                seller?: number;
                min_price?: number | string;
                max_price?: number | string;
                in_stock?: string;
                ordering?: "price" | "-price" | "created_at" | "-created_at" | "rating" | "-rating" | "name" | "-name";
                page?: number;
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        next: string | null;
                        previous: string | null;
                        results: {
                            id: number;
                            name: string;
                            slug: string;
                            description: string;
                            category: number;
                            seller: {
                                id: number;
                                username: string;
                            };
                            price_from: string;
                            images: {
                                id: number;
                                url: string;
                                alt_text: string;
                            }[];
                            variants: {
                                id: number;
                                sku: string;
                                name: string;
                                price: string;
                                stock: number;
                                attributes: {
                                    [key: string]: string | number | boolean;
                                };
                            }[];
                            average_rating: number | null;
                            review_count: number;
                            created_at: string;
                            updated_at: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "products-get": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        slug: string;
                        description: string;
                        category: number;
                        seller: {
                            id: number;
                            username: string;
                        };
                        price_from: string;
                        images: {
                            id: number;
                            url: string;
                            alt_text: string;
                        }[];
                        variants: {
                            id: number;
                            sku: string;
                            name: string;
                            price: string;
                            stock: number;
                            attributes: {
                                [key: string]: string | number | boolean;
                            };
                        }[];
                        average_rating: number | null;
                        review_count: number;
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "products-delete": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "products-update": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    description?: string;
                    category?: number;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        slug: string;
                        description: string;
                        category: number;
                        seller: {
                            id: number;
                            username: string;
                        };
                        price_from: string;
                        images: {
                            id: number;
                            url: string;
                            alt_text: string;
                        }[];
                        variants: {
                            id: number;
                            sku: string;
                            name: string;
                            price: string;
                            stock: number;
                            attributes: {
                                [key: string]: string | number | boolean;
                            };
                        }[];
                        average_rating: number | null;
                        review_count: number;
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "products-create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @default  */
                    description?: string;
                    category: number;
                    variants: {
                        sku: string;
                        name: string;
                        price: number | string;
                        stock: number;
                        attributes?: {
                            [key: string]: string | number | boolean;
                        };
                    }[];
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        slug: string;
                        description: string;
                        category: number;
                        seller: {
                            id: number;
                            username: string;
                        };
                        price_from: string;
                        images: {
                            id: number;
                            url: string;
                            alt_text: string;
                        }[];
                        variants: {
                            id: number;
                            sku: string;
                            name: string;
                            price: string;
                            stock: number;
                            attributes: {
                                [key: string]: string | number | boolean;
                            };
                        }[];
                        average_rating: number | null;
                        review_count: number;
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "products-addVariant": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    sku: string;
                    name: string;
                    price: number | string;
                    stock: number;
                    attributes?: {
                        [key: string]: string | number | boolean;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        slug: string;
                        description: string;
                        category: number;
                        seller: {
                            id: number;
                            username: string;
                        };
                        price_from: string;
                        images: {
                            id: number;
                            url: string;
                            alt_text: string;
                        }[];
                        variants: {
                            id: number;
                            sku: string;
                            name: string;
                            price: string;
                            stock: number;
                            attributes: {
                                [key: string]: string | number | boolean;
                            };
                        }[];
                        average_rating: number | null;
                        review_count: number;
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "products-deleteVariant": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                variant_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        slug: string;
                        description: string;
                        category: number;
                        seller: {
                            id: number;
                            username: string;
                        };
                        price_from: string;
                        images: {
                            id: number;
                            url: string;
                            alt_text: string;
                        }[];
                        variants: {
                            id: number;
                            sku: string;
                            name: string;
                            price: string;
                            stock: number;
                            attributes: {
                                [key: string]: string | number | boolean;
                            };
                        }[];
                        average_rating: number | null;
                        review_count: number;
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "products-updateVariant": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                variant_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    sku?: string;
                    name?: string;
                    price?: number | string;
                    stock?: number;
                    attributes?: {
                        [key: string]: string | number | boolean;
                    };
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        name: string;
                        slug: string;
                        description: string;
                        category: number;
                        seller: {
                            id: number;
                            username: string;
                        };
                        price_from: string;
                        images: {
                            id: number;
                            url: string;
                            alt_text: string;
                        }[];
                        variants: {
                            id: number;
                            sku: string;
                            name: string;
                            price: string;
                            stock: number;
                            attributes: {
                                [key: string]: string | number | boolean;
                            };
                        }[];
                        average_rating: number | null;
                        review_count: number;
                        created_at: string;
                        updated_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "products-deleteImage": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                image_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "products-reviews": {
        parameters: {
            query?: {
                page?: number;
                page_size?: number;
            };
            header?: never;
            path: {
                product_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        next: string | null;
                        previous: string | null;
                        results: {
                            id: number;
                            user: {
                                id: number;
                                username: string;
                            };
                            rating: number;
                            comment: string;
                            /** @enum {string} */
                            status: "pending" | "published" | "hidden";
                            created_at: string;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "products-addReview": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                product_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    rating: number;
                    /** @default  */
                    comment?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        user: {
                            id: number;
                            username: string;
                        };
                        rating: number;
                        comment: string;
                        /** @enum {string} */
                        status: "pending" | "published" | "hidden";
                        created_at: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "profile-me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        username: string;
                        email: string;
                        pending_email: string | null;
                        first_name: string;
                        last_name: string;
                        profile_picture: string | null;
                        /** @enum {string} */
                        role: "customer" | "seller" | "admin";
                        is_active: boolean;
                        date_joined: string;
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            414: components["responses"]["UriTooLong"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "profile-update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    first_name?: string;
                    last_name?: string;
                    /** Format: email */
                    email?: string;
                    current_password?: string;
                };
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description JPEG, PNG, WebP or GIF (checked by content), 5 MB at most
                     */
                    profile_picture?: string;
                    first_name?: string;
                    last_name?: string;
                    /**
                     * Format: email
                     * @description Asks for a new address (confirmed by a link)
                     */
                    email?: string;
                    /** @description Required with a new email */
                    current_password?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        username: string;
                        email: string;
                        pending_email: string | null;
                        first_name: string;
                        last_name: string;
                        profile_picture: string | null;
                        /** @enum {string} */
                        role: "customer" | "seller" | "admin";
                        is_active: boolean;
                        date_joined: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "reviews-moderationQueue": {
        parameters: {
            query?: {
                status?: "pending" | "published" | "hidden";
                page?: number;
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                        next: string | null;
                        previous: string | null;
                        results: components["schemas"]["ModeratedReview"][];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "reviews-publish": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModeratedReview"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "reviews-hide": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModeratedReview"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "search-search": {
        parameters: {
            query: {
                q: string;
                type?: "product" | "category";
                page?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        query: string;
                        products?: {
                            id: number;
                            name: string;
                            slug: string;
                            description: string;
                            category: number;
                            seller: {
                                id: number;
                                username: string;
                            };
                            price_from: string;
                            images: {
                                id: number;
                                url: string;
                                alt_text: string;
                            }[];
                            variants: {
                                id: number;
                                sku: string;
                                name: string;
                                price: string;
                                stock: number;
                                attributes: {
                                    [key: string]: string | number | boolean;
                                };
                            }[];
                            average_rating: number | null;
                            review_count: number;
                            created_at: string;
                            updated_at: string;
                        }[];
                        categories?: {
                            id: number;
                            name: string;
                            slug: string;
                            description: string;
                            parent: number | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            414: components["responses"]["UriTooLong"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "seller-stats": {
        parameters: {
            query?: {
                days?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SellerStats"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            414: components["responses"]["UriTooLong"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "webhooks-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        url: string;
                        events: string[];
                        description: string;
                        created_at: string;
                    }[];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            414: components["responses"]["UriTooLong"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "webhooks-create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uri */
                    url: string;
                    events: ("order.created" | "order.paid" | "order.shipped" | "order.delivered" | "order.cancelled" | "order.refunded" | "product.created" | "product.updated" | "product.deleted")[];
                    /** @default  */
                    description?: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        url: string;
                        events: string[];
                        description: string;
                        created_at: string;
                        secret: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "webhooks-remove": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no content. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "webhooks-deliveries": {
        parameters: {
            query?: {
                page?: number;
                page_size?: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
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
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "orders-events": {
        parameters: {
            query?: never;
            header?: {
                /** @description Replay the events after this id first, then continue live. */
                "Last-Event-ID"?: number;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `text/event-stream`: frames `id: <event id>`, `event: <type>`, `data: <the event as JSON>`; a comment line at least every 15 s. The event is `{id, type, order_id, status, created_at}` (`type` one of `order.created`, `order.paid`, `order.shipped`, `order.delivered`, `order.cancelled`, `order.refunded`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "seller-events": {
        parameters: {
            query?: never;
            header?: {
                /** @description Replay the events after this id first, then continue live. */
                "Last-Event-ID"?: number;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `text/event-stream`: frames `id: <event id>`, `event: <type>`, `data: <the event as JSON>`; a comment line at least every 15 s. The event is `{id, type, order_id, status, created_at}` (`type` one of `order.created`, `order.paid`, `order.shipped`, `order.delivered`, `order.cancelled`, `order.refunded`). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "products-uploadImage": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                product_pk: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description JPEG, PNG, WebP or GIF (checked by content), 5 MB at most
                     */
                    image: string;
                    alt_text?: string;
                };
            };
        };
        responses: {
            /** @description The stored image. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: number;
                        url: string;
                        alt_text: string;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "payments-page": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The payment page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "payments-returnPage": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "payments-cancelledPage": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            414: components["responses"]["UriTooLong"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "payments-stripeWebhook": {
        parameters: {
            query?: never;
            header: {
                "Stripe-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Received (applied, replayed or ignored). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        received: true;
                    };
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            414: components["responses"]["UriTooLong"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    "health-live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            414: components["responses"]["UriTooLong"];
        };
    };
    "health-ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready (ok or degraded). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            414: components["responses"]["UriTooLong"];
            /** @description The database is down. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
        };
    };
}
