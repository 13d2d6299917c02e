import type { FastifyInstance } from "fastify";
import { createCaller, renderPaymentOutcomePage, type Deps } from "@shop/api";
import { contextOf } from "./request-context.ts";

/**
 * POST /api/payments/stripe/webhook/ in a plugin scope of its own: its JSON parser keeps the
 * raw bytes (the signature covers them exactly), while the app-wide JSON parser stays as it is.
 */
export async function registerStripeWebhook(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => done(null, body));
    scope.post("/api/payments/stripe/webhook/", async (request, reply) => {
      const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const signature = request.headers["stripe-signature"];
      const result = await createCaller(await contextOf(deps, request)).payments.stripeWebhook({
        rawBody,
        ...(typeof signature === "string" && { signature }),
      });
      return reply.code(200).send(result);
    });
  });
}

/** The pages behind Stripe Checkout's success_url and cancel_url: what happened, in plain words. */
export function registerPaymentReturnPages(app: FastifyInstance, deps: Deps): void {
  for (const page of ["return", "cancelled"] as const) {
    app.get<{ Params: { id: string } }>(`/api/payments/:id/${page}/`, async (request, reply) => {
      const outcome = await createCaller(await contextOf(deps, request)).payments.outcome({ id: request.params.id });
      return reply
        .type("text/html; charset=utf-8")
        .header("cache-control", "no-store")
        .send(renderPaymentOutcomePage(page, outcome));
    });
  }
}
