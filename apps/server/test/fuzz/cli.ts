// `pnpm fuzz --requests N [--seed S]`: the suite's fuzz test, N requests long, through vitest
// (its global setup provides the template database); prints the seed and the counts by status.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { requests: { type: "string", default: "20000" }, seed: { type: "string" } } });
const requests = Number(values.requests);
if (!Number.isInteger(requests) || requests < 1 || requests > 10_000_000) {
  console.error("--requests must be a whole number from 1 to 10000000");
  process.exit(1);
}
if (values.seed !== undefined && !/^\d+$/.test(values.seed)) {
  console.error("--seed must be a whole number (the seed a run printed)");
  process.exit(1);
}
const root = path.resolve(import.meta.dirname, "../../../..");
const run = spawnSync("pnpm", ["exec", "vitest", "run", "apps/server/test/fuzz.http.test.ts"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, FUZZ_REQUESTS: String(requests), ...(values.seed !== undefined && { FUZZ_SEED: values.seed }) },
});
process.exit(run.status ?? 1);
