import type { FastifyInstance } from "fastify";
import { createCaller, renderPaymentPage, type Deps } from "@shop/api";
import { contextOf } from "./request-context.ts";

/** The simulated gateway's page behind `payment_url`: HTML with the amount and "Pay"/"Fail" links. */
export function registerPaymentPage(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: { id: string } }>("/api/payments/:id/pay/", async (request, reply) => {
    const page = await createCaller(await contextOf(deps, request)).payments.page({ id: request.params.id });
    return reply.type("text/html; charset=utf-8").header("cache-control", "no-store").send(renderPaymentPage(page));
  });
}
