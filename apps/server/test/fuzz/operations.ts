/** A JSON Schema as the OpenAPI document writes it (only what the fuzzer reads). */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

export interface Parameter {
  name: string;
  required: boolean;
  schema: Schema;
}

/** One operation of the document, with what a request to it is made of. */
export interface FuzzOperation {
  operationId: string;
  method: string;
  /** As the document writes it, e.g. "/api/orders/{id}/". */
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** The schema of each content type the body may have (none: no body). */
  bodies: Record<string, Schema>;
  needsToken: boolean;
}

interface DocumentOperation {
  operationId?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  security?: unknown[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, DocumentOperation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** Replaces `$ref`s to `#/components/schemas/…` with the schema they name (cycles cut at `depth`). */
export function resolveRefs(schema: Schema, document: OpenApiDocument, depth = 0): Schema {
  if (depth > 8) return {};
  if (schema.$ref) {
    const name = schema.$ref.replace("#/components/schemas/", "");
    return resolveRefs(document.components?.schemas?.[name] ?? {}, document, depth + 1);
  }
  const resolve = (s: Schema) => resolveRefs(s, document, depth + 1);
  return {
    ...schema,
    ...(schema.anyOf && { anyOf: schema.anyOf.map(resolve) }),
    ...(schema.oneOf && { oneOf: schema.oneOf.map(resolve) }),
    ...(schema.allOf && { allOf: schema.allOf.map(resolve) }),
    ...(schema.items && { items: resolve(schema.items) }),
    ...(schema.properties && {
      properties: Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, resolve(value)])),
    }),
    ...(typeof schema.additionalProperties === "object" && { additionalProperties: resolve(schema.additionalProperties) }),
  };
}

/** Every operation of the document, each with its parameters and body schemas resolved. */
export function operationsOf(document: OpenApiDocument): FuzzOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => {
      const parameters = (location: string): Parameter[] =>
        (operation.parameters ?? [])
          .filter((parameter) => parameter.in === location)
          .map((parameter) => ({
            name: parameter.name,
            required: parameter.required ?? false,
            schema: resolveRefs(parameter.schema ?? {}, document),
          }));
      const bodies = Object.fromEntries(
        Object.entries(operation.requestBody?.content ?? {}).map(([type, { schema }]) => [
          type,
          resolveRefs(schema ?? {}, document),
        ]),
      );
      return {
        operationId: operation.operationId ?? `${method} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: parameters("path"),
        queryParams: parameters("query"),
        bodies,
        needsToken: (operation.security ?? []).length > 0,
      };
    }),
  );
}
