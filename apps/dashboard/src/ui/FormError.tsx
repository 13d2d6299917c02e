import { Alert } from "@mantine/core";
import { errorDetail, fieldErrors } from "./errors.ts";

/** A failed submit's message, when the API named no field to show it next to. */
export function FormError({ error, mt }: { error: unknown; mt?: string }) {
  if (!error || Object.keys(fieldErrors(error)).length > 0) return null;
  return (
    <Alert mt={mt} color="red" role="alert">
      {errorDetail(error)}
    </Alert>
  );
}
