import Fastify, { type FastifyInstance } from "fastify";
import pg from "pg";
import { PRODUCT_JSON } from "@shop/api";

/**
 * The baselines the catalog is measured against: the same JSON from memory, and from the
 * same hand-written SQL the API runs (PRODUCT_JSON), on a plain pg pool with no framework.
 */
export async function bareMemoryServer(detail: unknown, list: unknown): Promise<FastifyInstance> {
  const app = Fastify();
  app.get("/detail", async () => detail);
  app.get("/list", async () => list);
  return app;
}

export async function bareSqlServer(databaseUrl: string, publicUrl: string): Promise<{ app: FastifyInstance; pool: pg.Pool }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const app = Fastify();
  app.get<{ Querystring: { id: string } }>("/detail", async (request, reply) => {
    const { rows } = await pool.query(
      `select ${PRODUCT_JSON} as product from products p join users u on u.id = p.seller_id where p.id = $1`,
      [Number(request.query.id)],
    );
    if (rows.length === 0) return reply.code(404).send({ detail: "Product not found.", code: "NOT_FOUND" });
    return rows[0].product;
  });
  app.get("/list", async () => {
    const { rows } = await pool.query(
      `select (select count(*) from products)::int as count,
              coalesce((select json_agg(product) from (
                select ${PRODUCT_JSON} as product from products p join users u on u.id = p.seller_id
                order by p.created_at desc, p.id desc limit 20) page), '[]') as results`,
    );
    const { count, results } = rows[0];
    return { count, next: count > 20 ? `${publicUrl}/api/products/?page=2&page_size=20` : null, previous: null, results };
  });
  return { app, pool };
}
