import { productVersionNames } from "../catalog/cache-names.ts";
import type { Deps } from "../context.ts";
import { enqueueIndexJobs } from "./service.ts";
import { moveOrder } from "./state.ts";
import { returnStock } from "./stock.ts";

/**
 * graphile-worker crontab of the orders domain: a sweep every minute catches any pending
 * order past its deadline whose own `expire_order` job did not run (e.g. placed while the
 * timeout setting was longer). Pass it to startWorker({ crontab }).
 */
export const CRONTAB = "* * * * * expire_unpaid_orders ?max=1\n";

/**
 * Job: cancels the order if it is still pending and returns its stock. Scheduled by checkout
 * for the payment deadline; a payment that lands afterwards is flagged for refund.
 */
export async function expireOrder(deps: Deps, orderId: number): Promise<boolean> {
  const productIds = await deps.db.$transaction(async (tx) => {
    if (!(await moveOrder(tx, orderId, "pending", "cancelled"))) return null;
    const productIds = await returnStock(tx, orderId);
    await enqueueIndexJobs(tx, productIds);
    return productIds;
  });
  if (productIds === null) return false;
  await deps.cache.bump(productVersionNames(productIds));
  deps.logger.info({ orderId }, "unpaid order cancelled");
  return true;
}

/** Cron job: every pending order older than ORDER_PAYMENT_TIMEOUT_MINUTES (database clock). */
export async function expireUnpaidOrders(deps: Deps): Promise<number> {
  const seconds = deps.config.orderPaymentTimeoutMinutes * 60;
  const due = await deps.db.$queryRaw<{ id: number }[]>`
    select id from orders
    where status = 'pending' and created_at <= now() - make_interval(secs => ${seconds}::float8)
    order by created_at limit 500`;
  let cancelled = 0;
  for (const { id } of due) if (await expireOrder(deps, id)) cancelled++;
  return cancelled;
}
