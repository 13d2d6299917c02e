import fc from "fast-check";
import type { FuzzOperation, Parameter, Schema } from "./operations.ts";
import { fromSchema, nastyNumber, nastyString, wildValue } from "./values.ts";
import { TOKEN_KINDS, type FuzzWorld } from "./world.ts";

/** One request as `app.inject` takes it, with a label saying what it fuzzes. */
export interface FuzzRequest {
  label: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

type Body = { headers: Record<string, string>; payload?: string | Buffer };

const weighted = <T>(...pairs: [number, fc.Arbitrary<T>][]) =>
  fc.oneof(...pairs.map(([weight, arbitrary]) => ({ weight, arbitrary })));

/** A value for a parameter or property: as the schema says, a real id, or anything at all. */
const valueFor = (schema: Schema, world: FuzzWorld) =>
  weighted<unknown>(
    [5, fromSchema(schema)],
    [3, fc.constantFrom(...world.ids)],
    [1, world.uuids.length ? fc.constantFrom(...world.uuids) : fc.uuid()],
    [2, nastyString],
    [1, nastyNumber],
  );

const asText = (value: unknown) => (typeof value === "string" ? value : (JSON.stringify(value) ?? ""));

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

/** The schema with the world's real values (credentials, tokens, ids) as an alternative for the keys they fit, at any depth. */
function withKnownValues(schema: Schema, world: FuzzWorld, depth = 0): Schema {
  if (depth > 4) return schema;
  const items = schema.items && withKnownValues(schema.items, world, depth + 1);
  if (!schema.properties) return items ? { ...schema, items } : schema;
  const properties = Object.fromEntries(
    Object.entries(schema.properties).map(([key, property]) => {
      const known = world.known[key];
      const inner = withKnownValues(property, world, depth + 1);
      return [key, known?.length ? { anyOf: [inner, { enum: known }, { enum: known }] } : inner];
    }),
  );
  return { ...schema, properties, ...(items && { items }) };
}

/** A body the schema allows, then (most of the time) broken: a key dropped, retyped or added. */
function mutatedValue(schema: Schema): fc.Arbitrary<unknown> {
  const valid = fromSchema(schema);
  if (!schema.properties) return weighted([1, valid], [1, wildValue]);
  const keys = Object.keys(schema.properties);
  const edit = fc.tuple(
    valid,
    fc.constantFrom(...keys, "__proto__", "extra"),
    fc.constantFrom("drop", "retype", "keep"),
    wildValue,
  );
  return weighted<unknown>(
    [3, valid],
    [
      5,
      edit.map(([value, key, how, wild]) => {
        if (typeof value !== "object" || value === null) return value;
        const copy: Record<string, unknown> = { ...value };
        if (how === "drop") delete copy[key];
        else if (how === "retype") Object.defineProperty(copy, key, { value: wild, enumerable: true });
        return copy;
      }),
    ],
    [2, wildValue],
  );
}

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
const GIF = Buffer.from("GIF89a");

function multipart(schema: Schema): fc.Arbitrary<Body> {
  const parts = Object.entries(schema.properties ?? {}).map(([name, property]) =>
    fc.option(
      property.format === "binary"
        ? fc
            .tuple(
              fc.constantFrom(PNG, GIF, Buffer.alloc(0)),
              fc.uint8Array({ maxLength: 64 }),
              fc.constantFrom("a.png", "", "../x.gif", "é.jpg"),
            )
            .map(([magic, rest, filename]) => ({ name, filename, data: Buffer.concat([magic, rest]) }))
        : fc
            .tuple(fromSchema(property), nastyString)
            .map(([value, wild]) => ({ name, data: Buffer.from(asText(value) || wild) })),
      { freq: 4 },
    ),
  );
  return fc.tuple(fc.tuple(...parts), fc.boolean()).map(([chosen, brokenBoundary]) => {
    const boundary = "fuzzboundary7MA4YWxk";
    const body = Buffer.concat([
      ...chosen
        .filter((part) => part !== null)
        .map((part) =>
          Buffer.concat([
            Buffer.from(
              `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"` +
                ("filename" in part ? `; filename="${part.filename}"\r\nContent-Type: image/png` : "") +
                "\r\n\r\n",
            ),
            part.data,
            Buffer.from("\r\n"),
          ]),
        ),
      Buffer.from(brokenBoundary ? `--${boundary}` : `--${boundary}--\r\n`),
    ]);
    return { headers: { "content-type": `multipart/form-data; boundary=${boundary}` }, payload: body };
  });
}

const NOT_JSON = ["{", "[1,", "nul", "\u0000", '{"a":1}garbage', "{'a':1}", '{"a":1,}', "[]", '""', "0", "true", "\uFEFF{}"];

/** The body of a request: JSON as documented or mutated, not JSON at all, another content type, or none. */
function bodyFor(operation: FuzzOperation, world: FuzzWorld): fc.Arbitrary<Body> {
  const jsonSchema = withKnownValues(operation.bodies["application/json"] ?? {}, world);
  const json = (value: unknown): Body => ({
    headers: { "content-type": "application/json" },
    payload: JSON.stringify(value) ?? "",
  });
  const options: [number, fc.Arbitrary<Body>][] = [
    [40, mutatedValue(jsonSchema).map(json)],
    [6, fc.constantFrom(...NOT_JSON).map((payload) => ({ headers: { "content-type": "application/json" }, payload }))],
    [3, fc.constant({ headers: {} })],
    [3, fc.constant({ headers: { "content-type": "application/json" }, payload: "" })],
    [
      6,
      fc
        .tuple(
          fc.constantFrom(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "application/json; charset=latin1",
            "image/png",
            "*/*",
            "application/jsonx",
          ),
          nastyString,
        )
        .map(([type, payload]) => ({ headers: { "content-type": type }, payload })),
    ],
    [3, mutatedValue(jsonSchema).map((value) => ({ headers: {}, payload: JSON.stringify(value) ?? "" }))],
    [1, fc.integer({ min: 1, max: 3 }).map((mb) => json({ big: "x".repeat(mb * 1024 * 1024) }))],
  ];
  const form = operation.bodies["multipart/form-data"];
  if (form) options.push([25, multipart(form)]);
  return weighted(...options);
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
