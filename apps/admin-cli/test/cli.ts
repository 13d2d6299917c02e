import { spawn } from "node:child_process";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { runAdmin } from "../src/run.ts";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const main = path.join(repoRoot, "apps/admin-cli/src/main.ts");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (for --json runs). */
  json(): unknown;
}

const result = (code: number | null, stdout: string, stderr: string): CliResult => ({
  code,
  stdout,
  stderr,
  json: () => JSON.parse(stdout),
});

/** Runs the real admin CLI as a child process, as `pnpm admin …` does. */
export function runCliProcess(args: string[], env: Record<string, string>, stdin?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", main, ...args], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve(result(code, stdout, stderr)));
    child.stdin.end(stdin ?? "");
  });
}

/** The same CLI in this process (what main.ts runs), without the cost of starting Node each time. */
export async function runCli(args: string[], env: Record<string, string>, stdin?: string): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = text(stdout);
  const err = text(stderr);
  const code = await runAdmin(args, { env, stdin: Readable.from([stdin ?? ""]), stdout, stderr });
  stdout.end();
  stderr.end();
  return result(code, await out, await err);
}
