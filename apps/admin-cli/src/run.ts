import type { Readable, Writable } from "node:stream";
import { text } from "node:stream/consumers";
import pino from "pino";
import { ConfigError, parseEnv } from "@shop/runtime/env";
import type { Runtime } from "@shop/runtime";
import { parseInvocation } from "./cli.ts";
import { errorBody, oneLine } from "./errors.ts";

export interface AdminIo {
  env: NodeJS.ProcessEnv;
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/**
 * `pnpm admin …` (API.md §6): runs one command and answers its exit code. Results go to
 * stdout (as JSON with --json); logs and the one-line reason of a failure go to stderr.
 */
export async function runAdmin(argv: string[], io: AdminIo): Promise<number> {
  const json = argv.includes("--json");
  let runtime: Runtime | undefined;
  try {
    const invocation = parseInvocation(argv);
    if (invocation.kind === "help") {
      io.stdout.write(`${invocation.text}\n`);
      return 0;
    }
    const { command, values } = invocation;
    if (values["password-stdin"]) values.password = (await text(io.stdin)).replace(/\r?\n$/, "");
    const env = parseEnv(io.env);
    const logger = pino({ level: values.verbose ? env.LOG_LEVEL : "error" }, io.stderr);
    // Loaded here, so `--help` answers without loading Prisma and the router.
    const { createRuntime } = await import("@shop/runtime");
    runtime = await createRuntime(env, logger);
    const result = await command.run(runtime.deps, values);
    io.stdout.write(`${values.json ? JSON.stringify(result, null, 2) : command.describe(result)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`error: ${error.message}\n`);
      return 1;
    }
    const body = await errorBody(error);
    if (json) io.stdout.write(`${JSON.stringify(body)}\n`);
    io.stderr.write(`error: ${oneLine(body)}\n`);
    return 1;
  } finally {
    await runtime?.close();
  }
}
