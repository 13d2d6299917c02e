import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meilisearchEngine, reindexAll } from "@shop/api";
import { DEMO_PRODUCTS, seedCatalog } from "../src/seed/seed.ts";
import { RELEVANCE_SET, type RelevanceCase } from "./search-relevance-set.ts";
import { startTestApp, type TestApp, type TestAppOptions } from "./support.ts";

/** Share of the set that must have its expected result in the top 3 (or nothing, for the must-find-nothing cases). */
const REQUIRED = 0.95;

interface Outcome {
  case: RelevanceCase;
  top3: string[];
  passed: boolean;
}

async function runSet(t: TestApp): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const c of RELEVANCE_SET) {
    const type = c.type ?? "product";
    const res = await t.app.inject({ method: "GET", url: `/api/search/?type=${type}&limit=3&q=${encodeURIComponent(c.q)}` });
    expect(res.statusCode, res.body).toBe(200);
    const top3 = (res.json()[type === "product" ? "products" : "categories"] as { name: string }[]).map((hit) => hit.name);
    outcomes.push({ case: c, top3, passed: c.expected === null ? top3.length === 0 : top3.includes(c.expected) });
  }
  return outcomes;
}

const report = (outcomes: Outcome[]) =>
  outcomes
    .filter((o) => !o.passed)
    .map(
      (o) =>
        `${o.case.kind}: ${JSON.stringify(o.case.q)} expected ${JSON.stringify(o.case.expected)}, got ${JSON.stringify(o.top3)}`,
    )
    .join("\n");

/** The demo catalog (`pnpm db:seed`), indexed the way `pnpm db:seed` indexes it, then the whole set. */
function relevanceSuite(options: TestAppOptions = {}): () => TestApp {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(options);
    await seedCatalog(t.db, { products: DEMO_PRODUCTS, log: () => {} });
    await reindexAll(await t.context(), { batchSize: 500 });
  }, 120_000);
  afterAll(() => t.close());

  it(`has at least ${REQUIRED * 100} % of the relevance set in the top 3`, async () => {
    expect(RELEVANCE_SET.length).toBeGreaterThanOrEqual(60);
    const outcomes = await runSet(t);
    const share = outcomes.filter((o) => o.passed).length / outcomes.length;
    console.log(`${t.deps.search.name}: ${(share * 100).toFixed(1)} % of ${outcomes.length} queries in the top 3`);
    expect(share, report(outcomes)).toBeGreaterThanOrEqual(REQUIRED);
  }, 60_000);
  return () => t;
}

describe("search relevance set, PostgreSQL engine", () => {
  const statements: string[] = [];
  const app = relevanceSuite({ onQuery: (sql) => statements.push(sql) });

  it("answers with product views in two statements: typo corrections, then ranking and views together", async () => {
    const statementsFor = async (q: string) => {
      statements.length = 0;
      const res = await app().app.inject({ method: "GET", url: `/api/search/?type=product&q=${encodeURIComponent(q)}` });
      expect(res.json().products.length).toBeGreaterThan(0);
      return statements.length;
    };
    expect(await statementsFor("zanzibr silk scraf")).toBe(2);
    // No word long enough for a typo: nothing to correct, one statement.
    expect(await statementsFor("oslo silk")).toBe(1);
  });

  it("is made of every kind of query the issue lists", () => {
    const kinds = new Set(RELEVANCE_SET.map((c) => c.kind));
    for (const kind of [
      "exact",
      "prefix",
      "one typo",
      "two typos",
      "transposition",
      "multi-word",
      "accents",
      "SKU",
      "category name",
      "must find nothing",
    ])
      expect(
        [...kinds].some((k) => k.startsWith(kind)),
        kind,
      ).toBe(true);
  });
});

// The same set against a real Meilisearch (contract test): only when MEILI_HOST is set.
const meiliHost = process.env.MEILI_HOST;
describe.skipIf(!meiliHost)("search relevance set, Meilisearch at MEILI_HOST", () => {
  const indexPrefix = `relevance_${randomBytes(4).toString("hex")}_`;
  const engine = () =>
    meilisearchEngine({ host: meiliHost!, apiKey: process.env.MEILI_MASTER_KEY, indexPrefix, taskTimeoutMs: 60_000 });
  relevanceSuite({ search: engine });
  afterAll(async () => {
    for (const uid of [`${indexPrefix}products`, `${indexPrefix}categories`]) {
      await fetch(`${meiliHost}/indexes/${uid}`, {
        method: "DELETE",
        headers: process.env.MEILI_MASTER_KEY ? { authorization: `Bearer ${process.env.MEILI_MASTER_KEY}` } : {},
      });
    }
  });
});
