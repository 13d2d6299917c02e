import { Card, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTRPC } from "../../api.ts";
import { QueryState } from "../../ui/QueryState.tsx";

const PERIODS = [
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
];

export default function SalesPage() {
  const trpc = useTRPC();
  const [period, setPeriod] = useState("30");
  const stats = useQuery(trpc.seller.stats.queryOptions({ days: Number(period) }));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Sales
        </Title>
        <SegmentedControl aria-label="Period" data={PERIODS} value={period} onChange={setPeriod} />
      </Group>
      <QueryState query={stats} label="sales" isEmpty={() => false} empty={null}>
        {(sales) => {
          const chartData = sales.by_day.map((day) => ({
            day: day.date.slice(5),
            revenue: Number(day.revenue),
            units: day.units,
          }));
          return (
            <>
              <SimpleGrid cols={{ base: 1, xs: 3 }}>
                <Stat label="Revenue" value={sales.revenue} />
                <Stat label="Units sold" value={String(sales.units)} />
                <Stat label="Orders" value={String(sales.orders)} />
              </SimpleGrid>
              <Card withBorder>
                <Title order={2} size="h5" mb="sm" id="sales-chart-title">
                  Revenue and units per day
                </Title>
                <div
                  role="img"
                  aria-labelledby="sales-chart-title"
                  aria-describedby="sales-chart-summary"
                  style={{ height: 280 }}
                >
                  <ResponsiveContainer width="100%" height="100%">
                    <ComposedChart data={chartData} margin={{ left: 0, right: 8, top: 8, bottom: 0 }}>
                      <CartesianGrid strokeDasharray="3 3" />
                      <XAxis dataKey="day" fontSize={11} />
                      <YAxis yAxisId="revenue" fontSize={11} />
                      <YAxis yAxisId="units" orientation="right" allowDecimals={false} fontSize={11} />
                      <Tooltip />
                      <Legend />
                      <Bar yAxisId="revenue" dataKey="revenue" name="Revenue" fill="#228be6" isAnimationActive={false} />
                      <Line yAxisId="units" dataKey="units" name="Units" stroke="#f76707" dot={false} isAnimationActive={false} />
                    </ComposedChart>
                  </ResponsiveContainer>
                </div>
                <Text id="sales-chart-summary" size="xs" c="dimmed">
                  {sales.units} units for {sales.revenue} over the last {period} days.
                </Text>
              </Card>
              <Card withBorder>
                <Title order={2} size="h5" mb="sm">
                  Top products
                </Title>
                {sales.top_products.length === 0 ? (
                  <Text c="dimmed" role="status">
                    No sales in this period.
                  </Text>
                ) : (
                  <Table aria-label="Top products">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Product</Table.Th>
                        <Table.Th>Units</Table.Th>
                        <Table.Th>Revenue</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {sales.top_products.map((product) => (
                        <Table.Tr key={`${product.product_id}:${product.name}`}>
                          <Table.Td>{product.name}</Table.Td>
                          <Table.Td>{product.units}</Table.Td>
                          <Table.Td>{product.revenue}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
              </Card>
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} aria-label={`${label}: ${value}`}>
        {value}
      </Text>
    </Card>
  );
}
