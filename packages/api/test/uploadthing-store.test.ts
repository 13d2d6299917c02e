import { describe, it, expect, beforeAll, afterAll } from "vitest";
// Should be "@shop/testing/uploadthing" once packages/testing/package.json exports it.
import { mintUploadThingToken, startUploadThingStandIn, type UploadThingStandIn } from "@shop/testing/uploadthing";
import type { FileStore } from "../src/files/file-store.ts";
import { uploadThingFileStore } from "../src/files/uploadthing-store.ts";

// A real 1x1 PNG (grey, transparent).
const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
const avatar = { folder: "profile-pictures", extension: "png", contentType: "image/png", bytes: new Uint8Array(png) };

async function fetchBytes(url: string): Promise<Buffer> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

describe("uploadThingFileStore against the local stand-in", () => {
  let standIn: UploadThingStandIn;
  let store: FileStore;

  beforeAll(async () => {
    standIn = await startUploadThingStandIn();
    store = uploadThingFileStore({ token: standIn.token, apiUrl: standIn.apiUrl, ingestUrl: standIn.ingestUrl });
  });

  afterAll(async () => {
    await standIn.close();
  });

  it("uploads a file, serves its bytes at the returned url, and deletes it by key", async () => {
    const { key, url } = await store.put(avatar);

    expect(key).toMatch(/^[A-Za-z0-9]+$/);
    expect(url).toBe(`${standIn.apiUrl}/f/${key}`);
    expect(await fetchBytes(url)).toEqual(png);
    const stored = standIn.files.get(key);
    expect(stored?.name).toMatch(/^profile-pictures-[0-9a-f-]{36}\.png$/);
    expect(stored?.type).toBe("image/png");

    await store.delete(key);
    expect(standIn.deleted).toEqual([key]);
    expect(standIn.files.has(key)).toBe(false);
    expect((await fetch(url)).status).toBe(404);
  });

  it("gives each upload its own key", async () => {
    const first = await store.put(avatar);
    const second = await store.put(avatar);
    expect(first.key).not.toBe(second.key);
  });

  it("rejects when the api key is wrong, as the ingest server refuses the signature", async () => {
    const wrongKey = mintUploadThingToken("sk_live_not-the-key", "some-other-app");
    const rogue = uploadThingFileStore({ token: wrongKey, apiUrl: standIn.apiUrl, ingestUrl: standIn.ingestUrl });
    await expect(rogue.put(avatar)).rejects.toThrow(/UploadThing upload of .* failed: UPLOAD_FAILED/);
    await expect(rogue.delete("any-key")).rejects.toBeInstanceOf(Error);
  });

  it("rejects when the token is not a token", async () => {
    const broken = uploadThingFileStore({ token: "not-a-token", apiUrl: standIn.apiUrl, ingestUrl: standIn.ingestUrl });
    await expect(broken.put(avatar)).rejects.toThrow(/INVALID_SERVER_CONFIG/);
  });

  it("rejects when UploadThing answers with a server error", async () => {
    standIn.failNextRequest(500);
    await expect(store.put(avatar)).rejects.toThrow(/UPLOAD_FAILED/);
    standIn.failNextRequest(503);
    await expect(store.delete("any-key")).rejects.toBeInstanceOf(Error);
  });
});

// Contract test: the same round trip against the real UploadThing, run only when UPLOADTHING_TOKEN is set
// (so it is skipped in CI and here). It checks that upload, fetching the ufsUrl, and deleteFiles work with a real
// app; it does not check that the file is gone from the CDN afterwards, nor any error paths.
describe.skipIf(!process.env.UPLOADTHING_TOKEN)("uploadThingFileStore against the real UploadThing", () => {
  const store = uploadThingFileStore({ token: process.env.UPLOADTHING_TOKEN ?? "" });

  it("uploads, serves and deletes a file", async () => {
    const { key, url } = await store.put(avatar);
    try {
      expect(await fetchBytes(url)).toEqual(png);
    } finally {
      await store.delete(key);
    }
  });
});
