/** A Server-Sent Events reader over a real HTTP connection, for tests. */
export interface SseFrame {
  id?: string;
  event?: string;
  data: string;
}

export interface SseStream {
  status: number;
  headers: Headers;
  frames: SseFrame[];
  comments: string[];
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  /** Waits until `count` frames have arrived (or fails after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<SseFrame[]>;
  /** JSON of every frame's data. */
  events<T = Record<string, unknown>>(): T[];
  close(): void;
}

export async function openSse(url: string, token?: string, headers: Record<string, string> = {}): Promise<SseStream> {
  const abort = new AbortController();
  const response = await fetch(url, {
    headers: { accept: "text/event-stream", ...(token && { authorization: `Bearer ${token}` }), ...headers },
    signal: abort.signal,
  });
  const frames: SseFrame[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((wake) => wake());
  let isEnded = false;
  const ended = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const frame: SseFrame = { data: "" };
          let hasData = false;
          for (const line of block.split("\n")) {
            if (line.startsWith(":")) comments.push(line.slice(1).trim());
            else if (line.startsWith("id: ")) frame.id = line.slice(4);
            else if (line.startsWith("event: ")) frame.event = line.slice(7);
            else if (line.startsWith("data: ")) {
              frame.data += line.slice(6);
              hasData = true;
            }
          }
          if (hasData) frames.push(frame);
          notify();
        }
      }
    } catch {
      // aborted by close()
    }
    isEnded = true;
    notify();
  })();
  return {
    status: response.status,
    headers: response.headers,
    frames,
    comments,
    ended,
    events: <T>() => frames.map((frame) => JSON.parse(frame.data) as T),
    waitFor(count, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (frames.length >= count) done(() => resolve(frames.slice(0, count)));
          else if (isEnded) done(() => reject(new Error(`stream ended after ${frames.length} of ${count} frames`)));
        };
        const timer = setTimeout(
          () => done(() => reject(new Error(`${frames.length} of ${count} frames within ${timeoutMs} ms`))),
          timeoutMs,
        );
        const done = (settle: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          settle();
        };
        waiters.add(check);
        check();
      });
    },
    close: () => abort.abort(),
  };
}
