import { Badge, Button, Group, SegmentedControl, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../../api.ts";
import { errorDetail } from "../../ui/errors.ts";
import { QueryState } from "../../ui/QueryState.tsx";
import { LiveStatus } from "../../ui/LiveStatus.tsx";
import { useSellerEvents } from "./live.ts";

const FILTERS = [
  { value: "paid", label: "To ship" },
  { value: "shipped", label: "Shipped" },
  { value: "all", label: "All" },
] as const;
type Filter = (typeof FILTERS)[number]["value"];

export default function SellerOrdersPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<Filter>("paid");
  const live = useSellerEvents();
  const items = useQuery(
    trpc.fulfilment.sellerItems.queryOptions({ page_size: 100, ...(filter !== "all" && { status: filter }) }),
  );
  const ship = useMutation(
    trpc.fulfilment.shipItem.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.fulfilment.sellerItems.pathFilter()),
    }),
  );

  return (
    <Stack>
      <Group justify="space-between" wrap="nowrap">
        <Title order={1} size="h2">
          Orders
        </Title>
        <LiveStatus state={live} />
      </Group>
      <SegmentedControl
        aria-label="Which order lines"
        data={FILTERS.map((f) => ({ ...f }))}
        value={filter}
        onChange={(value) => setFilter(value as Filter)}
        w="fit-content"
      />
      {ship.error ? (
        <Text c="red" role="alert">
          {errorDetail(ship.error)}
        </Text>
      ) : null}
      <div aria-live="polite">
        <QueryState
          query={items}
          label="order lines"
          isEmpty={(data) => data.results.length === 0}
          empty={filter === "paid" ? "Nothing to ship. New paid orders appear here by themselves." : "No order lines."}
        >
          {(data) => (
            <Table.ScrollContainer minWidth={340}>
              <Table striped aria-label="Order lines">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Order</Table.Th>
                    <Table.Th>Item</Table.Th>
                    <Table.Th>Qty</Table.Th>
                    <Table.Th>Action</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Ship to</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.results.map((item) => (
                    <Table.Tr key={item.id}>
                      <Table.Td>#{item.order_id}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{item.product_name}</Text>
                        <Text size="xs" c="dimmed">
                          {item.variant_name} · {item.sku}
                        </Text>
                      </Table.Td>
                      <Table.Td>{item.quantity}</Table.Td>
                      <Table.Td>
                        {item.order_status === "paid" && !item.shipped_at ? (
                          <Group>
                            <Button
                              size="xs"
                              aria-label={`Ship ${item.product_name} of order ${item.order_id}`}
                              loading={ship.isPending && ship.variables?.id === item.id}
                              onClick={() => ship.mutate({ id: item.id })}
                            >
                              Ship
                            </Button>
                          </Group>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={item.shipped_at ? "teal" : "blue"}>
                          {item.shipped_at ? "shipped" : item.order_status}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{item.shipping_address.full_name}</Text>
                        <Text size="xs" c="dimmed">
                          {item.shipping_address.city}, {item.shipping_address.country}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </QueryState>
      </div>
    </Stack>
  );
}
