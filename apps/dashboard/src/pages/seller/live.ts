/**
 * How often the seller's order lines are re-read while the Orders page is open. The server's
 * `seller.onEvent` subscription will replace this: subscribe, and invalidate the
 * `fulfilment.sellerItems` queries on each event instead of polling.
 */
export const SELLER_ITEMS_REFRESH_MS = 2_000;
