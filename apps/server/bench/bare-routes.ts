import Fastify, { type FastifyInstance } from "fastify";
import pg from "pg";
import { PRODUCT_JSON } from "@shop/api";

/**
 * The baselines the catalog is measured against: the same JSON from memory, and from the
 * same hand-written SQL the API runs (PRODUCT_JSON), on a plain pg pool with no framework,
 * as named prepared statements like the API's (product-sql.ts preparedRows).
 */
export async function bareMemoryServer(detail: unknown, list: unknown): Promise<FastifyInstance> {
  const app = Fastify();
  app.get("/detail", async () => detail);
  app.get("/list", async () => list);
  return app;
}

export async function bareSqlServer(
  databaseUrl: string,
  publicUrl: string,
  connections: number,
): Promise<{ app: FastifyInstance; pool: pg.Pool }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  const app = Fastify();
  app.get<{ Querystring: { id: string } }>("/detail", async (request, reply) => {
    const { rows } = await pool.query({
      name: "bare_detail",
      text: `select ${PRODUCT_JSON} as product from products p join users u on u.id = p.seller_id where p.id = $1`,
      values: [Number(request.query.id)],
    });
    if (rows.length === 0) return reply.code(404).send({ detail: "Product not found.", code: "NOT_FOUND" });
    return rows[0].product;
  });
  // The list statement products.ts builds for an unfiltered first page: the count from the
  // per-category counters, the page's JSON built for its own 20 rows.
  app.get("/list", async () => {
    const { rows } = await pool.query({
      name: "bare_list",
      text: `select (select coalesce(sum(products), 0) from category_product_counts)::int as count,
              coalesce((select json_agg(${PRODUCT_JSON} order by r.position)
                        from unnest(array(select p.id from products p order by p.created_at desc, p.id desc limit 20))
                             with ordinality as r(id, position)
                        join products p on p.id = r.id join users u on u.id = p.seller_id), '[]') as results`,
    });
    const { count, results } = rows[0];
    return { count, next: count > 20 ? `${publicUrl}/api/products/?page=2&page_size=20` : null, previous: null, results };
  });
  return { app, pool };
}
