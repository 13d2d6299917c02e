import { afterAll, beforeAll, expect, it } from "vitest";
import { describeReport, fuzzSeed, runFuzz } from "./fuzz/run.ts";
import { seedFuzzWorld, type FuzzWorld } from "./fuzz/world.ts";
import { startTestApp, type TestApp } from "./support.ts";

// `pnpm fuzz --requests N` runs this file with FUZZ_REQUESTS=N; FUZZ_SEED replays a run.
const requests = Number(process.env.FUZZ_REQUESTS ?? 2000);
const seed = fuzzSeed();

let t: TestApp;
let world: FuzzWorld;
beforeAll(async () => {
  t = await startTestApp({
    // Requests off the document on purpose (HEAD, empty or extra segments, 8 KB URLs) meet
    // answers it does not declare; listed here for the document, not failed (no 5xx, no leak).
    onContractViolations: (violations) =>
      console.log(
        `fuzz: ${violations.length} answers the OpenAPI document does not declare:\n  ${violations.slice(0, 40).join("\n  ")}`,
      ),
  });
  world = await seedFuzzWorld(t);
});
afterAll(() => t?.close());

it(
  `${requests} fuzzed requests over every operation of the OpenAPI document: no 5xx, no leaks (seed ${seed})`,
  async () => {
    console.log(`fuzz: seed ${seed} (replay with FUZZ_SEED=${seed})`);
    const report = await runFuzz(t.app, world, { seed, requests });
    console.log(describeReport(report));
    expect(report.operations).toBeGreaterThanOrEqual(40);
    // Every operation was exercised, and the answers were not all refusals.
    expect(report.unexercised).toEqual([]);
    expect(Object.entries(report.byStatus).filter(([status]) => status.startsWith("2")).length).toBeGreaterThan(0);
    expect(report.failures.map((f) => `#${f.index} ${f.request.label}: ${f.problem}`)).toEqual([]);
  },
  Math.max(120_000, requests * 60),
);
