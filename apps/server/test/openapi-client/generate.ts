import openapiTS, { astToString } from "openapi-typescript";
import { buildOpenApiDocument } from "../../src/openapi.ts";

export const SCHEMA_FILE = new URL("./schema.d.ts", import.meta.url);

const HEADER = "// Generated from the OpenAPI document by `pnpm openapi:types` (openapi-typescript): do not edit.\n\n";

/** The TypeScript types of the OpenAPI document, as checked in at schema.d.ts. */
export async function generateSchemaTypes(): Promise<string> {
  const document = JSON.stringify(buildOpenApiDocument("http://shop.test"));
  return HEADER + astToString(await openapiTS(document));
}
