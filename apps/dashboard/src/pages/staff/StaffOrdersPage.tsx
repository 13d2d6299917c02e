import { Badge, Button, Group, NumberInput, Select, Stack, Text, Title } from "@mantine/core";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { RouterInputs, RouterOutputs } from "@shop/client";
import { useTRPC } from "../../api.ts";
import { errorDetail } from "../../ui/errors.ts";
import { QueryState } from "../../ui/QueryState.tsx";
import { ResponsiveList } from "../../ui/ResponsiveList.tsx";

type Status = NonNullable<RouterInputs["staffOrders"]["list"]["status"]>;
type Order = RouterOutputs["staffOrders"]["list"]["results"][number];
const STATUS_COLOR: Record<Status, string> = {
  pending: "yellow",
  paid: "blue",
  shipped: "grape",
  delivered: "teal",
  cancelled: "gray",
  refunded: "orange",
};
const STATUSES = Object.keys(STATUS_COLOR) as Status[];

export default function StaffOrdersPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [orderId, setOrderId] = useState<string | number>("");
  const [status, setStatus] = useState<Status | null>(null);
  const [filter, setFilter] = useState<{ id?: number; status?: Status }>({});
  const orders = useQuery({
    ...trpc.staffOrders.list.queryOptions({ ...filter, page_size: 50 }),
    placeholderData: keepPreviousData,
  });
  const deliver = useMutation(
    trpc.fulfilment.markDelivered.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.staffOrders.pathFilter()),
    }),
  );
  const refund = useMutation(
    trpc.fulfilment.refund.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.staffOrders.pathFilter()),
    }),
  );
  const actionError = deliver.error ?? refund.error;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilter({ ...(typeof orderId === "number" && { id: orderId }), ...(status && { status }) });
  };

  /** What staff can do next with the order: deliver it once shipped, refund it while paid. */
  const action = (order: Order) => {
    if (order.status === "shipped") {
      return (
        <Button
          size="xs"
          aria-label={`Mark order ${order.id} delivered`}
          loading={deliver.isPending && deliver.variables?.id === order.id}
          onClick={() => deliver.mutate({ id: order.id })}
        >
          Deliver
        </Button>
      );
    }
    if (order.status === "paid") {
      return (
        <Button
          size="xs"
          color="orange"
          variant="light"
          aria-label={`Refund order ${order.id}`}
          loading={refund.isPending && refund.variables?.id === order.id}
          onClick={() => {
            if (window.confirm(`Refund order #${order.id} (${order.total})? Its stock returns.`)) refund.mutate({ id: order.id });
          }}
        >
          Refund
        </Button>
      );
    }
    return null;
  };

  return (
    <Stack>
      <Title order={1} size="h2">
        Orders
      </Title>
      <form onSubmit={submit} aria-label="Find orders">
        <Group align="end" wrap="wrap">
          <NumberInput label="Order number" min={1} allowDecimal={false} value={orderId} onChange={setOrderId} w={140} />
          <Select
            label="Status"
            placeholder="Any"
            clearable
            data={STATUSES}
            value={status}
            onChange={(value) => setStatus(value as Status | null)}
            w={160}
          />
          <Button type="submit">Find</Button>
        </Group>
      </form>
      {actionError ? (
        <Text c="red" role="alert">
          {errorDetail(actionError)}
        </Text>
      ) : null}
      <QueryState query={orders} label="orders" isEmpty={(data) => data.results.length === 0} empty="No orders match.">
        {(data) => (
          <ResponsiveList
            label="Orders"
            rows={data.results}
            rowKey={(order) => order.id}
            columns={[
              { header: "Order", cell: (order) => `#${order.id}` },
              { header: "Status", cell: (order) => <StatusBadge status={order.status} /> },
              { header: "Action", cell: action },
              { header: "Total", cell: (order) => order.total },
              { header: "Customer", cell: (order) => order.shipping_address.full_name },
              { header: "Items", cell: items },
            ]}
            card={(order) => (
              <Stack gap="xs">
                <Group justify="space-between" wrap="nowrap" align="start">
                  <div>
                    <Text fw={500}>#{order.id}</Text>
                    <Text size="xs" c="dimmed">
                      {order.total} · {order.shipping_address.full_name}
                    </Text>
                  </div>
                  <StatusBadge status={order.status} />
                </Group>
                <Text size="sm">{items(order)}</Text>
                {action(order)}
              </Stack>
            )}
          />
        )}
      </QueryState>
    </Stack>
  );
}

const items = (order: Order) => order.items.map((item) => `${item.quantity} × ${item.product_name}`).join(", ");

const StatusBadge = ({ status }: { status: Status }) => (
  <Badge variant="light" color={STATUS_COLOR[status]} style={{ flexShrink: 0 }}>
    {status}
  </Badge>
);
