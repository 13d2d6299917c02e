import { Paper, Stack, Table } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import type { Key, ReactNode } from "react";

export interface Column<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
}

interface ResponsiveListProps<T> {
  /** The accessible name of the table, or of the list on a phone. */
  label: string;
  rows: T[];
  rowKey: (row: T) => Key;
  columns: Column<T>[];
  /** One row as a card, for a phone. */
  card: (row: T) => ReactNode;
  /** Below this width the table scrolls sideways (between the phone layout and a wide screen). */
  minWidth?: number;
}

/** Phone width: below Mantine's `sm` breakpoint, where the layout's navbar collapses too. */
export const usePhone = () => useMediaQuery("(max-width: 48em)", false, { getInitialValueInEffect: false });

/**
 * A table on a wide screen; on a phone, where its columns do not fit in 375 px, a list with one
 * card per row. Only one of the two is rendered, so each control exists once on the page.
 */
export function ResponsiveList<T>({ label, rows, rowKey, columns, card, minWidth }: ResponsiveListProps<T>) {
  if (usePhone()) {
    return (
      <Stack gap="sm" role="list" aria-label={label}>
        {rows.map((row) => (
          <Paper key={rowKey(row)} withBorder p="sm" role="listitem">
            {card(row)}
          </Paper>
        ))}
      </Stack>
    );
  }
  const table = (
    <Table striped verticalSpacing="xs" aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((column, i) => (
            <Table.Th key={i}>{column.header}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={rowKey(row)}>
            {columns.map((column, i) => (
              <Table.Td key={i}>{column.cell(row)}</Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return minWidth ? <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer> : table;
}
