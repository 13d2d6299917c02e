import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface StandInFile {
  name: string;
  type: string;
  bytes: Buffer;
}

export interface UploadThingStandIn {
  /** Pass as UTApi's `apiUrl`: the REST API (https://api.uploadthing.com). */
  apiUrl: string;
  /** Pass as UTApi's `ingestUrl`: the upload server (https://{region}.ingest.uploadthing.com). */
  ingestUrl: string;
  /** A token in UploadThing's format (base64 JSON `{ apiKey, appId, regions }`) for this stand-in's app. */
  token: string;
  /** Uploaded files by key; deleting a file removes it here. */
  files: Map<string, StandInFile>;
  /** Keys received by deleteFiles, in order. */
  deleted: string[];
  /** The next request, whatever it is, is answered with this status and an `{ error }` body, as on an outage. */
  failNextRequest(status: number): void;
  close(): Promise<void>;
}

/** Mints a token the way the UploadThing dashboard hands them out. */
export function mintUploadThingToken(apiKey: string, appId: string): string {
  return Buffer.from(JSON.stringify({ apiKey, appId, regions: ["sea1"] })).toString("base64");
}

/**
 * A local UploadThing covering what UTApi (uploadthing 7.7.x) calls for uploadFiles and deleteFiles, and the file URLs.
 * UTApi.uploadFiles asks no API for a presigned URL: it signs the ingest URL itself with the api key, so the
 * stand-in checks that signature where the real ingest server does.
 */
export async function startUploadThingStandIn(): Promise<UploadThingStandIn> {
  const appId = `standin${randomBytes(4).toString("hex")}`;
  const apiKey = `sk_live_${randomBytes(16).toString("hex")}`;
  const files = new Map<string, StandInFile>();
  const deleted: string[] = [];
  let failure: number | undefined;
  let origin = "";

  const send = (res: ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));

  // PUT {ingestUrl}/{fileKey}?expires&x-ut-identifier&x-ut-file-name&...&signature, multipart body with a "file" field
  // (docs.uploadthing.com/uploading-files, "Generating presigned URLs" and "Uploading the files"). Answers with the
  // file's URLs, which UTApi hands back as `url`, `appUrl` and `ufsUrl`.
  async function ingest(req: IncomingMessage, res: ServerResponse, key: string, body: Buffer) {
    const url = new URL(req.url ?? "/", origin);
    const signature = url.searchParams.get("signature") ?? "";
    const signed = origin + (req.url ?? "").replace(/&signature=[^&]*$/, "");
    const expected = `hmac-sha256=${createHmac("sha256", apiKey).update(signed).digest("hex")}`;
    if (signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) {
      return send(res, 403, { error: "Invalid signature" });
    }
    const param = (name: string) => decodeURIComponent(url.searchParams.get(name) ?? "");
    if (param("x-ut-identifier") !== appId) return send(res, 403, { error: "Invalid app id" });
    if (Number(param("expires")) < Date.now()) return send(res, 403, { error: "URL expired" });

    const form = await new Response(body, { headers: { "content-type": req.headers["content-type"] ?? "" } }).formData();
    const file = form.get("file");
    if (!(file instanceof Blob)) return send(res, 400, { error: "Missing file" });
    const bytes = Buffer.from(await file.arrayBuffer());
    if (bytes.length !== Number(param("x-ut-file-size"))) return send(res, 400, { error: "File size mismatch" });

    files.set(key, { name: param("x-ut-file-name"), type: param("x-ut-file-type"), bytes });
    const fileUrl = `${origin}/f/${key}`;
    const fileHash = createHash("md5").update(bytes).digest("hex");
    send(res, 200, { url: fileUrl, appUrl: `${origin}/a/${appId}/${key}`, ufsUrl: fileUrl, fileHash });
  }

  // POST {apiUrl}/v6/deleteFiles with header x-uploadthing-api-key and `{ fileKeys: string[] }`, answering
  // `{ success, deletedCount }` (the REST API's /v6/deleteFiles, as UTApi.deleteFiles calls it).
  function deleteFiles(req: IncomingMessage, res: ServerResponse, body: Buffer) {
    if (req.headers["x-uploadthing-api-key"] !== apiKey) return send(res, 401, { error: "Invalid API key" });
    const { fileKeys } = JSON.parse(body.toString() || "{}") as { fileKeys?: unknown };
    if (!Array.isArray(fileKeys)) return send(res, 400, { error: "fileKeys must be an array" });
    let deletedCount = 0;
    for (const key of fileKeys.map(String)) {
      deleted.push(key);
      if (files.delete(key)) deletedCount++;
    }
    send(res, 200, { success: true, deletedCount });
  }

  // GET {file URL}: the CDN (https://{appId}.ufs.sh/f/{fileKey}) serving the stored bytes.
  function serve(res: ServerResponse, key: string) {
    const file = files.get(key);
    if (!file) return res.writeHead(404).end("Not Found");
    res.writeHead(200, { "content-type": file.type, "content-length": file.bytes.length }).end(file.bytes);
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    if (failure !== undefined) {
      send(res, failure, { error: "Internal server error" });
      failure = undefined;
      return;
    }
    const path = new URL(req.url ?? "/", origin).pathname;
    const [, first, second] = path.split("/");
    if (req.method === "PUT" && first === "ingest" && second) return ingest(req, res, second, body);
    if (req.method === "POST" && path === "/v6/deleteFiles") return deleteFiles(req, res, body);
    if (req.method === "GET" && first === "f" && second) return serve(res, second);
    send(res, 404, { error: `No route for ${req.method} ${path}` });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => send(res, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: origin,
    ingestUrl: `${origin}/ingest`,
    token: mintUploadThingToken(apiKey, appId),
    files,
    deleted,
    failNextRequest(status) {
      failure = status;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
