import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { isUpToDate } from "../scripts/router-shape.ts";

const consumer = path.resolve(import.meta.dirname, "fixtures/browser-consumer/tsconfig.json");

function compileConsumer() {
  const parsed = ts.getParsedCommandLineOfConfigFile(consumer, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const started = performance.now();
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  return { program, diagnostics, ms: Math.round(performance.now() - started) };
}

describe("the client in a browser project", () => {
  it("typechecks with the DOM lib and skipLibCheck off, reading none of the server's files", () => {
    const { program, diagnostics, ms } = compileConsumer();
    const messages = diagnostics.map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    expect(messages).toEqual([]);
    const read = program
      .getSourceFiles()
      .map((file) => file.fileName)
      .filter((file) => !file.includes("/typescript/lib/"));
    expect(read.filter((file) => /\/packages\/(api|db)\/|\/node_modules\/(@prisma|fastify|zod|pg)\//.test(file))).toEqual([]);
    // The client's own three files, the consumer's, and @trpc/client's and @trpc/server's declarations.
    expect(read.length).toBeLessThan(30);
    console.log(`browser consumer: ${read.length} files besides TypeScript's lib, checked in ${ms} ms`);
  });

  it("its router types are generated from the server's current router", async () => {
    // `pnpm --filter @shop/client generate` when this fails.
    expect(await isUpToDate()).toBe(true);
  }, 60_000);
});
