// `pnpm openapi:types`: regenerates schema.d.ts, the types the openapi-fetch client test is checked against.
import { writeFile } from "node:fs/promises";
import { generateSchemaTypes, SCHEMA_FILE } from "./generate.ts";

await writeFile(SCHEMA_FILE, await generateSchemaTypes());
