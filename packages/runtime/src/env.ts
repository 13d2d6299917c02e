import { z } from "zod";

/** The server's settings (API.md, "Configuration"). Nothing else reads process.env. */
const optionalUrl = z.url().optional();

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(8000),
    HOST: z.string().min(1).default("0.0.0.0"),
    PUBLIC_URL: z.url().optional(),
    DATABASE_URL: optionalUrl,
    REDIS_URL: optionalUrl,
    MEILI_HOST: optionalUrl,
    MEILI_MASTER_KEY: z.string().min(1).optional(),
    SMTP_URL: optionalUrl,
    EMAIL_FROM: z.string().min(3).default("Shop Luxe <no-reply@shop-luxe.local>"),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    PAYMENT_WEBHOOK_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    UPLOADTHING_TOKEN: z.string().min(1).optional(),
    DATA_DIR: z.string().min(1).default("./.data"),
    PAYMENT_PROVIDER: z.enum(["simulated", "stripe"]).optional(),
    STRIPE_SECRET_KEY: z
      .string()
      .regex(/^(sk|rk)_(test|live)_\w+$/, "must be a Stripe secret key (sk_test_…, sk_live_…)")
      .optional(),
    STRIPE_WEBHOOK_SECRET: z
      .string()
      .regex(/^whsec_\w+$/, "must be a webhook signing secret (whsec_…)")
      .optional(),
    STRIPE_CURRENCY: z
      .string()
      .regex(/^[a-zA-Z]{3}$/, "must be a three-letter ISO currency code")
      .transform((code) => code.toLowerCase())
      .default("eur"),
    STRIPE_API_URL: optionalUrl,
    ORDER_PAYMENT_TIMEOUT_MINUTES: z.coerce.number().int().min(1).default(30),
    MAX_IMAGES_PER_PRODUCT: z.coerce.number().int().min(1).max(1000).default(20),
    REVIEW_MODERATION: z.enum(["post", "pre"]).default("post"),
    WORKER_IN_PROCESS: z.stringbool().default(true),
    /** Comma-separated browser origins allowed by CORS (none: closed), e.g. "https://shop.example,https://admin.example". */
    CORS_ORIGINS: z
      .string()
      .default("")
      .transform((text) =>
        text
          .split(",")
          .map((origin) => origin.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z
            .url()
            .refine((url) => URL.canParse(url) && new URL(url).origin === url, "each origin is scheme://host[:port], no path"),
        ),
      ),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .refine((env) => env.NODE_ENV !== "production" || env.AUTH_SECRET, {
    path: ["AUTH_SECRET"],
    message: "is required in production",
  })
  .refine((env) => env.NODE_ENV !== "production" || env.PAYMENT_WEBHOOK_SECRET, {
    path: ["PAYMENT_WEBHOOK_SECRET"],
    message: "is required in production",
  })
  // The simulated gateway lets buyers mark their own orders paid: production must choose it by name.
  .refine((env) => env.NODE_ENV !== "production" || env.PAYMENT_PROVIDER, {
    path: ["PAYMENT_PROVIDER"],
    message: "is required in production: set PAYMENT_PROVIDER=stripe (or PAYMENT_PROVIDER=simulated to accept fake payments)",
  })
  .refine((env) => env.PAYMENT_PROVIDER !== "stripe" || env.STRIPE_SECRET_KEY, {
    path: ["STRIPE_SECRET_KEY"],
    message: "is required with PAYMENT_PROVIDER=stripe",
  })
  .refine((env) => env.PAYMENT_PROVIDER !== "stripe" || env.STRIPE_WEBHOOK_SECRET, {
    path: ["STRIPE_WEBHOOK_SECRET"],
    message: "is required with PAYMENT_PROVIDER=stripe",
  });

export type Env = z.infer<typeof schema>;

export class ConfigError extends Error {}

/** Parses the environment; the first bad setting becomes one line that names it. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const blanksRemoved = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = schema.safeParse(blanksRemoved);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const name = String(issue.path[0] ?? "environment");
  const shown = name in blanksRemoved ? "is invalid" : "is missing";
  throw new ConfigError(`Configuration error: ${name} ${issue.code === "custom" ? issue.message : `${shown}: ${issue.message}`}`);
}

/** For entry points: a bad setting prints its one line and exits 1. */
export function loadEnvOrExit(source: NodeJS.ProcessEnv = process.env): Env {
  try {
    return parseEnv(source);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
