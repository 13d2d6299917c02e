import fc from "fast-check";
import type { FuzzOperation, Parameter, Schema } from "./operations.ts";
import { bodyFor, mutatedValue, NOT_JSON, withKnownValues, type Body } from "./bodies.ts";
import { asText, fromSchema, nastyNumber, nastyString, weighted, wildValue } from "./values.ts";
import { TOKEN_KINDS, type FuzzWorld } from "./world.ts";

/** One request as `app.inject` takes it, with a label saying what it fuzzes. */
export interface FuzzRequest {
  label: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

/** A value for a parameter or property: as the schema says, a real id, or anything at all. */
const valueFor = (schema: Schema, world: FuzzWorld) =>
  weighted<unknown>(
    [5, fromSchema(schema)],
    [3, fc.constantFrom(...world.ids)],
    [1, world.uuids.length ? fc.constantFrom(...world.uuids) : fc.uuid()],
    [2, nastyString],
    [1, nastyNumber],
  );

/** Percent-encoding that survives lone surrogates (sent as U+FFFD, as a browser would). */
const encode = (text: string) =>
  encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, (c, i: number) => (isPaired(text, i) ? c : "\uFFFD")));
const isPaired = (text: string, i: number) => {
  const code = text.charCodeAt(i);
  return code < 0xdc00 ? (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 : (text.charCodeAt(i - 1) & 0xfc00) === 0xd800;
};

function pathSegment(parameter: Parameter, world: FuzzWorld): fc.Arbitrary<string> {
  return weighted<string>(
    [9, valueFor(parameter.schema, world).map((value) => encode(asText(value)))],
    [1, fc.constantFrom("%E0%A4%A", "%", "..", ".", "%2F", "a%2Fb", "%00", "x".repeat(600), "1;drop", "1.0", "+1", "0x1")],
  );
}

/** The query string: documented keys (each present or not), odd values, repeated and unknown keys. */
function queryString(operation: FuzzOperation, world: FuzzWorld): fc.Arbitrary<string> {
  const known = operation.queryParams.map((parameter) =>
    fc.option(
      fc.tuple(
        fc.constant(parameter.name),
        weighted<unknown>([6, valueFor(parameter.schema, world)], [1, fc.array(wildValue, { maxLength: 3 })]),
      ),
      { freq: 3 },
    ),
  );
  const extra = fc.array(fc.tuple(nastyString, wildValue), { maxLength: 2 });
  return fc.tuple(fc.tuple(...known), extra, fc.boolean()).map(([pairs, extras, raw]) => {
    const entries: [string, unknown][] = [...pairs.filter((pair) => pair !== null), ...extras];
    return entries
      .flatMap(([key, value]) => (Array.isArray(value) ? value.map((item) => [key, item] as const) : [[key, value] as const]))
      .map(([key, value]) => `${encode(key)}=${raw ? asText(value).replace(/[#&\s]/g, "") : encode(asText(value))}`)
      .join("&");
  });
}

/** Every kind of token, the valid ones more often (so requests get past authentication). */
const tokenKind = fc.constantFrom(...TOKEN_KINDS, "customer", "seller", "admin", "customer", "seller", "admin");

/** Header values an HTTP parser lets through: visible ASCII and Latin-1 (obs-text), short or long. */
const headerText = (maxLength: number) =>
  fc.string({
    unit: fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff })).map(String.fromCharCode),
    maxLength,
  });

/** Odd headers beside the body's: a user agent, a request id the server echoes, a client-chosen `Accept`. */
const extraHeaders = fc.record(
  {
    "user-agent": headerText(40),
    "x-request-id": fc.oneof(headerText(60), fc.constant("r".repeat(9000))),
    accept: fc.constantFrom("application/xml", "*/*", "text/html", ""),
  },
  { requiredKeys: [] },
);

/** A REST request to one operation, every part of it fuzzed. */
function restRequest(operation: FuzzOperation, world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  const segments = fc.tuple(...operation.pathParams.map((parameter) => pathSegment(parameter, world)));
  const takesBody = Object.keys(operation.bodies).length > 0 || !["GET", "DELETE"].includes(operation.method);
  return fc
    .record({
      segments,
      query: weighted([operation.queryParams.length ? 3 : 1, queryString(operation, world)], [1, fc.constant("")]),
      body: takesBody
        ? bodyFor(operation, world)
        : weighted<Body>([6, fc.constant({ headers: {} })], [1, bodyFor(operation, world)]),
      token: tokenKind,
      method: weighted(
        [19, fc.constant(operation.method)],
        [1, fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD")],
      ),
      shape: weighted(
        [16, fc.constant("as-documented")],
        [1, fc.constantFrom("no-trailing-slash", "extra-segment", "double-slash", "upper-case")],
      ),
      extra: extraHeaders,
    })
    .map(({ segments, query, body, token, method, shape, extra }) => {
      let index = 0;
      let path = operation.path.replace(/\{[^}]+\}/g, () => segments[index++] ?? "");
      if (shape === "no-trailing-slash") path = path.replace(/\/$/, "");
      if (shape === "extra-segment") path += "extra/";
      if (shape === "double-slash") path = path.replace("/api/", "/api//");
      if (shape === "upper-case") path = path.toUpperCase();
      const authorization = world.authorization[token];
      return {
        label: `${method} ${operation.operationId} [${token}, ${shape}]`,
        method,
        url: query ? `${path}?${query}` : path,
        headers: { ...extra, ...body.headers, ...(authorization && { authorization }) },
        ...(body.payload !== undefined && { payload: body.payload }),
      };
    });
}

/** The same operation as a /trpc procedure call (query by GET, mutation by POST), with the same fuzzed input. */
function trpcRequest(operation: FuzzOperation, world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  const procedure = operation.operationId.replace("-", ".");
  const isQuery = operation.method === "GET";
  const schema: Schema = {
    type: "object",
    properties: Object.fromEntries(
      [...operation.pathParams, ...operation.queryParams].map((parameter) => [parameter.name, parameter.schema]),
    ),
    required: operation.pathParams.map((parameter) => parameter.name),
  };
  const bodySchema = operation.bodies["application/json"];
  if (bodySchema?.properties) Object.assign(schema.properties!, bodySchema.properties);
  return fc
    .record({
      input: weighted<unknown>([8, mutatedValue(withKnownValues(schema, world))], [1, fc.constant(undefined)]),
      notJson: weighted<string | null>([8, fc.constant(null)], [1, fc.constantFrom(...NOT_JSON)]),
      token: tokenKind,
      batch: fc.boolean(),
    })
    .map(({ input, notJson, token, batch }) => {
      const text = notJson ?? JSON.stringify(batch ? { 0: input, 1: input } : input);
      const target = batch ? `/trpc/${procedure},${procedure}?batch=1` : `/trpc/${procedure}`;
      const authorization = world.authorization[token];
      const headers = { ...(authorization && { authorization }) };
      const label = `trpc ${procedure} [${token}${batch ? ", batch" : ""}]`;
      if (isQuery) {
        const query = text === undefined ? "" : `${batch ? "&" : "?"}input=${encode(text)}`;
        return { label, method: "GET", url: target + query, headers };
      }
      return {
        label,
        method: "POST",
        url: target,
        headers: { ...headers, "content-type": "application/json" },
        ...(text !== undefined && { payload: text }),
      };
    });
}

/** Any request to any operation of the document: REST mostly, /trpc for the procedures' own transport. */
export function fuzzRequest(operations: FuzzOperation[], world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(
    ...operations.map((operation) => weighted([4, restRequest(operation, world)], [1, trpcRequest(operation, world)])),
  );
}
