import { Button, Group, type MantineSpacing, Text } from '@mantine/core';
import { formatCount } from './format';

/** Under a page of rows: which rows these are of how many, and the way to the pages before and after. */
export function PageNav({
  firstRow,
  shown,
  total,
  previous,
  next,
  mt,
}: {
  firstRow: number;
  shown: number;
  total: number;
  previous: (() => void) | undefined;
  next: (() => void) | undefined;
  mt?: MantineSpacing;
}) {
  return (
    <Group justify="space-between" mt={mt}>
      <Text size="sm" aria-live="polite">
        {formatCount(firstRow)}–{formatCount(firstRow + shown - 1)} of {formatCount(total)}
      </Text>
      <Group gap="xs">
        <Button variant="default" size="xs" onClick={previous} disabled={!previous}>
          Previous page
        </Button>
        <Button variant="default" size="xs" onClick={next} disabled={!next}>
          Next page
        </Button>
      </Group>
    </Group>
  );
}
