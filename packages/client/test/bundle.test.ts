import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

// esbuild comes with tsx (a dev dependency); no bundler of our own is needed for this check.
const requireFromTsx = createRequire(createRequire(import.meta.url).resolve("tsx"));
interface Esbuild {
  build(options: Record<string, unknown>): Promise<{
    metafile: { inputs: Record<string, unknown> };
    outputFiles: { contents: Uint8Array }[];
  }>;
}
const esbuild = (await import(requireFromTsx.resolve("esbuild"))) as Esbuild;

describe("the client bundle", () => {
  it("holds no server code: AppRouter is a type-only import", async () => {
    const result = await esbuild.build({
      entryPoints: [path.resolve(import.meta.dirname, "../src/index.ts")],
      bundle: true,
      write: false,
      format: "esm",
      platform: "browser",
      metafile: true,
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(
      inputs.filter((input) =>
        /(^|\/)packages\/(api|db)\/|node_modules\/(@prisma|@node-rs|graphile-worker|fastify|nodemailer|pg|zod)\//.test(input),
      ),
    ).toEqual([]);
    expect(inputs.some((input) => input.includes("@trpc/client"))).toBe(true);
    const bytes = result.outputFiles[0]!.contents.byteLength;
    // Unminified: @trpc/client and, for subscriptions with a bearer header, eventsource (~15 kB).
    expect(bytes).toBeLessThan(120_000);
  });
});
