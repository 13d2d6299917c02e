import type { FastifyInstance } from "fastify";
import { invalid } from "@shop/api";

/** Deeper than any input of the API; deeper bodies would only exhaust the parser's stack. */
export const MAX_JSON_DEPTH = 32;

/** How deeply arrays and objects nest in a JSON text (brackets inside strings do not count). */
export function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/**
 * JSON bodies: an empty body is no body (a bodyless POST may still say application/json), and
 * nesting deeper than MAX_JSON_DEPTH is refused before parsing. Parsing itself stays Fastify's
 * (prototype-poisoning checks included).
 */
export function registerJsonParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    const text = body as string;
    if (text.trim() === "") return done(null, undefined);
    if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      return done(invalid(`JSON nested deeper than ${MAX_JSON_DEPTH} levels.`, { code: "INVALID_JSON" }), undefined);
    }
    parse(request, text, done);
  });
}
