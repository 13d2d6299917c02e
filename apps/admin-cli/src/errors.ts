import { TRPCError } from "@trpc/server";
import type { ErrorBody } from "@shop/api";

/** Wrong use of the command line itself (unknown option, missing value). */
export class UsageError extends Error {}

// The API names fields as JSON does; the CLI user typed options.
const optionOf: Record<string, string> = { parent_slug: "--parent" };
const optionName = (field: string) => optionOf[field] ?? `--${field.replaceAll("_", "-")}`;

/**
 * Any failure as API.md's error body, by the API's one error shaper; internal errors keep their
 * message here (this is the operator's own terminal).
 */
export async function errorBody(error: unknown): Promise<ErrorBody> {
  if (error instanceof UsageError) return { detail: error.message, code: "USAGE" };
  const { shapeError } = await import("@shop/api");
  const { status, body } = shapeError(error);
  if (status < 500) return body;
  const cause = error instanceof TRPCError && error.cause ? error.cause : error;
  return { detail: cause instanceof Error ? cause.message : String(cause), code: body.code };
}

/** The one line on stderr: the reason, then what is wrong with each option. */
export function oneLine(body: ErrorBody): string {
  const fields = Object.entries(body.fields ?? {}).map(([field, messages]) => `${optionName(field)}: ${messages.join(" ")}`);
  const text = [body.detail, ...fields].join(" ");
  return text.replace(/\s*\n\s*/g, " ").trim();
}
