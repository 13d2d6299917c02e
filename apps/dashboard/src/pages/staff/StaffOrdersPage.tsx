import { Badge, Button, Group, NumberInput, Select, Stack, Table, Text, Title } from "@mantine/core";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { RouterInputs } from "@shop/client";
import { useTRPC } from "../../api.ts";
import { errorDetail } from "../../ui/errors.ts";
import { QueryState } from "../../ui/QueryState.tsx";

type Status = NonNullable<RouterInputs["staffOrders"]["list"]["status"]>;
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
          <Table.ScrollContainer minWidth={340}>
            <Table striped aria-label="Orders">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Order</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Action</Table.Th>
                  <Table.Th>Total</Table.Th>
                  <Table.Th>Customer</Table.Th>
                  <Table.Th>Items</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.results.map((order) => (
                  <Table.Tr key={order.id}>
                    <Table.Td>#{order.id}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={STATUS_COLOR[order.status]}>
                        {order.status}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {order.status === "shipped" ? (
                        <Button
                          size="xs"
                          aria-label={`Mark order ${order.id} delivered`}
                          loading={deliver.isPending && deliver.variables?.id === order.id}
                          onClick={() => deliver.mutate({ id: order.id })}
                        >
                          Deliver
                        </Button>
                      ) : null}
                      {order.status === "paid" ? (
                        <Button
                          size="xs"
                          color="orange"
                          variant="light"
                          aria-label={`Refund order ${order.id}`}
                          loading={refund.isPending && refund.variables?.id === order.id}
                          onClick={() => {
                            if (window.confirm(`Refund order #${order.id} (${order.total})? Its stock returns.`))
                              refund.mutate({ id: order.id });
                          }}
                        >
                          Refund
                        </Button>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{order.total}</Table.Td>
                    <Table.Td>{order.shipping_address.full_name}</Table.Td>
                    <Table.Td>{order.items.map((item) => `${item.quantity} × ${item.product_name}`).join(", ")}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </Stack>
  );
}
