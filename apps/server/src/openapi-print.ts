// `pnpm openapi`: prints the OpenAPI document for PUBLIC_URL (no database needed), e.g. for linters and client generators.
import { loadEnvOrExit } from "@shop/runtime/env";
import { buildOpenApiDocument } from "./openapi.ts";

const env = loadEnvOrExit();
process.stdout.write(`${JSON.stringify(buildOpenApiDocument(env.PUBLIC_URL ?? `http://localhost:${env.PORT}`), null, 2)}\n`);
