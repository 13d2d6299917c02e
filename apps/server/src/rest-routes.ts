import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { createCaller, type Context, type Deps } from "@shop/api";
import { contextOf } from "./request-context.ts";
import type { RestOperation } from "./rest-operations.ts";

/** A multipart/form-data body for an operation that also takes one (e.g. a profile picture). */
export type MultipartHandler = (request: FastifyRequest, ctx: Context) => Promise<unknown>;

type Procedure = (input: unknown) => Promise<unknown>;

/** The caller's procedure at a tRPC path such as "orders.cancel". */
export function procedureAt(ctx: Context, path: string): Procedure {
  let node: unknown = createCaller(ctx);
  for (const segment of path.split(".")) node = (node as Record<string, unknown>)[segment];
  return node as Procedure;
}

const hasBody = (method: string) => method !== "GET" && method !== "DELETE";

/** The procedure's input: path parameters over the query (GET, DELETE) or over a JSON object body. */
function inputOf(operation: RestOperation, request: FastifyRequest): unknown {
  if (!operation.takesInput) return undefined;
  const params = request.params as Record<string, string>;
  const source = hasBody(operation.method) ? request.body : request.query;
  if (source === undefined || source === null) return { ...params };
  if (typeof source !== "object" || Array.isArray(source)) return source; // the input schema says why not
  return { ...source, ...params };
}

/**
 * Every REST operation of the router as a Fastify route that runs its procedure through a
 * caller: the same middleware, input and output schemas as /trpc. Errors go to the app's one
 * error handler. `multipart` names the operations that also take multipart/form-data.
 */
export function registerRestRoutes(
  app: FastifyInstance,
  deps: Deps,
  operations: RestOperation[],
  multipart: Partial<Record<string, MultipartHandler>> = {},
): void {
  for (const operation of operations) {
    const multipartHandler = multipart[operation.procedure];
    app.route({
      method: operation.method,
      url: operation.path.replace(/\{(\w+)\}/g, ":$1"),
      async handler(request: FastifyRequest, reply: FastifyReply) {
        const ctx = await contextOf(deps, request);
        const result =
          multipartHandler && request.isMultipart()
            ? await multipartHandler(request, ctx)
            : await procedureAt(ctx, operation.procedure)(inputOf(operation, request));
        if (operation.successStatus === 204) return reply.code(204).send();
        return reply.code(operation.successStatus).send(result);
      },
    });
  }
}
