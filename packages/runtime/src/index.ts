export { loadEnvOrExit, parseEnv, ConfigError, type Env } from "./env.ts";
export { createRuntime, type Runtime } from "./runtime.ts";
export { onShutdownSignal } from "./shutdown.ts";
