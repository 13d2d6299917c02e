import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { responseProblem } from "./checks.ts";
import { operationsOf, type FuzzOperation, type OpenApiDocument } from "./operations.ts";
import { fuzzRequest, type FuzzRequest } from "./requests.ts";
import type { FuzzWorld } from "./world.ts";

export interface FuzzFailure {
  index: number;
  request: FuzzRequest;
  status: number | "threw";
  problem: string;
  body: string;
}

export interface FuzzReport {
  seed: number;
  requests: number;
  operations: number;
  byStatus: Record<string, number>;
  byOperation: Record<string, number>;
  /** Operations of the document that no REST request reached. */
  unexercised: string[];
  /** Operations that answered 2xx at least once. */
  succeeded: Set<string>;
  failures: FuzzFailure[];
  seconds: number;
}

const CLIENT_ADDRESSES = ["10.9.0.1", "10.9.0.2", "10.9.0.3", "2001:db8::9"];

/** The seed of this run: FUZZ_SEED to replay one, otherwise a new one (printed by the caller). */
export const fuzzSeed = (): number =>
  process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);

/**
 * The operations of the document the server itself publishes, less the Server-Sent Event streams:
 * an accepted stream stays open, so one request would hold the run (order-events.http.test.ts
 * covers their refusals and their streams).
 */
export async function publishedOperations(app: FastifyInstance): Promise<FuzzOperation[]> {
  const document = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json() as OpenApiDocument & {
    paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>>;
  };
  const streams = new Set(
    Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, operation]) => Object.values(operation.responses ?? {}).some((r) => r.content?.["text/event-stream"]))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    ),
  );
  return operationsOf(document).filter((operation) => !streams.has(`${operation.method} ${operation.path}`));
}

/**
 * Sends `requests` fuzzed requests (fast-check, from `seed`) through the real server, one at a
 * time, and checks every answer. Failures are collected, not thrown, so one run counts them all
 * and its statuses; the same seed against the same seeded database replays the same requests.
 */
export async function runFuzz(
  app: FastifyInstance,
  world: FuzzWorld,
  { seed, requests }: { seed: number; requests: number },
): Promise<FuzzReport> {
  const operations = await publishedOperations(app);
  const report: FuzzReport = {
    seed,
    requests,
    operations: operations.length,
    byStatus: {},
    byOperation: {},
    unexercised: [],
    succeeded: new Set(),
    failures: [],
    seconds: 0,
  };
  const started = performance.now();
  let index = 0;
  await fc.assert(
    fc.asyncProperty(fuzzRequest(operations, world), async (request) => {
      const at = index++;
      const operation = request.label.split(" ")[1]!;
      report.byOperation[operation] = (report.byOperation[operation] ?? 0) + 1;
      try {
        const response = await app.inject({
          ...request,
          method: request.method as "GET",
          remoteAddress: CLIENT_ADDRESSES[at % 4],
        });
        report.byStatus[response.statusCode] = (report.byStatus[response.statusCode] ?? 0) + 1;
        if (response.statusCode < 300) report.succeeded.add(operation);
        const problem = responseProblem(request.url, request.method, response);
        if (problem)
          report.failures.push({ index: at, request, status: response.statusCode, problem, body: response.body.slice(0, 300) });
      } catch (error) {
        report.byStatus.threw = (report.byStatus.threw ?? 0) + 1;
        report.failures.push({ index: at, request, status: "threw", problem: String(error), body: "" });
      }
      return true;
    }),
    { seed, numRuns: requests, endOnFailure: true },
  );
  report.unexercised = operations.map((operation) => operation.operationId).filter((id) => !report.byOperation[id]);
  report.seconds = Math.round((performance.now() - started) / 100) / 10;
  return report;
}

const clip = (text: string | Buffer | undefined, length = 200) =>
  text === undefined ? "" : JSON.stringify(String(text).slice(0, length)) + (String(text).length > length ? "…" : "");

/** The report as lines for people: the seed to replay, counts by status, and each failure. */
export function describeReport(report: FuzzReport): string {
  const statuses = Object.entries(report.byStatus)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `${status}: ${count}`)
    .join(", ");
  const lines = [
    `fuzz: ${report.requests} requests over ${report.operations} operations in ${report.seconds} s, seed ${report.seed} (replay: FUZZ_SEED=${report.seed})`,
    `fuzz: by status — ${statuses}`,
    `fuzz: operations never answered 2xx: ${
      Object.keys(report.byOperation)
        .filter((operation) => !report.succeeded.has(operation))
        .sort()
        .join(", ") || "none"
    }`,
    `fuzz: ${report.failures.length} failures`,
    ...report.failures
      .slice(0, 20)
      .map(
        (f) =>
          `  #${f.index} ${f.request.label}: ${f.problem}\n    ${f.request.method} ${clip(f.request.url)} ${JSON.stringify(f.request.headers)} ${clip(f.request.payload)}\n    → ${f.status} ${clip(f.body)}`,
      ),
  ];
  return lines.join("\n");
}
