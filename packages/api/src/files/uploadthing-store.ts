import { randomUUID } from "node:crypto";
import type { UTApi } from "uploadthing/server";
import type { FileStore } from "./file-store.ts";

export interface UploadThingOptions {
  /** UPLOADTHING_TOKEN from the dashboard: base64 JSON `{ apiKey, appId, regions }`. */
  token: string;
  /** Overrides https://api.uploadthing.com (the REST API, used by delete). */
  apiUrl?: string;
  /** Overrides https://{region}.ingest.uploadthing.com (where uploads go). */
  ingestUrl?: string;
}

/** Files on UploadThing, uploaded from the server with UTApi. */
export function uploadThingFileStore({ token, apiUrl, ingestUrl }: UploadThingOptions): FileStore {
  // Passed as options, these win over UPLOADTHING_* environment variables and stay with this instance.
  // Loaded on first use: the SDK (and effect under it) costs a second of start-up to every process.
  let utapi: Promise<UTApi> | undefined;
  const client = () =>
    (utapi ??= import("uploadthing/server").then(
      ({ UTApi }) => new UTApi({ token, ...(apiUrl && { apiUrl }), ...(ingestUrl && { ingestUrl }) }),
    ));
  return {
    async put({ folder, extension, contentType, bytes }) {
      const name = `${folder.replaceAll("/", "-")}-${randomUUID()}.${extension}`;
      // A copy typed Uint8Array<ArrayBuffer>: under the DOM lib a SharedArrayBuffer view is no BlobPart.
      const file = new File([new Uint8Array(bytes)], name, { type: contentType });
      // uploadFiles reports failures in the result rather than rejecting.
      const { data, error } = await (await client()).uploadFiles(file);
      if (error) throw new Error(`UploadThing upload of ${name} failed: ${error.code}: ${error.message}`, { cause: error });
      return { key: data.key, url: data.ufsUrl };
    },
    async delete(key) {
      const { success } = await (await client()).deleteFiles(key);
      if (!success) throw new Error(`UploadThing could not delete ${key}`);
    },
  };
}
