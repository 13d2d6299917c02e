import { Badge, Button, Group, Paper, Stack, Table, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import type { RouterOutputs } from "@shop/client";

type Line = RouterOutputs["fulfilment"]["sellerItems"]["results"][number];

interface LinesProps {
  lines: Line[];
  isShipping: (line: Line) => boolean;
  onShip: (line: Line) => void;
}

/** A paid, unshipped line's Ship button; otherwise the line's status. */
function ShipOrStatus({ line, isShipping, onShip }: { line: Line } & Omit<LinesProps, "lines">) {
  if (line.order_status === "paid" && !line.shipped_at) {
    return (
      <Button
        size="xs"
        aria-label={`Ship ${line.product_name} of order ${line.order_id}`}
        loading={isShipping(line)}
        onClick={() => onShip(line)}
      >
        Ship
      </Button>
    );
  }
  return (
    <Badge variant="light" color={line.shipped_at ? "teal" : "gray"} style={{ flexShrink: 0 }}>
      {line.shipped_at ? "shipped" : line.order_status}
    </Badge>
  );
}

const Item = ({ line }: { line: Line }) => (
  <>
    <Text size="sm">{line.product_name}</Text>
    <Text size="xs" c="dimmed">
      {line.variant_name} · {line.sku}
    </Text>
  </>
);

const ShipTo = ({ line }: { line: Line }) => (
  <>
    <Text size="sm">{line.shipping_address.full_name}</Text>
    <Text size="xs" c="dimmed">
      {line.shipping_address.city}, {line.shipping_address.country}
    </Text>
  </>
);

/** The seller's order lines: a table, or one card per line on a phone, where six columns do not fit. */
export function OrderLines(props: LinesProps) {
  const phone = useMediaQuery("(max-width: 48em)", false, { getInitialValueInEffect: false });
  if (phone) {
    return (
      <Stack gap="sm" role="list" aria-label="Order lines">
        {props.lines.map((line) => (
          <Paper key={line.id} withBorder p="sm" role="listitem">
            <Group justify="space-between" wrap="nowrap" align="start">
              <div>
                <Text size="xs" c="dimmed">
                  Order #{line.order_id} · qty {line.quantity}
                </Text>
                <Item line={line} />
              </div>
              <ShipOrStatus line={line} {...props} />
            </Group>
            <Text size="xs" c="dimmed" mt="xs">
              Ship to
            </Text>
            <ShipTo line={line} />
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table striped aria-label="Order lines">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Order</Table.Th>
          <Table.Th>Item</Table.Th>
          <Table.Th>Qty</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Ship to</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.lines.map((line) => (
          <Table.Tr key={line.id}>
            <Table.Td>#{line.order_id}</Table.Td>
            <Table.Td>
              <Item line={line} />
            </Table.Td>
            <Table.Td>{line.quantity}</Table.Td>
            <Table.Td>
              <ShipOrStatus line={line} {...props} />
            </Table.Td>
            <Table.Td>
              <ShipTo line={line} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
