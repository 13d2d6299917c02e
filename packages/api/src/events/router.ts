import { tracked } from "@trpc/server";
import { z } from "zod";
import { authedProcedure, router, sellerProcedure } from "../trpc.ts";
import { orderEventStream } from "./streams.ts";

/** `lastEventId` is what `tracked()` ids give back on a reconnect (a string), or a number. */
const resumeInput = z.object({ lastEventId: z.coerce.number().int().min(0).max(2_147_483_647).nullish() }).optional();

/** `orders.onEvent`: the caller's own order events over SSE (API.md §8). */
export const ordersOnEvent = authedProcedure.input(resumeInput).subscription(async function* ({ ctx, input, signal }) {
  for await (const event of orderEventStream(ctx, "buyer", input?.lastEventId ?? undefined, signal)) {
    yield tracked(String(event.id), event);
  }
});

/** `seller.onEvent`: events of orders holding the seller's lines, with only those lines. */
export const sellerEventsRouter = router({
  onEvent: sellerProcedure.input(resumeInput).subscription(async function* ({ ctx, input, signal }) {
    for await (const event of orderEventStream(ctx, "seller", input?.lastEventId ?? undefined, signal)) {
      yield tracked(String(event.id), event);
    }
  }),
});
