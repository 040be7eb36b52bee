import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { ScrollTable } from './ScrollTable';

/** One column of a `DataTable`: its header (a `th scope="col"`) and what each row shows under it. */
export interface Column<Row> {
  /** Tells the columns apart (React's key). */
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Numbers line up on the right. */
  numeric?: boolean;
  /** Dates stay on one line. */
  nowrap?: boolean;
}

/**
 * A table of rows under column headers, in a `ScrollTable`. A column given as `false` is left out, so that a
 * screen can show a column only when it applies.
 */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  rowClassName,
  minWidth,
  ...tableProps
}: {
  columns: readonly (Column<Row> | false)[];
  rows: readonly Row[];
  /** React's key of a row; the index where rows have nothing of their own to tell them apart. */
  rowKey: (row: Row, index: number) => string | number;
  rowClassName?: (row: Row) => string | undefined;
  minWidth: number;
} & Pick<TableProps, 'striped' | 'highlightOnHover' | 'verticalSpacing' | 'withTableBorder' | 'aria-label'>) {
  const shown = columns.filter((c): c is Column<Row> => c !== false);
  return (
    <ScrollTable minWidth={minWidth}>
      <Table {...tableProps}>
        <Table.Thead>
          <Table.Tr>
            {shown.map((c) => (
              <Table.Th scope="col" key={c.key} ta={c.numeric ? 'right' : undefined}>
                {c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => (
            <Table.Tr key={rowKey(row, index)} className={rowClassName?.(row)}>
              {shown.map((c) => (
                <Table.Td
                  key={c.key}
                  ta={c.numeric ? 'right' : undefined}
                  className={c.nowrap ? 'nowrap' : undefined}
                >
                  {c.cell(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
