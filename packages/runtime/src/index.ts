export { loadEnvOrExit, parseEnv, ConfigError, type Env } from "./env.ts";
export { createRuntime, type Runtime } from "./runtime.ts";
export { onShutdownSignal } from "./shutdown.ts";
export { createPaymentGateway, paymentStartupWarnings, SIMULATED_IN_PRODUCTION_WARNING } from "./payments.ts";
