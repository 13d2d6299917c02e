import { Badge, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@shop/client";
import { useTRPC } from "../../api.ts";
import { formatTime } from "../../ui/format.ts";
import { QueryState } from "../../ui/QueryState.tsx";

type Delivery = RouterOutputs["webhooks"]["deliveries"]["results"][number];

/** How often an endpoint's deliveries are re-read while the page is open. */
const DELIVERIES_REFRESH_MS = 2_000;

function deliveryState(delivery: Delivery): { label: string; color: string } {
  if (!delivery.error) return { label: "delivered", color: "teal" };
  return delivery.next_attempt_at ? { label: "failed, retrying", color: "orange" } : { label: "failed", color: "red" };
}

/** One row per attempt, newest first; re-read every few seconds, so new deliveries and retries appear by themselves. */
export function Deliveries({ endpoint }: { endpoint: { id: number; url: string } }) {
  const trpc = useTRPC();
  const deliveries = useQuery({
    ...trpc.webhooks.deliveries.queryOptions({ id: endpoint.id, page_size: 10 }),
    refetchInterval: DELIVERIES_REFRESH_MS,
  });
  const title = `Deliveries to ${endpoint.url}`;
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs">
        <Title order={3} size="h6">
          Deliveries
        </Title>
        {deliveries.data ? (
          <Text size="xs" c="dimmed" role="status">
            {deliveries.data.count === 0
              ? "none yet, refreshing"
              : `latest ${deliveries.data.results.length} of ${deliveries.data.count}, refreshing`}
          </Text>
        ) : null}
      </Group>
      <QueryState
        query={deliveries}
        label="deliveries"
        isEmpty={(data) => data.results.length === 0}
        empty="No events sent yet. Each attempt appears here within seconds."
      >
        {(data) => (
          // Three columns, each with a second line, so a phone shows the whole row.
          <Table.ScrollContainer minWidth={280}>
            <Table striped aria-label={title} fz="sm" horizontalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Event</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Response</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.results.map((delivery) => {
                  const state = deliveryState(delivery);
                  return (
                    <Table.Tr key={delivery.id}>
                      <Table.Td>
                        <Text size="sm">{delivery.event_type}</Text>
                        <Text size="xs" c="dimmed">
                          {formatTime(delivery.delivered_at)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={state.color} miw="max-content">
                          {state.label}
                        </Badge>
                        {delivery.error ? (
                          <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                            {delivery.error}
                            {delivery.next_attempt_at ? ` · next try ${formatTime(delivery.next_attempt_at)}` : ""}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{delivery.status_code ?? "no answer"}</Text>
                        <Text size="xs" c="dimmed">
                          attempt {delivery.attempt}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </Stack>
  );
}
