import { simulatedGateway, stripeGateway, type PaymentGateway } from "@shop/api";
import type { Env } from "./env.ts";

export const SIMULATED_IN_PRODUCTION_WARNING =
  "PAYMENT_PROVIDER=simulated in production: buyers can mark their own orders paid on the simulated payment page. Use PAYMENT_PROVIDER=stripe for real money.";

/** The provider PAYMENT_PROVIDER names (simulated when unset, which parseEnv allows only outside production). */
export const paymentProviderOf = (env: Env) => env.PAYMENT_PROVIDER ?? "simulated";

/** What start-up must say about the payment setting: the warning of a simulated gateway in production. */
export function paymentStartupWarnings(env: Env): string[] {
  return env.NODE_ENV === "production" && paymentProviderOf(env) === "simulated" ? [SIMULATED_IN_PRODUCTION_WARNING] : [];
}

/** The PaymentGateway adapter of the environment. */
export function createPaymentGateway(env: Env, config: { publicUrl: string; paymentWebhookSecret: string }): PaymentGateway {
  if (paymentProviderOf(env) === "simulated") return simulatedGateway(config);
  return stripeGateway({
    secretKey: env.STRIPE_SECRET_KEY!,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET!,
    currency: env.STRIPE_CURRENCY,
    publicUrl: config.publicUrl,
    ...(env.STRIPE_API_URL && { apiUrl: env.STRIPE_API_URL }),
  });
}
