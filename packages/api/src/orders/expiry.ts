import { inTransaction, type Context } from "../context.ts";
import { afterStockChange } from "./service.ts";
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
export async function expireOrder(ctx: Context, orderId: number): Promise<boolean> {
  const cancelled = await inTransaction(ctx, async (ctx) => {
    if (!(await moveOrder(ctx.db, orderId, "pending", "cancelled"))) return false;
    await afterStockChange(ctx, await returnStock(ctx.db, orderId));
    return true;
  });
  if (cancelled) ctx.logger.info({ orderId }, "unpaid order cancelled");
  return cancelled;
}

/** Cron job: every pending order older than ORDER_PAYMENT_TIMEOUT_MINUTES (database clock). */
export async function expireUnpaidOrders(ctx: Context): Promise<number> {
  const seconds = ctx.config.orderPaymentTimeoutMinutes * 60;
  const due = await ctx.db.$queryRaw<{ id: number }[]>`
    select id from orders
    where status = 'pending' and created_at <= now() - make_interval(secs => ${seconds}::float8)
    order by created_at limit 500`;
  let cancelled = 0;
  for (const { id } of due) if (await expireOrder(ctx, id)) cancelled++;
  return cancelled;
}
