import { text } from "node:stream/consumers";
import pino from "pino";
import { loadEnvOrExit } from "@shop/runtime/env";
import type { Runtime } from "@shop/runtime";
import { parseInvocation } from "./cli.ts";
import { errorBody, oneLine } from "./errors.ts";

// `pnpm admin …`: seller onboarding and staff accounts (API.md §6).
const argv = process.argv.slice(2);
const json = argv.includes("--json");

async function fail(error: unknown): Promise<void> {
  const body = await errorBody(error);
  if (json) process.stdout.write(`${JSON.stringify(body)}\n`);
  process.stderr.write(`error: ${oneLine(body)}\n`);
  process.exitCode = 1;
}

async function main(): Promise<void> {
  const invocation = parseInvocation(argv);
  if (invocation.kind === "help") {
    process.stdout.write(`${invocation.text}\n`);
    return;
  }
  const { command, values } = invocation;
  if (values["password-stdin"]) values.password = (await text(process.stdin)).replace(/\r?\n$/, "");

  const env = loadEnvOrExit();
  // stdout is for results (and --json); logs go to stderr, and only when asked for.
  const logger = pino({ level: values.verbose ? env.LOG_LEVEL : "error" }, pino.destination(2));
  let runtime: Runtime | undefined;
  try {
    const { createRuntime } = await import("@shop/runtime");
    runtime = await createRuntime(env, logger);
    const result = await command.run(runtime.deps, values);
    process.stdout.write(`${values.json ? JSON.stringify(result, null, 2) : command.describe(result)}\n`);
  } finally {
    await runtime?.close();
  }
}

await main().catch(fail);
// Exit now: the migrate step leaves idle-connection timers behind that would hold the process ~10 s.
process.exit();
