import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { hostOf, isPrivateAddress, PrivateAddressError, publicOnlyLookup } from "./url-guard.ts";

export interface PostResult {
  statusCode: number | null;
  error: string | null;
}

/**
 * POSTs a webhook body: 10 s for the whole exchange, redirects answered but never followed
 * (a 3xx is a failed attempt), and unless `allowPrivate`, only to public addresses, checked on
 * the address actually connected to.
 */
export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { allowPrivate: boolean; timeoutMs?: number },
): Promise<PostResult> {
  const target = new URL(url);
  const host = hostOf(target);
  if (!options.allowPrivate && isIP(host) && isPrivateAddress(host)) {
    return Promise.resolve({ statusCode: null, error: new PrivateAddressError(host, host).message });
  }
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      target,
      {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers },
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        ...(!options.allowPrivate && { lookup: publicOnlyLookup }),
      },
      (response) => {
        response.resume(); // the answer's body is not kept
        response.on("end", () => {
          const statusCode = response.statusCode ?? null;
          const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
          resolve({ statusCode, error: ok ? null : `HTTP ${statusCode}` });
        });
        response.on("error", (error) => resolve({ statusCode: response.statusCode ?? null, error: error.message }));
      },
    );
    request.on("error", (error) =>
      resolve({
        statusCode: null,
        error: error.name === "AbortError" || error.name === "TimeoutError" ? "no answer within 10 s" : error.message,
      }),
    );
    request.end(body);
  });
}
