import { TRPCClientError } from "@trpc/client";
import { AuthRouteError } from "../api.ts";

interface ErrorBody {
  detail?: string;
  code?: string;
  fields?: Record<string, string[]>;
}

function bodyOf(error: unknown): ErrorBody | null {
  if (error instanceof AuthRouteError) return error.body;
  if (error instanceof TRPCClientError) return (error.data as ErrorBody | undefined) ?? { detail: error.message };
  return null;
}

/** The API's one-line message for a failed call. */
export function errorDetail(error: unknown): string {
  return bodyOf(error)?.detail ?? (error instanceof Error ? error.message : "Something went wrong.");
}

/** The API's field errors (`fields`), joined per field, to show next to each input. */
export function fieldErrors(error: unknown): Record<string, string> {
  const fields = bodyOf(error)?.fields ?? {};
  return Object.fromEntries(Object.entries(fields).map(([name, messages]) => [name, messages.join(" ")]));
}
