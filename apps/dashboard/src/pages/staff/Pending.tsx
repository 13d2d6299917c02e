import { Alert, Stack, Title } from "@mantine/core";

/** A page whose API operations are still being built: it says so instead of failing. */
export function Pending({ title, needs }: { title: string; needs: string }) {
  return (
    <Stack>
      <Title order={1} size="h2">
        {title}
      </Title>
      <Alert color="gray" role="status" title="Not available yet">
        This page needs {needs}, which the API does not offer yet.
      </Alert>
    </Stack>
  );
}
