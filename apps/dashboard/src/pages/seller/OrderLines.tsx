import { Badge, Button, Group, Text } from "@mantine/core";
import type { RouterOutputs } from "@shop/client";
import { ResponsiveList } from "../../ui/ResponsiveList.tsx";

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

/** The seller's order lines: a table, or one card per line on a phone, where five columns do not fit. */
export function OrderLines(props: LinesProps) {
  const status = (line: Line) => <ShipOrStatus line={line} {...props} />;
  return (
    <ResponsiveList
      label="Order lines"
      rows={props.lines}
      rowKey={(line) => line.id}
      columns={[
        { header: "Order", cell: (line) => `#${line.order_id}` },
        { header: "Item", cell: (line) => <Item line={line} /> },
        { header: "Qty", cell: (line) => line.quantity },
        { header: "Status", cell: status },
        { header: "Ship to", cell: (line) => <ShipTo line={line} /> },
      ]}
      card={(line) => (
        <>
          <Group justify="space-between" wrap="nowrap" align="start">
            <div>
              <Text size="xs" c="dimmed">
                Order #{line.order_id} · qty {line.quantity}
              </Text>
              <Item line={line} />
            </div>
            {status(line)}
          </Group>
          <Text size="xs" c="dimmed" mt="xs">
            Ship to
          </Text>
          <ShipTo line={line} />
        </>
      )}
    />
  );
}
