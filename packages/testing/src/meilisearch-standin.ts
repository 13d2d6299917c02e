import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

type Doc = Record<string, unknown>;

export interface StandInIndex {
  primaryKey: string | null;
  documents: Map<string, Doc>;
  settings: Record<string, unknown>;
}

export interface StandInTask {
  uid: number;
  indexUid: string | null;
  type: string;
  status: "enqueued" | "processing" | "succeeded" | "failed";
  error: { message: string; code: string; type: string; link: string } | null;
  details: Record<string, unknown>;
  enqueuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface MeilisearchStandIn {
  /** Pass as the client's `host`. */
  url: string;
  apiKey: string;
  indexes: Map<string, StandInIndex>;
  tasks: StandInTask[];
  /** Method and path of every request, in order. */
  requests: string[];
  /** While true, connections are dropped: the server looks unreachable. */
  unreachable: boolean;
  /** The next task ends `failed` with this error code. */
  failNextTask(code: string): void;
  close(): Promise<void>;
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const errorBody = (code: string, message: string) => ({
  message,
  code,
  type: code.includes("authorization") || code.includes("api_key") ? "auth" : "invalid_request",
  link: `https://docs.meilisearch.com/errors#${code}`,
});

/** Words of a value (strings and arrays of strings), lower case without accents. */
const wordsOf = (value: unknown): string[] =>
  [value]
    .flat()
    .filter((v): v is string => typeof v === "string")
    .flatMap((v) =>
      v
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u),
    )
    .filter(Boolean);

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** Meilisearch's default typo budget: none below 5 letters, one below 9, two from 9. */
const typosAllowed = (word: string) => (word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0);

/**
 * A local Meilisearch covering what the adapter calls (meilisearch-js 0.62 against the
 * documented v1 API): GET /health, GET, POST and DELETE /indexes, PATCH and GET
 * /indexes/{uid}/settings, POST /indexes/{uid}/documents, POST
 * /indexes/{uid}/documents/delete-batch, POST /indexes/{uid}/search, GET /tasks/{uid},
 * POST /swap-indexes. Writes are asynchronous tasks (202 + summarized task), processed
 * shortly after, as the real engine does. Search matches each query word by prefix or
 * within the typo budget, over `searchableAttributes` (every field when unset), ranked by
 * matched words, then typos, then the attribute it matched in.
 */
export async function startMeilisearchStandIn(apiKey = "standin-master-key"): Promise<MeilisearchStandIn> {
  const indexes = new Map<string, StandInIndex>();
  const tasks: StandInTask[] = [];
  const requests: string[] = [];
  let failNext: string | undefined;

  const indexOf = (uid: string) => {
    const index = indexes.get(uid);
    if (!index) throw new ApiError(404, "index_not_found", `Index \`${uid}\` not found.`);
    return index;
  };
  const ensureIndex = (uid: string, primaryKey: string | null = null) => {
    if (!indexes.has(uid)) indexes.set(uid, { primaryKey, documents: new Map(), settings: {} });
    return indexes.get(uid)!;
  };

  function enqueue(indexUid: string | null, type: string, details: Record<string, unknown>, run: () => void): StandInTask {
    const task: StandInTask = {
      uid: tasks.length,
      indexUid,
      type,
      status: "enqueued",
      error: null,
      details,
      enqueuedAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
    };
    tasks.push(task);
    const injected = failNext;
    failNext = undefined;
    setTimeout(() => {
      task.startedAt = new Date().toISOString();
      try {
        if (injected) throw new ApiError(400, injected, `Injected failure: ${injected}.`);
        run();
        task.status = "succeeded";
      } catch (error) {
        const { code, message } = error instanceof ApiError ? error : { code: "internal", message: String(error) };
        task.status = "failed";
        task.error = errorBody(code, message);
      }
      task.finishedAt = new Date().toISOString();
    }, 20);
    return task;
  }

  function search(index: StandInIndex, body: Doc) {
    const query = wordsOf(body.q ?? "");
    const searchable = (index.settings.searchableAttributes as string[] | undefined) ?? ["*"];
    const scored = [...index.documents.values()].flatMap((doc) => {
      const fields = searchable.includes("*") ? Object.keys(doc) : searchable;
      let matched = 0;
      let typos = 0;
      let attribute = 0;
      for (const word of query) {
        const hit = fields
          .map((field, position) => ({
            position,
            typos: Math.min(...wordsOf(doc[field]).map((w) => (w.startsWith(word) ? 0 : editDistance(word, w))), 99),
          }))
          .filter((h) => h.typos <= typosAllowed(word))
          .sort((a, b) => a.typos - b.typos || a.position - b.position)[0];
        if (hit) [matched, typos, attribute] = [matched + 1, typos + hit.typos, attribute + hit.position];
      }
      return query.length === 0 || matched > 0 ? [{ doc, matched, typos, attribute }] : [];
    });
    scored.sort((a, b) => b.matched - a.matched || a.typos - b.typos || a.attribute - b.attribute);
    const offset = Number(body.offset ?? 0);
    const limit = Number(body.limit ?? 20);
    const keep = body.attributesToRetrieve as string[] | undefined;
    const hits = scored
      .slice(offset, offset + limit)
      .map(({ doc }) => (keep && !keep.includes("*") ? Object.fromEntries(keep.map((k) => [k, doc[k]])) : doc));
    return { hits, query: body.q ?? "", processingTimeMs: 0, limit, offset, estimatedTotalHits: scored.length };
  }

  function route(method: string, path: string[], query: URLSearchParams, body: unknown): [number, unknown] {
    const accepted = (task: StandInTask) =>
      [
        202,
        { taskUid: task.uid, indexUid: task.indexUid, status: task.status, type: task.type, enqueuedAt: task.enqueuedAt },
      ] as [number, unknown];
    const [root, uid, sub, action] = path;
    if (method === "GET" && root === "health") return [200, { status: "available" }];
    if (method === "GET" && root === "tasks" && uid) {
      const task = tasks[Number(uid)];
      if (!task) throw new ApiError(404, "task_not_found", `Task \`${uid}\` not found.`);
      return [200, task];
    }
    if (method === "POST" && root === "swap-indexes") {
      const swaps = body as { indexes: [string, string]; rename?: boolean }[];
      return accepted(
        enqueue(null, "indexSwap", { swaps }, () => {
          for (const {
            indexes: [a, b],
          } of swaps) {
            const [first, second] = [indexOf(a), indexOf(b)];
            indexes.set(a, second).set(b, first);
          }
        }),
      );
    }
    if (root !== "indexes") throw new ApiError(404, "not_found", "Not found.");
    if (method === "GET" && !uid) {
      const results = [...indexes.entries()].map(([name, index]) => ({ uid: name, primaryKey: index.primaryKey }));
      return [200, { results, offset: 0, limit: results.length, total: results.length }];
    }
    if (method === "POST" && !uid) {
      const { uid: newUid, primaryKey } = body as { uid: string; primaryKey?: string };
      return accepted(
        enqueue(newUid, "indexCreation", { primaryKey }, () => {
          if (indexes.has(newUid)) throw new ApiError(409, "index_already_exists", `Index \`${newUid}\` already exists.`);
          ensureIndex(newUid, primaryKey ?? null);
        }),
      );
    }
    if (!uid) throw new ApiError(405, "method_not_allowed", "Method not allowed.");
    if (method === "DELETE" && !sub)
      return accepted(enqueue(uid, "indexDeletion", {}, () => void (indexOf(uid) && indexes.delete(uid))));
    if (sub === "settings" && method === "GET") return [200, indexOf(uid).settings];
    if (sub === "settings" && method === "PATCH") {
      return accepted(enqueue(uid, "settingsUpdate", body as Doc, () => Object.assign(ensureIndex(uid).settings, body)));
    }
    if (sub === "search" && method === "POST") return [200, search(indexOf(uid), body as Doc)];
    if (sub === "documents" && method === "POST" && !action) {
      const docs = body as Doc[];
      return accepted(
        enqueue(uid, "documentAdditionOrUpdate", { receivedDocuments: docs.length }, () => {
          const index = ensureIndex(uid, query.get("primaryKey"));
          index.primaryKey ??= query.get("primaryKey") ?? "id";
          for (const doc of docs) index.documents.set(String(doc[index.primaryKey]), doc);
        }),
      );
    }
    if (sub === "documents" && method === "POST" && action === "delete-batch") {
      const ids = (body as unknown[]).map(String);
      return accepted(
        enqueue(uid, "documentDeletion", { providedIds: ids.length }, () =>
          ids.forEach((id) => indexOf(uid).documents.delete(id)),
        ),
      );
    }
    throw new ApiError(404, "not_found", "Not found.");
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://standin");
    requests.push(`${req.method} ${url.pathname}`);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const send = (status: number, body: unknown) =>
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    try {
      const auth = req.headers.authorization;
      if (!auth) throw new ApiError(401, "missing_authorization_header", "The Authorization header is missing.");
      if (auth !== `Bearer ${apiKey}`) throw new ApiError(403, "invalid_api_key", "The provided API key is invalid.");
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString("utf8")) : undefined;
      const [status, answer] = route(req.method ?? "GET", url.pathname.split("/").filter(Boolean), url.searchParams, body);
      send(status, answer);
    } catch (error) {
      if (error instanceof ApiError) send(error.status, errorBody(error.code, error.message));
      else send(400, errorBody("bad_request", String(error)));
    }
  }

  const standIn: MeilisearchStandIn = {
    url: "",
    apiKey,
    indexes,
    tasks,
    requests,
    unreachable: false,
    failNextTask: (code) => void (failNext = code),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req, res) => {
    if (standIn.unreachable) return void req.socket.destroy();
    void handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  standIn.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = standIn.close;
  standIn.close = () => (server.closeAllConnections(), close());
  return standIn;
}
