import Fastify, { type FastifyInstance } from "fastify";
import pg from "pg";
import { CHECKOUT_SQL, CHECKOUT_STATEMENT, checkoutParams, verifyAccessToken } from "@shop/api";

/**
 * The reference for checkout: a hand-written Fastify route on a plain pg pool that does what the
 * real route does per request — verify the bearer token, look the session up, run the same
 * one-statement checkout — with no tRPC, Prisma, validation or error shaping in between.
 */
export async function checkoutReferenceServer(
  databaseUrl: string,
  authSecret: string,
  poolSize: number,
): Promise<{ app: FastifyInstance; pool: pg.Pool }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  const app = Fastify();
  app.post<{ Body: { shipping_address: unknown } }>("/orders", async (request, reply) => {
    const claims = await verifyAccessToken(authSecret, (request.headers.authorization ?? "").replace(/^Bearer /, ""));
    if (!claims) return reply.code(401).send({ detail: "Not signed in.", code: "UNAUTHENTICATED" });
    const session = await pool.query("select user_id from sessions where id = $1 and expires_at > now()", [claims.sessionId]);
    if (session.rowCount !== 1) return reply.code(401).send({ detail: "Not signed in.", code: "UNAUTHENTICATED" });
    const { rows } = await pool.query({
      name: CHECKOUT_STATEMENT,
      text: CHECKOUT_SQL,
      values: [...checkoutParams(session.rows[0].user_id, request.body.shipping_address, 3_600_000)],
    });
    const row = rows[0];
    if (row.id === null) return reply.code(409).send({ detail: "Not enough stock.", code: "OUT_OF_STOCK" });
    return reply.code(201).send({ id: row.id, status: row.status, items: row.items });
  });
  return { app, pool };
}
