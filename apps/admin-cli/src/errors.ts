import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { ErrorBody } from "@shop/api";

/** Wrong use of the command line itself (unknown option, missing value). */
export class UsageError extends Error {}

// The API names fields as JSON does; the CLI user typed options.
const optionOf: Record<string, string> = { parent_slug: "--parent" };
const optionName = (field: string) => optionOf[field] ?? `--${field.replaceAll("_", "-")}`;

function fieldsOf(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) (fields[issue.path.map(String).join(".") || "input"] ??= []).push(issue.message);
  return fields;
}

/** Any failure as API.md's error body; internal errors keep their message (this is the operator's terminal). */
export async function errorBody(error: unknown): Promise<ErrorBody> {
  if (error instanceof UsageError) return { detail: error.message, code: "USAGE" };
  const { DomainError, errorBodyOf } = await import("@shop/api");
  if (error instanceof DomainError)
    return { detail: error.detail, code: error.code, ...(error.fields && { fields: error.fields }) };
  if (error instanceof z.ZodError) return { detail: "Invalid input.", code: "VALIDATION_ERROR", fields: fieldsOf(error) };
  if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") return errorBodyOf(error);
  const cause = error instanceof TRPCError && error.cause ? error.cause : error;
  return { detail: cause instanceof Error ? cause.message : String(cause), code: "INTERNAL_ERROR" };
}

/** The one line on stderr: the reason, then what is wrong with each option. */
export function oneLine(body: ErrorBody): string {
  const fields = Object.entries(body.fields ?? {}).map(([field, messages]) => `${optionName(field)}: ${messages.join(" ")}`);
  const text = [body.detail, ...fields].join(" ");
  return text.replace(/\s*\n\s*/g, " ").trim();
}
