import { Group, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../../api.ts";
import { errorDetail } from "../../ui/errors.ts";
import { QueryState } from "../../ui/QueryState.tsx";
import { LiveStatus } from "../../ui/LiveStatus.tsx";
import { useSellerEvents } from "./live.ts";
import { OrderLines } from "./OrderLines.tsx";

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
            <OrderLines
              lines={data.results}
              isShipping={(line) => ship.isPending && ship.variables?.id === line.id}
              onShip={(line) => ship.mutate({ id: line.id })}
            />
          )}
        </QueryState>
      </div>
    </Stack>
  );
}
