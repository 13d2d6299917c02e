import path from "node:path";
import ts from "typescript";
import { describe, expect, expectTypeOf, it } from "vitest";
import { createShopClient, type RouterInputs, type RouterOutputs, type ShopClient } from "../src/index.ts";

const packageDir = path.resolve(import.meta.dirname, "..");

describe("types", () => {
  // Checked by `tsc -p packages/client` (this file is in its include); at run time these are no-ops.
  it("exports every procedure's input and output types", () => {
    expectTypeOf<RouterInputs["auth"]["login"]>().toEqualTypeOf<{ username: string; password: string }>();
    expectTypeOf<RouterInputs["cart"]["add"]>().toHaveProperty("variant_id");
    expectTypeOf<RouterOutputs["profile"]["me"]["role"]>().toEqualTypeOf<"customer" | "seller" | "admin">();
    expectTypeOf<RouterOutputs["auth"]["login"]>().toHaveProperty("refresh").toBeString();
    expectTypeOf(createShopClient).returns.toEqualTypeOf<ShopClient>();
    expectTypeOf<ShopClient["profile"]["me"]["query"]>().returns.resolves.toHaveProperty("email").toBeString();
    expectTypeOf<ShopClient["auth"]["login"]["mutate"]>().parameter(0).not.toEqualTypeOf<{ username: number }>();
  });

  it("refuses wrong inputs at compile time", () => {
    const fixture = path.join(packageDir, "test/fixtures/wrong-input.ts");
    const config = ts.getParsedCommandLineOfConfigFile(
      path.join(packageDir, "tsconfig.json"),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
          throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
        },
      },
    )!;
    const program = ts.createProgram([fixture], config.options);
    const source = program.getSourceFile(fixture)!;
    const errorLines = ts
      .getPreEmitDiagnostics(program, source)
      .map((diagnostic) => source.getLineAndCharacterOfPosition(diagnostic.start!).line + 1);
    const expectedLines = source.text.split("\n").flatMap((line, i) => (/\/\/ error:/.test(line) ? [i + 1] : []));
    expect(expectedLines).toHaveLength(6);
    expect([...new Set(errorLines)].sort((a, b) => a - b)).toEqual(expectedLines);
  }, 60_000);
});
