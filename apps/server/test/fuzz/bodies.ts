import fc from "fast-check";
import type { FuzzOperation, Schema } from "./operations.ts";
import { asText, fromSchema, nastyString, weighted, wildValue } from "./values.ts";
import type { FuzzWorld } from "./world.ts";

/** The content-type header (if any) and the payload of a request. */
export type Body = { headers: Record<string, string>; payload?: string | Buffer };

/** The schema with the world's real values (credentials, tokens, ids) as an alternative for the keys they fit, at any depth. */
export function withKnownValues(schema: Schema, world: FuzzWorld, depth = 0): Schema {
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
export function mutatedValue(schema: Schema): fc.Arbitrary<unknown> {
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

export const NOT_JSON = [
  "{",
  "[1,",
  "nul",
  "\u0000",
  '{"a":1}garbage',
  "{'a':1}",
  '{"a":1,}',
  "[]",
  '""',
  "0",
  "true",
  "\uFEFF{}",
];

/** The body of a request: JSON as documented or mutated, not JSON at all, another content type, or none. */
export function bodyFor(operation: FuzzOperation, world: FuzzWorld): fc.Arbitrary<Body> {
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
