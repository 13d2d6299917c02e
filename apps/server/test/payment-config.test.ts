import { describe, expect, it } from "vitest";
import { ConfigError, createPaymentGateway, paymentStartupWarnings, parseEnv } from "@shop/runtime";

const production = { NODE_ENV: "production", AUTH_SECRET: "a".repeat(40), PAYMENT_WEBHOOK_SECRET: "b".repeat(40) };
const stripeKeys = { STRIPE_SECRET_KEY: "sk_test_abc123", STRIPE_WEBHOOK_SECRET: "whsec_abc123" };

const errorOf = (env: NodeJS.ProcessEnv) => {
  try {
    parseEnv(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("parseEnv accepted the environment");
};

describe("PAYMENT_PROVIDER and the STRIPE_* settings (parseEnv + the start-up check)", () => {
  it("production without PAYMENT_PROVIDER: one line naming the setting", () => {
    const message = errorOf(production);
    expect(message).toMatch(/^Configuration error: PAYMENT_PROVIDER is required in production: .+$/);
    expect(message).not.toContain("\n");
  });

  it("production with PAYMENT_PROVIDER=simulated: starts, with a warning", () => {
    const env = parseEnv({ ...production, PAYMENT_PROVIDER: "simulated" });
    expect(paymentStartupWarnings(env)).toEqual([expect.stringContaining("PAYMENT_PROVIDER=simulated in production")]);
  });

  it("production with Stripe, and development without a choice: no warning", () => {
    expect(paymentStartupWarnings(parseEnv({ ...production, PAYMENT_PROVIDER: "stripe", ...stripeKeys }))).toEqual([]);
    const development = parseEnv({});
    expect(development.PAYMENT_PROVIDER).toBeUndefined();
    expect(paymentStartupWarnings(development)).toEqual([]);
  });

  it("Stripe needs its keys; the currency is a three-letter code", () => {
    expect(errorOf({ PAYMENT_PROVIDER: "stripe" })).toBe(
      "Configuration error: STRIPE_SECRET_KEY is required with PAYMENT_PROVIDER=stripe",
    );
    expect(errorOf({ PAYMENT_PROVIDER: "stripe", STRIPE_SECRET_KEY: "sk_test_x" })).toBe(
      "Configuration error: STRIPE_WEBHOOK_SECRET is required with PAYMENT_PROVIDER=stripe",
    );
    expect(errorOf({ PAYMENT_PROVIDER: "paypal" })).toMatch(/^Configuration error: PAYMENT_PROVIDER is invalid/);
    expect(errorOf({ ...stripeKeys, PAYMENT_PROVIDER: "stripe", STRIPE_CURRENCY: "euro" })).toMatch(
      /^Configuration error: STRIPE_CURRENCY is invalid/,
    );
    expect(errorOf({ ...stripeKeys, PAYMENT_PROVIDER: "stripe", STRIPE_API_URL: "not a url" })).toMatch(
      /^Configuration error: STRIPE_API_URL is invalid/,
    );
    expect(parseEnv({ ...stripeKeys, PAYMENT_PROVIDER: "stripe", STRIPE_CURRENCY: "USD" }).STRIPE_CURRENCY).toBe("usd");
  });

  it("the composition root builds the gateway PAYMENT_PROVIDER names", () => {
    const config = { publicUrl: "http://shop.test", paymentWebhookSecret: "c".repeat(40) };
    expect(createPaymentGateway(parseEnv({}), config).provider).toBe("simulated");
    const stripe = createPaymentGateway(parseEnv({ PAYMENT_PROVIDER: "stripe", ...stripeKeys, STRIPE_CURRENCY: "CHF" }), config);
    expect(stripe).toMatchObject({ provider: "stripe", currency: "chf" });
    expect(stripe.readWebhook).toBeTypeOf("function");
  });
});
