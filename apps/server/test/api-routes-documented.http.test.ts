import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "../src/openapi.ts";
import { startTestApp, type TestApp } from "./support.ts";

/** The document itself and its docs page are served under /api on purpose, undocumented. */
const UNDOCUMENTED = /^\/api\/(openapi\.json|docs)/;
/** The protocol's, not the API's: HEAD mirrors GET, OPTIONS answers CORS preflights. */
const IGNORED_METHODS = new Set(["HEAD", "OPTIONS"]);

/** "GET /api/products/{}": the method and the path with parameter names and the trailing slash left out. */
const routeKey = (method: string, path: string) => `${method} ${path.replace(/\{\w+\}|:[^/]+/g, "{}").replace(/(.)\/$/, "$1")}`;

/**
 * Every method and path Fastify serves, read from `printRoutes({ commonPrefix: false })`: one
 * node a line, indented four characters a level, each line's segment continuing its parent's.
 * Parameters that share a node print as `:id|:product_id`, hence the name-free keys.
 */
function registeredRoutes(app: TestApp["app"]): string[] {
  const parents: string[] = [];
  return app
    .printRoutes({ commonPrefix: false })
    .split("\n")
    .flatMap((line) => {
      const match = /^(.*?)[├└]── (.+?) \(([A-Z, ]+)\)$/.exec(line);
      if (!match) return [];
      const depth = match[1]!.length / 4;
      const path = (parents[depth - 1] ?? "") + match[2]!;
      parents[depth] = path;
      return match[3]!.split(", ").map((method) => routeKey(method, path));
    });
}

const documented = Object.entries(buildOpenApiDocument("http://shop.test").paths ?? {}).flatMap(([path, item]) =>
  (["get", "post", "put", "patch", "delete"] as const)
    .filter((method) => item?.[method])
    .map((m) => routeKey(m.toUpperCase(), path)),
);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe("the routes under /api", () => {
  it("are all in the OpenAPI document", () => {
    const routes = registeredRoutes(t.app);
    const undocumented = routes.filter((route) => {
      const [method, path] = route.split(" ") as [string, string];
      return path.startsWith("/api/") && !UNDOCUMENTED.test(path) && !IGNORED_METHODS.has(method) && !documented.includes(route);
    });
    expect(undocumented).toEqual([]);
    // The other way round, which also shows the listing above was read right.
    expect(documented.filter((route) => !routes.includes(route))).toEqual([]);
  });
});
