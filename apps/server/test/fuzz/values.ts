import fc from "fast-check";
import type { Schema } from "./operations.ts";

const SHORT = 24;

/** One of the arbitraries, each chosen in proportion to its weight. */
export const weighted = <T>(...pairs: [number, fc.Arbitrary<T>][]) =>
  fc.oneof(...pairs.map(([weight, arbitrary]) => ({ weight, arbitrary })));

/** A value as the text a query string, a path or a form field carries. */
export const asText = (value: unknown) => (typeof value === "string" ? value : (JSON.stringify(value) ?? ""));

const typesOf = (schema: Schema): string[] =>
  schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];

function stringFrom(schema: Schema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? SHORT, minLength + SHORT));
  if (schema.format === "email") return fc.emailAddress();
  if (schema.format === "uuid") return fc.uuid();
  if (schema.format === "date-time") return fc.date({ noInvalidDate: true }).map((date) => date.toISOString());
  const within = fc.string({ minLength, maxLength });
  if (!schema.pattern) return within;
  try {
    const matching = fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= minLength && s.length <= maxLength);
    return fc.oneof({ arbitrary: matching, weight: 3 }, { arbitrary: within, weight: 1 });
  } catch {
    return within;
  }
}

function numberFrom(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 0.01) : -1e6);
  const high = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : 0.01) : 1e6);
  // Mostly small values (ids, quantities, pages), sometimes anywhere in the allowed range.
  const small = integer ? fc.integer({ min: Math.max(low, -5), max: Math.min(high, 40) }) : fc.constant(Math.max(low, 1));
  const anywhere = integer
    ? fc.integer({ min: Math.max(low, Number.MIN_SAFE_INTEGER), max: Math.min(high, Number.MAX_SAFE_INTEGER) })
    : fc.double({ min: low, max: high, noNaN: true, noDefaultInfinity: true });
  return low <= high ? fc.oneof(small, anywhere) : fc.constant(low);
}

function objectFrom(schema: Schema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const model = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, fromSchema(value, depth + 1)]));
  const required = (schema.required ?? []).filter((key) => key in properties);
  const known = fc.record(model, { requiredKeys: required });
  if (typeof schema.additionalProperties !== "object") return known;
  const extra = fc.dictionary(fc.string({ maxLength: 12 }), fromSchema(schema.additionalProperties, depth + 1), { maxKeys: 3 });
  return fc.tuple(known, extra).map(([a, b]) => ({ ...b, ...a }));
}

/** Values the schema allows, most of the time (patterns and formats are followed where fast-check can). */
export function fromSchema(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => fromSchema(s, depth + 1)));
  if (schema.allOf?.length) return fromSchema(Object.assign({}, ...schema.allOf) as Schema, depth + 1);
  const types = typesOf(schema);
  if (types.length === 0) return schema.properties ? objectFrom(schema, depth) : fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case "string":
          return stringFrom(schema);
        case "integer":
          return numberFrom(schema, true);
        case "number":
          return numberFrom(schema, false);
        case "boolean":
          return fc.boolean();
        case "null":
          return fc.constant(null);
        case "array":
          return fc.array(fromSchema(schema.items ?? {}, depth + 1), {
            minLength: schema.minItems ?? 0,
            maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 4, 4)),
          });
        default:
          return objectFrom(schema, depth);
      }
    }),
  );
}

const nested = (levels: number): unknown => (levels === 0 ? 1 : { a: [nested(levels - 1)] });

/** Strings that have broken parsers, databases and headers before (long ones now and then). */
export const nastyString = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      "",
      " ",
      "\u0000",
      "a\u0000b",
      "null",
      "undefined",
      "NaN",
      "Infinity",
      "-0",
      "1e309",
      "0x10",
      "1_000",
      "١٢٣",
      "true",
      "' OR 1=1 --",
      "\\",
      "%",
      "%00",
      "../../etc/passwd",
      "__proto__",
      "constructor",
      "\uD800",
      "\uFEFFid",
      "‮evil",
      "🛒🛒🛒",
      "e\u0301",
      "9".repeat(40),
      "-99999999999999999999",
      "2026-13-45T25:61:00Z",
    ),
  },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 20 }).map((n) => "x".repeat(n * 1000)) },
);

/** Numbers at and past every boundary the API might have. */
export const nastyNumber = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    0.5,
    1.000001,
    2 ** 31,
    2 ** 31 - 1,
    -(2 ** 31) - 1,
    2 ** 53,
    2 ** 53 + 2,
    1e21,
    1e308,
    -1e308,
    5e-324,
  ),
  fc.double(),
  fc.integer(),
);

/** Anything JSON can say, at any type, including what no schema asks for. */
export const wildValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  nastyNumber,
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom([], {}, [[]], JSON.parse('{"__proto__": {"admin": true}}'), { constructor: { prototype: { x: 1 } } }),
  fc.integer({ min: 1, max: 40 }).map(nested),
);
