/** What no response may show: how the server is built, or what it ran. */
const LEAKS: [string, RegExp][] = [
  ["a stack trace", /\bat .+\(.+:\d+:\d+\)|"stack"|\n\s+at \S/],
  [
    "a file path",
    /\/(?:work|home|root|usr|tmp|var|opt|srv|node_modules|packages|apps)\/[\w@.+-]+\/|[A-Za-z]:\\\\|\.(?:ts|js|mjs|cjs):\d+/,
  ],
  [
    "SQL",
    /\b(?:select\s.{1,80}\sfrom\s|insert\s+into\s|update\s+"?\w+"?\s+set\s|delete\s+from\s|syntax error at|relation "|violates (?:foreign key|unique|check|not-null) constraint|duplicate key value|invalid input syntax for|out of range for (?:type|integer)|SQLSTATE|pg_\w+)/i,
  ],
  ["Prisma text", /prisma|Invalid `[^`]*` invocation|code\W+P[1-6]\d{3}\b|driverAdapterError|DriverAdapter/i],
];

/** What a response body or a log line shows that it must not (a stack trace, a path, SQL, Prisma), or null. */
export function leakIn(text: string, kinds: string[] = LEAKS.map(([what]) => what)): string | null {
  for (const [what, pattern] of LEAKS.filter(([what]) => kinds.includes(what))) {
    const match = pattern.exec(text);
    if (match) return `${what}: …${text.slice(Math.max(0, match.index - 60), match.index + 80)}…`;
  }
  return null;
}

export interface ResponseLike {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

function errorShapeProblem(url: string, method: string, response: ResponseLike): string | null {
  if (method === "HEAD" || response.statusCode < 400) return null;
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return "an error whose body is not JSON";
  }
  const restShaped =
    typeof (body as { detail?: unknown })?.detail === "string" && typeof (body as { code?: unknown })?.code === "string";
  // /trpc answers in tRPC's envelope, with API.md's code in `error.data` (unless refused before tRPC, e.g. 414).
  const trpcShaped =
    url.startsWith("/trpc/") &&
    [body].flat().every((entry) => {
      const { result, error } = (entry ?? {}) as { result?: unknown; error?: { data?: { code?: unknown } } };
      return typeof error?.data?.code === "string" || (result !== undefined && error === undefined); // a batch mixes both
    });
  return restShaped || trpcShaped ? null : "an error not in API.md's shape {detail, code}";
}

/** Why this response breaks the API's promises (a 5xx, a leak, an unshaped error, a 429/503 without Retry-After), or null. */
export function responseProblem(url: string, method: string, response: ResponseLike): string | null {
  if (response.statusCode >= 500) return `status ${response.statusCode}`;
  const leak = leakIn(response.body);
  if (leak) return `the body shows ${leak}`;
  if (response.statusCode === 429 && !response.headers["retry-after"]) return "429 without Retry-After";
  return errorShapeProblem(url, method, response);
}
