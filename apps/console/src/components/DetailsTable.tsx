import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** One row of a `DetailsTable`: what it is (its header) and its value. */
export type Detail = [label: string, value: ReactNode];

/** Facts about one thing, a row each: the label as the row's header, then the value. */
export function DetailsTable({
  rows,
  labelWidth,
  withTableBorder,
}: {
  rows: readonly Detail[];
  labelWidth: number;
  withTableBorder?: boolean;
}) {
  return (
    <Table variant="vertical" layout="fixed" withTableBorder={withTableBorder}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={labelWidth}>{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
