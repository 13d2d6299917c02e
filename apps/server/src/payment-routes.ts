import type { FastifyInstance } from "fastify";
import { paymentPage, renderPaymentPage, type Deps } from "@shop/api";
import { sendError } from "./http-errors.ts";

/**
 * The simulated gateway's page behind `payment_url`: HTML (which trpc-to-openapi cannot
 * serve) with the amount and "Pay"/"Fail" links to the signed callback.
 */
export function registerPaymentRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: { id: string } }>("/api/payments/:id/pay/", async (request, reply) => {
    try {
      const page = await paymentPage(deps, request.params.id);
      return reply.type("text/html; charset=utf-8").header("cache-control", "no-store").send(renderPaymentPage(page));
    } catch (error) {
      return sendError(reply, error);
    }
  });
}
