import { Alert, Button, Center, Loader, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { errorDetail } from "./errors.ts";

interface QueryLike<T> {
  data: T | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/** Loading, error and empty states of a list, then the list itself. */
export function QueryState<T>({
  query,
  isEmpty,
  empty,
  label,
  children,
}: {
  query: QueryLike<T>;
  isEmpty: (data: T) => boolean;
  empty: ReactNode;
  label: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) {
    return (
      <Center py="xl" role="status" aria-live="polite">
        <Loader size="sm" aria-hidden />
        <Text ml="sm">Loading {label}…</Text>
      </Center>
    );
  }
  if (query.isError || query.data === undefined) {
    return (
      <Alert color="red" title={`Could not load ${label}`} role="alert">
        <Text size="sm">{errorDetail(query.error)}</Text>
        <Button mt="sm" size="xs" variant="light" onClick={() => void query.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  }
  if (isEmpty(query.data)) {
    return (
      <Text c="dimmed" py="lg" role="status">
        {empty}
      </Text>
    );
  }
  return <>{children(query.data)}</>;
}
